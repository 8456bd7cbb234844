import Foundation

/// Waits for the event of a `praxis` run stopped with `PRAXIS_TEST_STOP_AT=point:file`: `file`
/// appears once the run reached `point`, which then waits to be killed. False when the process
/// ended first (it can only end early by failing). Polls the file, never waits a fixed time.
func waitForStopPoint(_ file: URL, of process: Process) -> Bool {
    while !FileManager.default.fileExists(atPath: file.path) {
        guard process.isRunning else { return false }
        usleep(2_000)
    }
    return true
}
