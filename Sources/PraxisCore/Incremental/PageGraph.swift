/// Which page read which input, and the value each input had when the pages were rendered.
/// After a change, the inputs whose value changed name the pages to render again; every other
/// page keeps its bytes.
struct PageGraph {
    struct Page {
        /// `PageInputs.identity` of the job that rendered it.
        var identity: String
        /// Ids of its inputs, in `inputs`.
        var inputs: [Int]
    }

    private(set) var pages: [String: Page] = [:]
    /// Every input any page read, by id.
    private var inputs: [PageInput] = []
    private var inputID: [PageInput: Int] = [:]
    /// The value of each input when last looked at.
    private var values: [Int] = []
    /// Per input id, the paths of the pages that read it.
    private var readers: [Set<String>] = []

    /// The pages (by path) that read an input whose value differs in `current`; the new values
    /// are kept.
    mutating func stalePages(in current: PageInputs) -> Set<String> {
        var stale = Set<String>()
        for id in inputs.indices {
            let value = current.value(of: inputs[id])
            if value != values[id] {
                values[id] = value
                stale.formUnion(readers[id])
            }
        }
        return stale
    }

    /// Notes that the page at `path` was rendered by `identity` from `pageInputs`.
    mutating func record(_ path: String, identity: String, inputs pageInputs: [PageInput], in current: PageInputs) {
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
                inputID[input] = id
                values.append(current.value(of: input))
                readers.append([])
            }
            readers[id].insert(path)
            ids.append(id)
        }
        pages[path] = Page(identity: identity, inputs: ids)
    }

    /// Forgets the page at `path` (its job is gone).
    mutating func remove(_ path: String) {
        guard let page = pages.removeValue(forKey: path) else { return }
        for id in page.inputs { readers[id].remove(path) }
    }
}
