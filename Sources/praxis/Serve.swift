import ArgumentParser
import Foundation
import PraxisCore
import PraxisServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on 127.0.0.1 (or --bind ADDRESS) and build again on every change.",
        discussion: """
        Watches content/, seeds/, themes/ and site.yaml. After every save only what the change \
        touches is built again, and the open pages reload. When the sources are broken the last \
        good site stays served and every page shows the problems (FILE:LINE: what is wrong) \
        until they are fixed. The site is served from memory under the path of base_url; the \
        built files are byte for byte those of praxis build.

        To preview on a phone or another computer in the same network, serve with --bind \
        0.0.0.0 (or one address of this machine) and open the address printed under "On the \
        network". Every device of that network can then open the preview, drafts included \
        with --drafts: do it on a network you trust. Requests that name any other host are \
        refused (a web page cannot reach the preview through a name of its own).
        """
    )

    @Argument(help: "The site root: a folder with content/ and seeds/.")
    var siteRoot: String = "."

    @Option(name: .shortAndLong, help: "The port (0: any free port).")
    var port: Int = 8080

    @Option(help: ArgumentHelp("The address to listen on: 127.0.0.1 (this machine only), an IP address of this machine, or 0.0.0.0 (:: with IPv6) for every network it is on.",
                               valueName: "address"))
    var bind: String = "127.0.0.1"

    @Flag(help: "Also publish practices marked draft: true.")
    var drafts = false

    @Option(name: .shortAndLong, help: "Also keep a copy of the served site in this folder, updated after every build.")
    var output: String?

    @Flag(name: .shortAndLong, help: "Print the time of each stage of every build.")
    var verbose = false

    func validate() throws {
        guard BindAddress(bind) != nil else {
            throw ValidationError("--bind takes an IP address of this machine (e.g. 192.168.1.20), 127.0.0.1 for this machine only, "
                                  + "or 0.0.0.0 (:: with IPv6) for every network it is on; \"\(ControlCharacters.escape(bind))\" is none of these.")
        }
    }

    func run() async throws {
        let root = URL(fileURLWithPath: siteRoot, isDirectory: true)
        let build = BuildOptions(siteRoot: root, includeDrafts: drafts)
        let output = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        do {
            try await SiteServer.run(.init(build: build, port: port, bind: BindAddress(bind) ?? .loopback, output: output, verbose: verbose))
        } catch let failure as BuildFailure {
            for diagnostic in failure.diagnostics { FileHandle.standardError.write(Data("error: \(diagnostic.description)\n".utf8)) }
            throw ExitCode(1)
        } catch {
            FileHandle.standardError.write(Data("error: \(ControlCharacters.escape("\(error)"))\n".utf8))
            throw ExitCode(1)
        }
    }
}
