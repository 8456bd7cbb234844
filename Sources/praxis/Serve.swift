import ArgumentParser
import Foundation
import PraxisCore
import PraxisServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on 127.0.0.1 and build again on every change.",
        discussion: """
        Watches content/, seeds/, themes/ and site.yaml. After every save only what the change \
        touches is built again, and the open pages reload. When the sources are broken the last \
        good site stays served and every page shows the problems (FILE:LINE: what is wrong) \
        until they are fixed. The site is served from memory under the path of base_url; the \
        built files are byte for byte those of praxis build.
        """
    )

    @Argument(help: "The site root: a folder with content/ and seeds/.")
    var siteRoot: String = "."

    @Option(name: .shortAndLong, help: "The port on 127.0.0.1 (0: any free port).")
    var port: Int = 8080

    @Flag(help: "Also publish practices marked draft: true.")
    var drafts = false

    @Option(name: .shortAndLong, help: "Also keep a copy of the served site in this folder, updated after every build.")
    var output: String?

    @Flag(name: .shortAndLong, help: "Print the time of each stage of every build.")
    var verbose = false

    func run() async throws {
        let root = URL(fileURLWithPath: siteRoot, isDirectory: true)
        let build = BuildOptions(siteRoot: root, includeDrafts: drafts)
        let output = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        do {
            try await SiteServer.run(.init(build: build, port: port, output: output, verbose: verbose))
        } catch let failure as BuildFailure {
            for diagnostic in failure.diagnostics { FileHandle.standardError.write(Data("error: \(diagnostic.description)\n".utf8)) }
            throw ExitCode(1)
        } catch {
            FileHandle.standardError.write(Data("error: \(ControlCharacters.escape("\(error)"))\n".utf8))
            throw ExitCode(1)
        }
    }
}
