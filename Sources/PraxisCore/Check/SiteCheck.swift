import Foundation

/// `praxis check`: everything the build validates, then every internal link and anchor of the
/// generated pages, and on a site in several languages the translations (TranslationCheck),
/// all in memory. Nothing is written: the output folder is not even looked at.
public enum SiteCheck {
    public static func run(_ options: BuildOptions) async -> CheckResult {
        // Whether schemas/ still lists what exists reads every entry's title once more: on a
        // thread of its own beside the build, whose single-threaded stages leave a core free.
        let staleSchemas = Task.detached { SchemaFiles.staleFiles(siteRoot: options.siteRoot) ?? [] }
        // Warnings on translations, read from the parsed content rather than the pages; first,
        // so that content is let go before the site is built in memory.
        let translations = await TranslationCheck.run(options)
        let generated: GeneratedSite
        do {
            generated = try await Pipeline.generate(options)
        } catch let failure as BuildFailure {
            return CheckResult(problems: failure.diagnostics.map(CheckProblem.init).sorted(), failedStage: failure.stage,
                               pages: 0, links: 0)
        } catch {
            let problem = CheckProblem(file: options.siteRoot.path, message: "the site could not be built: \(error.localizedDescription)")
            return CheckResult(problems: [problem], failedStage: "build", pages: 0, links: 0)
        }
        // The build has read site.yaml without problems; it is read again for the base path,
        // the facets and the theme that the link check needs.
        guard let config = readConfig(options) else {
            let problem = CheckProblem(file: "content/site.yaml", message: "could not be read a second time to check the links.",
                                       hint: "Was it changed or removed while the check ran? Run praxis check again.")
            return CheckResult(problems: [problem], failedStage: "check", pages: 0, links: 0)
        }
        let outcome = await LinkCheck(site: generated, config: config, siteRoot: options.siteRoot).run()
        let schemas = await staleSchemas.value.map { file in
            CheckProblem(file: file, message: "is out of date: the site's vocabularies, languages or entries changed since it was written.",
                         hint: "Run praxis schema to write it again, so that editors offer what exists now.", severity: .warning)
        }
        return CheckResult(problems: (outcome.problems + translations + schemas).sorted(), failedStage: nil,
                           pages: outcome.pages, links: outcome.links)
    }

    private static func readConfig(_ options: BuildOptions) -> SiteConfig? {
        let path = "content/site.yaml"
        guard case .success(let file) = SourceFile.read(options.siteRoot.appending(path: path), path: path) else { return nil }
        var problems = Problems()
        return SiteConfig.parse(file, baseURLOverride: options.baseURL, problems: &problems)
    }
}
