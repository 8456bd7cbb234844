import Foundation
import PraxisCore

/// What the server serves at this moment: the last good site, and the problems of the last
/// build when it failed. Requests read it while the next build runs.
final class ServedState: Sendable {
    struct Current: Sendable {
        /// The last good build; nil before the first.
        var site: ServedSite?
        /// Problems of the last build; empty when it succeeded.
        var problems: [Diagnostic]
        /// A build is running; requests are still answered from `snapshot`.
        var building = false
    }

    private let current = Locked(Current(site: nil, problems: []))

    var now: Current { current.withLock { $0 } }

    func startBuilding() {
        current.withLock { $0.building = true }
    }

    /// The new site (or the problems) replaces the old in one step, when the update is complete.
    /// Returns what was served before: freeing a whole model takes milliseconds, so the caller
    /// lets it go after the open pages have been told.
    func update(_ outcome: LiveSite.Outcome) -> Current {
        current.withLock { current in
            let old = current
            current = Current(site: outcome.site, problems: outcome.failure?.diagnostics ?? [])
            return old
        }
    }
}

/// The state a page's script is told about: the build it should show and the problems.
struct LiveState: Codable, Sendable {
    struct Problem: Codable, Sendable {
        var file: String
        var line: Int?
        var key: String?
        var message: String
        var hint: String?
        /// `file:line: key: message hint`, as `praxis build` prints it.
        var text: String
    }

    var build: Int
    var problems: [Problem]
    /// Whether the next build is running (the pages still show `build`).
    var building: Bool
    /// The time of the update just done, in milliseconds.
    var milliseconds: Double?

    init(_ current: ServedState.Current, milliseconds: Double? = nil) {
        build = current.site?.build ?? 0
        building = current.building
        problems = current.problems.map {
            Problem(file: $0.file, line: $0.line, key: $0.key, message: $0.message, hint: $0.hint, text: $0.description)
        }
        self.milliseconds = milliseconds
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
