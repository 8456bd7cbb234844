#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Test hooks of the write stage, read from the environment in this one place. They exist so
/// that the tests can prove "nothing is lost" at exact moments, without timing:
///
/// - `PRAXIS_NO_RENAME_EXCHANGE=1` acts as if the file system could not exchange two folders in
///   one step (renameat2 RENAME_EXCHANGE), so the two-rename fallback runs.
/// - `PRAXIS_TEST_STOP_AT=POINT:FILE` makes the writer, on reaching POINT, create FILE and
///   wait there forever; the test waits for FILE and kills the process. POINT is one of
///   `staged` (staging complete, output untouched), `moved-aside` (fallback: the old site
///   moved aside, the new not yet in place), `swapped` (the new site in place, the old one not
///   yet removed).
enum WriteTestHooks {
    static let noRenameExchange = ProcessInfo.processInfo.environment["PRAXIS_NO_RENAME_EXCHANGE"] == "1"

    private static let stop: (point: String, file: String)? = {
        guard let value = ProcessInfo.processInfo.environment["PRAXIS_TEST_STOP_AT"],
              let colon = value.firstIndex(of: ":") else { return nil }
        return (String(value[..<colon]), String(value[value.index(after: colon)...]))
    }()

    static func reached(_ point: String) {
        guard let stop, stop.point == point else { return }
        _ = FileManager.default.createFile(atPath: stop.file, contents: Data(point.utf8))
        while true { pause() }
    }
}
