import ArgumentParser
import Foundation
import PraxisCore

extension CheckFormat: ExpressibleByArgument {}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a site without writing it: every problem the build finds, and every internal link and anchor.",
        discussion: """
        Builds the site in memory, as praxis build would, and follows every internal href, src \
        and srcset of every page, including #anchors. Nothing is written; public/ stays as it is. \
        A broken link is reported on the line of the Markdown file that wrote it, or else against \
        the theme template that made it. Exit status 0 when all is well, 1 on any error.

        On a site in several languages, each translation is read against its original: a facet, \
        partner or place that differs, and a link to an entry without a version in the \
        translation's language (it leads to the default language's page), are warnings, which \
        do not fail the check.

        --format github prints GitHub Actions annotations, so each problem shows on its line in \
        a pull request; --format json prints one JSON object for other programs.
        """
    )

    @Argument(help: "The site root: a folder with content/ and seeds/.")
    var siteRoot: String = "."

    @Option(help: "How to print the problems.")
    var format: CheckFormat = .text

    @Option(name: .customLong("base-url"), help: "Check as if published at this address, instead of base_url in site.yaml.")
    var baseURL: String?

    @Flag(help: "Also check practices marked draft: true, as praxis build --drafts publishes them.")
    var drafts = false

    func run() async throws {
        let root = URL(fileURLWithPath: siteRoot, isDirectory: true)
        let result = await SiteCheck.run(BuildOptions(siteRoot: root, baseURL: baseURL, includeDrafts: drafts))
        FileHandle.standardOutput.write(Data(format.render(result, pathPrefix: annotationPrefix).utf8))
        if !result.passed { throw ExitCode(1) }
    }

    /// The site root as a path from the current folder, for GitHub's annotations: `""` for `.`.
    private var annotationPrefix: String {
        var standardized = (siteRoot as NSString).standardizingPath
        let current = FileManager.default.currentDirectoryPath
        if standardized == current { return "" }
        if standardized.hasPrefix(current + "/") { standardized = String(standardized.dropFirst(current.count + 1)) }
        if standardized.hasPrefix("/") || standardized == "." || standardized.isEmpty { return "" }
        return standardized.hasSuffix("/") ? standardized : standardized + "/"
    }
}
