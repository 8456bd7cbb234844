/// The resolved, cross-linked catalogue: every published entry with the links pointing to it.
/// Built by stage "resolve"; every later stage reads only this.
public struct Site: Sendable {
    public struct DayRef: Sendable, Hashable {
        public var workshop: String
        public var day: String
    }

    public var config: SiteConfig
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

    public func body(of file: String, root: String) -> String {
        guard let body = bodies[file] else { return "" }
        let targets = (linkTargets[file] ?? []).map { root + $0 }
        return body.html(linking: targets)
    }
}
