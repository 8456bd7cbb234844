/// Which page read which input, and the value each input had when the pages were rendered.
/// After a change, the inputs whose value changed name the pages to render again; every other
/// page keeps its bytes.
struct PageGraph {
    struct Page {
        /// `PageInputs.identity` of the job that rendered it, and the job.
        var identity: String
        var job: Renderer.Job
        /// Ids of its inputs, in `inputs`.
        var inputs: [Int]
    }

    /// Which inputs a build has to look at again.
    enum Scope {
        /// All of them: the site's shape may have changed.
        case everything
        /// Only those of the source files `files` (the only ones read again), the latest
        /// practices when `latest`, the facets when `facets`: everything else is as it was.
        case edits(files: Set<String>, latest: Bool, facets: Bool)
    }

    /// What an input's value depends on, to skip it when that did not change.
    private enum Source {
        /// One source file, by path.
        case file(String)
        case latest, facets
        case other
    }

    private(set) var pages: [String: Page] = [:]
    /// Every input any page read, by id.
    private var inputs: [PageInput] = []
    private var sources: [Source] = []
    private var inputID: [PageInput: Int] = [:]
    /// Per file, the ids of the inputs that depend on it alone.
    private var inputsOfFile: [String: [Int]] = [:]
    /// The value of each input when last looked at.
    private var values: [Int] = []
    /// Per input id, the paths of the pages that read it.
    private var readers: [Set<String>] = []

    /// The pages (by path) that read an input whose value differs in `current`; the new values
    /// are kept.
    mutating func stalePages(in current: PageInputs, scope: Scope) -> Set<String> {
        var stale = Set<String>()
        func check(_ id: Int) {
            let value = current.value(of: inputs[id])
            if value != values[id] {
                values[id] = value
                stale.formUnion(readers[id])
            }
        }
        switch scope {
        case .everything:
            for id in inputs.indices { check(id) }
        case .edits(let files, let latest, let facets):
            for file in files { for id in inputsOfFile[file] ?? [] { check(id) } }
            for id in inputs.indices {
                switch sources[id] {
                case .latest where latest, .facets where facets: check(id)
                default: break
                }
            }
        }
        return stale
    }

    /// Notes that the page at `path` was rendered by `job` (`identity`) from `pageInputs`.
    mutating func record(_ path: String, identity: String, job: Renderer.Job, inputs pageInputs: [PageInput], in current: PageInputs) {
        remove(path)
        var ids: [Int] = []
        ids.reserveCapacity(pageInputs.count)
        for input in pageInputs {
            let id: Int
            if let known = inputID[input] {
                id = known
            } else {
                id = inputs.count
                inputs.append(input)
                let source = Self.source(of: input)
                sources.append(source)
                if case .file(let file) = source { inputsOfFile[file, default: []].append(id) }
                inputID[input] = id
                values.append(current.value(of: input))
                readers.append([])
            }
            readers[id].insert(path)
            ids.append(id)
        }
        pages[path] = Page(identity: identity, job: job, inputs: ids)
    }

    /// Notes the job that makes the page at `path` now: jobs name facet values by position,
    /// which moves when values come or go.
    mutating func update(_ path: String, job: Renderer.Job) {
        pages[path]?.job = job
    }

    /// Forgets the page at `path` (its job is gone).
    mutating func remove(_ path: String) {
        guard let page = pages.removeValue(forKey: path) else { return }
        for id in page.inputs { readers[id].remove(path) }
    }

    /// The inputs whose value is read from one source file only (see `PageInputs.value`).
    private static func source(of input: PageInput) -> Source {
        switch input {
        case .file(let path), .body(let path): .file(path)
        case .card(let id): .file("content/practices/\(id).md")
        case .partnerLink(let id): .file("content/partners/\(id).md")
        case .sourceLink(let id): .file("seeds/\(id).md")
        case .workshopTitle(let id): .file("content/workshops/\(id)/index.md")
        case .latest: .latest
        case .facetSummary, .facetLabel, .facetPage, .facetNames, .practicesOfPartner: .facets
        default: .other
        }
    }
}
