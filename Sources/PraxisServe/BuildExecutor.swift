import Foundation

/// Threads of their own for the builds of `praxis serve`. The build splits its stages into a
/// task per processor, each running for most of the stage; on Swift's shared pool (a thread per
/// processor) requests would wait behind them for seconds during a full rebuild. Run with this
/// executor as the task's preference (`withTaskExecutorPreference`), the build and every child
/// task it starts stay on these threads, and the shared pool stays free to answer requests
/// from the last good site.
///
/// The queue is guarded by an `NSLock` (a pthread mutex), not `Synchronization.Mutex`: on Linux
/// `Mutex` locks with bare futexes, which ThreadSanitizer cannot see, so every access it guards
/// reads as a race there. `@unchecked Sendable` is sound: `jobs` is touched only with `lock` held.
final class BuildExecutor: TaskExecutor, @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [UnownedJob] = []
    private let waiting = DispatchSemaphore(value: 0)

    init(threads: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)) {
        for index in 0..<threads {
            let thread = Thread { [self] in work() }
            thread.name = "praxis-build-\(index + 1)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        lock.withLock { jobs.append(job) }
        waiting.signal()
    }

    /// Runs jobs in the order they came, for as long as the process lives (serve runs until it
    /// is stopped, and these threads with it).
    private func work() {
        while true {
            waiting.wait()
            guard let job = lock.withLock({ jobs.isEmpty ? nil : jobs.removeFirst() }) else { continue }
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
