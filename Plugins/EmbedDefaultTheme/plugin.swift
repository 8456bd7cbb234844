import Foundation
import PackagePlugin

/// Embeds files into the binary, so it carries them wherever it is copied to: `themes/default/`
/// into PraxisCore (a site root without `themes/` builds with it), and the live-reload script
/// `Sources/PraxisServe/live/` into PraxisServe.
@main
struct EmbedDefaultTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let (folder, name): (URL, String) = target.name == "PraxisServe"
            ? (context.package.directoryURL.appending(path: "Sources/PraxisServe/live"), "EmbeddedLiveFiles")
            : (context.package.directoryURL.appending(path: "themes").appending(path: "default"), "EmbeddedDefaultTheme")
        let output = context.pluginWorkDirectoryURL.appending(path: name + ".swift")
        return [
            .buildCommand(
                displayName: "Embedding \(folder.lastPathComponent)",
                executable: try context.tool(named: "EmbedTheme").url,
                arguments: [folder.path, output.path, name],
                inputFiles: themeFiles(in: folder),
                outputFiles: [output]
            )
        ]
    }

    /// Every file of the theme is an input, so editing one re-runs the embedding.
    private func themeFiles(in folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }
}
