import Dispatch

/// Computes `produce(i)` for `i` in `0..<count` on up to `jobs` threads and hands each result to
/// `consume` on the calling thread, in index order, as soon as it and all before it are done.
///
/// At most `window` results wait between the workers and the consumer (a worker does not start
/// index `i` until `i < consumed + window`), so memory depends on `jobs` and `window`, never on
/// `count`; and because `consume` sees indices in order, what it writes is the same for any `jobs`.
public enum OrderedStream {
    /// Results held at most per worker by default: enough that a slow session does not idle the
    /// others, small enough that a window of sessions with their segment records stays in megabytes.
    public static let defaultWindowPerJob = 64

    /// - Parameters:
    ///   - count: the indices, `0..<count`.
    ///   - jobs: worker threads (at most `count`).
    ///   - window: results computed ahead of the consumer, at least 1.
    ///   - produce: the work for one index, on a worker thread.
    ///   - consume: called with `(i, produce(i))` for `i = 0, 1, …` in order; when it throws, workers
    ///     stop taking new indices, the ones running finish, and the error is rethrown.
    public static func run<T: Sendable>(
        count: Int, jobs: Int, window: Int, produce: @escaping @Sendable (Int) -> T, consume: (Int, T) throws -> Void
    ) rethrows {
        guard count > 0 else { return }
        let state = StreamState<T>(window: max(1, window))
        let workers = max(1, min(jobs, count))
        let group = DispatchGroup()
        // A queue of its own: it may start more threads than cores, so `jobs` workers run even when
        // some wait (on an external policy's process, on a trace another worker is reading).
        let queue = DispatchQueue(label: "abrkit.ordered-stream", attributes: .concurrent)
        for _ in 0..<workers {
            queue.async(group: group) {
                while let i = state.claim(below: count) { state.deliver(produce(i), at: i) }
            }
        }
        defer {
            state.stop()
            group.wait()
        }
        for i in 0..<count { try consume(i, state.take(i)) }
    }
}

/// The reorder buffer between the workers and the consumer, guarded by one condition variable.
private final class StreamState<T>: @unchecked Sendable {
    private let condition = Condition()
    private let window: Int
    private var next = 0
    private var consumed = 0
    private var stopped = false
    private var ready: [Int: T] = [:]

    init(window: Int) { self.window = window }

    /// The next index to compute, once it is within the window; nil when all are taken or stopped.
    func claim(below count: Int) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, next < count, next >= consumed + window { condition.wait() }
        guard !stopped, next < count else { return nil }
        next += 1
        return next - 1
    }

    func deliver(_ value: T, at index: Int) {
        condition.lock()
        ready[index] = value
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for result `index` (the next in order), removes it and opens the window by one.
    func take(_ index: Int) -> T {
        condition.lock()
        defer { condition.unlock() }
        while ready[index] == nil { condition.wait() }
        consumed = index + 1
        condition.broadcast()
        return ready.removeValue(forKey: index)!
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
