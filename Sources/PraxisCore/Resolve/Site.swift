/// The resolved, cross-linked catalogue: every published entry with the links pointing to it.
/// Built by stage "resolve"; every later stage reads only this.
public struct Site: Sendable {
    public struct DayRef: Sendable, Hashable {
        public var workshop: String
        public var day: String
    }

    public var config: SiteConfig
    /// The language of this tree of the site (`ParsedContent.tree(for:)`); the default language's unless set.
    public var language: String = ""
    /// Files of the default language's entries this tree took along: their pages are in the default tree.
    public var fallbackFiles: Set<String> = []
    /// Published practices in German alphabetical order of title.
    public var practices: [Practice]
    public var partners: [Partner]
    public var workshops: [Workshop]
    /// Days by workshop id, in day order.
    public var days: [String: [WorkshopDay]]
    public var pages: [Page]
    public var sources: [SourceDocument]
    public var staticFiles: [String]
    /// Rendered bodies, keyed by the entry's file path.
    public var bodies: [String: RenderedMarkdown]
    /// Root-relative URLs of each body's internal links, in the order of `RenderedMarkdown.links`.
    public var linkTargets: [String: [String]]

    // Lookups and links both ways.
    public var practiceByID: [String: Practice]
    public var partnerByID: [String: Partner]
    public var sourceByID: [String: SourceDocument]
    public var workshopByID: [String: Workshop]
    /// Practice ids of each partner, in the order of `practices`.
    public var practicesOfPartner: [String: [String]]
    /// Workshop ids of each partner.
    public var workshopsOfPartner: [String: [String]]
    /// `related` made symmetric: a practice lists those it names and those that name it.
    public var relatedOf: [String: [String]]
    /// The workshop days that present each practice.
    public var daysOfPractice: [String: [DayRef]]
    /// Pages (root-relative URL, title) citing each source.
    public var citationsOf: [String: [(url: String, title: String)]]

    /// The tree's language, or the default language for a site made before trees had one.
    public var pageLanguage: String { language.isEmpty ? config.language : language }

    /// Where this tree's pages live below the site root: "" or `en/`.
    public var prefix: String { SitePaths.prefix(pageLanguage, default: config.language) }

    /// Where the page of the entry read from `file` lives below the site root.
    public func prefix(ofFile file: String) -> String { fallbackFiles.contains(file) ? "" : prefix }

    /// The way from this tree's root to the site root: "" or "../".
    public var up: String { prefix.isEmpty ? "" : "../" }

    /// Whether the entry read from `file` has its page in this tree.
    public func isOwn(_ file: String) -> Bool { !fallbackFiles.contains(file) }

    public func body(of file: String, root: String) -> String {
        guard let body = bodies[file] else { return "" }
        // The targets are below the site root, a tree's root is below it.
        let targets = (linkTargets[file] ?? []).map { root + up + $0 }
        return body.html(linking: targets)
    }
}
