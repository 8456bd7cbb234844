import Foundation

/// What `praxis build` was asked to do.
public struct BuildOptions: Sendable {
    public var siteRoot: URL
    public var output: URL
    /// Overrides site.yaml's `base_url`, e.g. for a preview under another address.
    public var baseURL: String?
    public var includeDrafts: Bool

    public init(siteRoot: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false) {
        self.siteRoot = siteRoot.standardizedFileURL
        self.output = (output ?? siteRoot.appending(path: "public")).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
    }
}

/// What a successful build did, for the command line to report.
public struct BuildReport: Sendable {
    public var pages: Int
    public var files: Int
    public var practices: Int
    /// Stage name and seconds, in pipeline order.
    public var timings: [(stage: String, seconds: Double)]
    /// What the editor must know although the build succeeded, e.g. an old site left over.
    public var notes: [String] = []
}
