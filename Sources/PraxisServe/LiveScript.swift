import Foundation

/// The script `praxis serve` adds to every HTML page it serves (never to the built files): it
/// listens for builds, reloads the page when the site changed, and shows the problems of a
/// failed build in an overlay until the next good build.
enum LiveScript {
    static let path = "/__praxis/live.js"

    /// The tag put before `</body>`; `build` is the build the page comes from.
    static func tag(build: Int) -> String {
        "<script src=\"\(path)\" data-build=\"\(build)\"></script>"
    }

    /// `html` with the tag before its last `</body>` (or at its end).
    static func inject(into html: Data, build: Int) -> Data {
        let tag = Data(tag(build: build).utf8)
        let closing = Data("</body>".utf8)
        guard let range = html.range(of: closing, options: .backwards) else { return html + tag }
        var result = Data(capacity: html.count + tag.count)
        result.append(html[html.startIndex..<range.lowerBound])
        result.append(tag)
        result.append(html[range.lowerBound...])
        return result
    }

    /// The script is `live/live.js` beside this file, a JavaScript file of its own (linted and
    /// read as such), embedded at build time like the default theme.
    ///
    /// The overlay is an alert dialog: announced at once, focus on its close button, Escape or
    /// the button closes it (until the problems change), focus goes back where it was. Messages
    /// are set as text, never as markup.
    static let source: String = {
        guard let file = EmbeddedLiveFiles.base64Files.first(where: { $0.path == "live.js" }),
              let data = Data(base64Encoded: file.base64) else { preconditionFailure("live.js was not embedded") }
        return String(decoding: data, as: UTF8.self)
    }()
}
