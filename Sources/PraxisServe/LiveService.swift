import Foundation
import PraxisCore
import ServiceLifecycle

/// Builds again whenever the watcher reports a batch of changes, swaps the new site in (or
/// keeps the last good one and reports the problems), and tells the open pages.
struct LiveService: Service {
    let watcher: FileWatcher
    let live: LiveSite
    let served: ServedState
    let events: LiveEvents
    /// `--output`: a folder kept equal to the served site, written whole after each good update.
    let mirror: URL?
    let siteRoot: URL
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

    /// One update after a change; also the first build, before the server starts.
    func rebuild(_ changes: SourceChanges) async {
        let started = ContinuousClock.now
        served.startBuilding()
        // Off the shared threads, which answer requests meanwhile (from the last good site:
        // the new one is swapped in only when it is complete).
        let outcome = await withTaskExecutorPreference(executor) { await live.update(changes) }
        let replaced = served.update(outcome)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let state = LiveState(served.now, milliseconds: milliseconds)
        events.send(outcome.failure != nil ? "problems" : outcome.changed ? "reload" : "ok", state)
        report.build(outcome, changes: changes, milliseconds: milliseconds)
        withExtendedLifetime(replaced) {}
        if let mirror, let site = outcome.site, outcome.failure == nil, outcome.changed {
            // After the event: the pages reload from the model, not from this folder.
            await withTaskExecutorPreference(executor) {
                do {
                    for note in try await site.write(to: mirror, siteRoot: siteRoot) { report.line("warning: \(note)") }
                    report.line("Wrote \(mirror.path) (build \(site.build)).")
                } catch {
                    let text = (error as? BuildFailure)?.diagnostics.map(\.description).joined(separator: "\n")
                    report.error(text ?? "could not write \(mirror.path): \(error.localizedDescription)")
                }
            }
        }
    }
}

/// What `praxis serve` prints: a line per build, the problems of a failed one in the form
/// `praxis build` prints them, and with `--verbose` the time of each stage.
struct Report: Sendable {
    let verbose: Bool

    func build(_ outcome: LiveSite.Outcome, changes: SourceChanges, milliseconds: Double) {
        let time = String(format: "%.0f ms", milliseconds)
        if let failure = outcome.failure {
            for diagnostic in failure.diagnostics { error(diagnostic.description) }
            let count = failure.diagnostics.count
            let served = outcome.site != nil ? "the last good site stays served" : "every page shows the problems until they are fixed"
            line("Build failed in stage \"\(failure.stage)\" with \(count) problem\(count == 1 ? "" : "s") (\(time)); \(served).")
        } else {
            let what = changes.everything ? "Built" : "Rebuilt"
            let pages = outcome.site.map { "\($0.pageCount) pages, each rendered when asked for" } ?? "no pages"
            line("\(what) in \(time): \(outcome.changed ? "build \(outcome.site?.build ?? 0)" : "nothing changed"), \(pages).")
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

    func warning(_ text: String) {
        FileHandle.standardError.write(Data("warning: \(text)\n".utf8))
    }

    func error(_ text: String) {
        FileHandle.standardError.write(Data("error: \(text)\n".utf8))
    }
}
