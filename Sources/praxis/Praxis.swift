import ArgumentParser
import Foundation
import PraxisCore

@main
struct Praxis: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "praxis",
        abstract: "Builds the good-practice catalogue: content/ in, a static site out.",
        version: PraxisVersion.current,
        subcommands: [Build.self, Check.self, New.self, Schema.self, Serve.self],
        defaultSubcommand: Build.self
    )
}

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from a site root (content/, seeds/, optional themes/) into a folder.",
        discussion: """
        The site is built into a fresh folder beside the output and replaces it only when the \
        whole build succeeded: a failed build leaves the previous site as it was. Every problem \
        found is printed as FILE:LINE: KEY: what is wrong, and the exit status is 1.
        """
    )

    @Argument(help: "The site root: a folder with content/ and seeds/.")
    var siteRoot: String = "."

    @Option(name: .shortAndLong, help: "Where to write the site (default: SITE-ROOT/public).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "The address the site is published at, instead of base_url in site.yaml.")
    var baseURL: String?

    @Flag(help: "Also publish practices marked draft: true.")
    var drafts = false

    @Flag(name: .shortAndLong, help: "Print the time each stage took.")
    var verbose = false

    func run() async throws {
        let root = URL(fileURLWithPath: siteRoot, isDirectory: true)
        let options = BuildOptions(siteRoot: root, output: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
                                   baseURL: baseURL, includeDrafts: drafts)
        let started = Date()
        do {
            let report = try await Pipeline.build(options)
            let seconds = Date().timeIntervalSince(started)
            for note in report.notes { FileHandle.standardError.write(Data("warning: \(note)\n".utf8)) }
            print("Built \(report.practices) practices, \(report.pages) pages (\(report.files) files) into \(options.output.path) in \(String(format: "%.2f", seconds)) s.")
            if verbose {
                for (stage, time) in report.timings { print("  \(stage.padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(format: "%7.3f", time)) s") }
            }
        } catch let failure as BuildFailure {
            let standardError = FileHandle.standardError
            for diagnostic in failure.diagnostics {
                standardError.write(Data("error: \(diagnostic.description)\n".utf8))
            }
            let count = failure.diagnostics.count
            standardError.write(Data("Build failed in stage \"\(failure.stage)\" with \(count) problem\(count == 1 ? "" : "s"). \(options.output.path) was not changed.\n".utf8))
            throw ExitCode(1)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            // The message can quote a file name: control characters in it are written visibly.
            FileHandle.standardError.write(Data("error: \(ControlCharacters.escape(error.localizedDescription))\nBuild failed; \(ControlCharacters.escape(options.output.path)) was not changed.\n".utf8))
            throw ExitCode(1)
        }
    }
}
