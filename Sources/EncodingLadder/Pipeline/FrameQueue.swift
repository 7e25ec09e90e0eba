// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import Foundation

/// A bounded blocking queue from the decoding thread to one worker thread.
///
/// Its capacity is what keeps memory bounded whatever the input's length: the decoder waits
/// when a worker is `capacity` frames behind. A worker that fails calls ``abandon()`` so the
/// decoder never blocks on it again.
final class FrameQueue: @unchecked Sendable {
    // @unchecked: all state is guarded by `condition`.
    private let condition = NSCondition()
    private var items: [Frame] = []
    private var head = 0
    private var closed = false
    private var abandoned = false
    let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0, "queue capacity must be positive")
        self.capacity = capacity
    }

    /// Appends a frame, waiting while the queue is full. Returns false if the consumer abandoned the queue.
    @discardableResult
    func push(_ frame: Frame) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !abandoned { condition.wait() }
        if abandoned { return false }
        items.append(frame)
        condition.broadcast()
        return true
    }

    /// The next frame, waiting while the queue is empty; nil once the queue is closed and drained.
    func pop() -> Frame? {
        condition.lock()
        defer { condition.unlock() }
        while items.count == head && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let frame = items[head]
        head += 1
        if head > capacity { items.removeFirst(head); head = 0 }
        condition.broadcast()
        return frame
    }

    /// No more frames will be pushed.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer stops; pending and future frames are dropped.
    func abandon() {
        condition.lock()
        abandoned = true
        items.removeAll()
        head = 0
        condition.broadcast()
        condition.unlock()
    }
}

#endif
