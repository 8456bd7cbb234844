import Foundation
import PraxisCore
import ServiceLifecycle

/// Builds again whenever the watcher reports a batch of changes, swaps the new site in (or
/// keeps the last good one and reports the problems), and tells the open pages.
struct LiveService: Service {
    let watcher: FileWatcher
    let live: LiveBuild
    let served: ServedState
    let events: LiveEvents
    let mirror: SnapshotWriter?
    let report: Report
    let executor: BuildExecutor

    func run() async throws {
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(20))
                        events.ping()
                    }
                }
                // One build at a time; what came meanwhile is merged into the next one.
                for await _ in watcher.changes {
                    guard let batch = watcher.take() else { continue }
                    await rebuild(SourceChanges(paths: batch.paths, everything: batch.everything))
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            // Open event streams would keep the server waiting for their end.
            watcher.stop()
            events.finishAll()
        }
    }

    /// One build after a change; also the first build, before the server starts.
    func rebuild(_ changes: SourceChanges) async {
        let started = ContinuousClock.now
        served.startBuilding()
        // Off the shared threads, which answer requests meanwhile (from the last good site:
        // the new one is swapped in only when it is complete).
        let outcome = await withTaskExecutorPreference(executor) { await live.rebuild(changes) }
        served.update(outcome)
        if let mirror, outcome.failure == nil, !outcome.changed.isEmpty {
            do {
                for note in try await mirror.write(outcome.snapshot, paths: outcome.changed) { report.line("warning: \(note)") }
            } catch {
                report.error((error as? FileSystemError)?.description ?? "could not write \(mirror.output.path): \(error.localizedDescription)")
            }
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let state = LiveState(served.now, changed: outcome.changed.count, milliseconds: milliseconds)
        events.send(outcome.failure != nil ? "problems" : outcome.changed.isEmpty ? "ok" : "reload", state)
        report.build(outcome, changes: changes, milliseconds: milliseconds)
    }
}

/// What `praxis serve` prints: a line per build, the problems of a failed one in the form
/// `praxis build` prints them, and with `--verbose` the time of each stage.
struct Report: Sendable {
    let verbose: Bool

    func build(_ outcome: LiveBuild.Outcome, changes: SourceChanges, milliseconds: Double) {
        let time = String(format: "%.0f ms", milliseconds)
        if let failure = outcome.failure {
            for diagnostic in failure.diagnostics { error(diagnostic.description) }
            let count = failure.diagnostics.count
            let served = outcome.snapshot.build > 0 ? "the last good site stays served" : "every page shows the problems until they are fixed"
            line("Build failed in stage \"\(failure.stage)\" with \(count) problem\(count == 1 ? "" : "s") (\(time)); \(served).")
        } else {
            let changed = outcome.changed.count
            let what = changes.everything ? "Built" : "Rebuilt"
            line("\(what) in \(time): \(changed) file\(changed == 1 ? "" : "s") changed, \(outcome.rendered) page\(outcome.rendered == 1 ? "" : "s") rendered.")
        }
        if verbose {
            for (stage, seconds) in outcome.timings {
                line("  \(stage.padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", seconds * 1000)) ms")
            }
        }
    }

    func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    func error(_ text: String) {
        FileHandle.standardError.write(Data("error: \(text)\n".utf8))
    }
}
