import Dispatch

/// Maps `0..<count` on up to `jobs` threads, with results in index order.
///
/// Worker `w` takes indices `w, w + jobs, w + 2·jobs, …`, and each result lands in its own slot,
/// so the output is the same for any number of jobs; only the wall time changes.
public enum ParallelMap {
    public static func run<T: Sendable>(count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let slots = Slots<T>(count: count)
        let workers = max(1, min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for i in stride(from: worker, to: count, by: workers) { slots.store(body(i), at: i) }
        }
        return slots.values()
    }

    /// Like `run`, for work that can fail: the error of the lowest failing index is thrown, so
    /// which error a user sees does not depend on thread timing.
    public static func run<T: Sendable, E: Error>(count: Int, jobs: Int, _ body: @Sendable (Int) throws(E) -> T) throws(E) -> [T] {
        let outcomes: [Result<T, E>] = run(count: count, jobs: jobs) { i in Result { () throws(E) -> T in try body(i) } }
        return try outcomes.map { outcome throws(E) -> T in try outcome.get() }
    }
}

/// Write-once slots shared by the workers; each index is written by exactly one worker, and
/// read only after `concurrentPerform` has returned.
///
/// The slots are one buffer allocated up front and written through its pointer: workers touch
/// disjoint elements and never the buffer's owner, so there is no overlapping access to a Swift
/// array (which the exclusivity rules forbid even at disjoint indices).
private final class Slots<T>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func store(_ value: T, at index: Int) { storage[index] = value }

    func values() -> [T] { storage.map { $0! } }
}
