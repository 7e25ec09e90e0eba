#if FFmpeg
import Foundation
import Testing

@testable import EncodingLadder
@testable import LadderCore

/// Opening an encoder never leaves a thread of abrkit at real-time priority: SVT-AV1 asks for
/// SCHED_FIFO 99 on the calling thread and its workers whenever the process may (as root), and a
/// test runner or CLI thread left there starves the machine and every process it spawns later.
@Suite("Real-time priority", .serialized)
struct RealTimePriorityTests {
    /// The scheduling policy of every thread of this process: field 41 of
    /// `/proc/self/task/TID/stat` (proc(5); 0 = SCHED_OTHER, 1 = SCHED_FIFO, 2 = SCHED_RR).
    static func threadPolicies() throws -> [String: Int] {
        var policies: [String: Int] = [:]
        for tid in try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task") {
            // A thread may exit between listing and reading: skip it.
            guard let stat = try? String(contentsOfFile: "/proc/self/task/\(tid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // Fields after the command name start at field 3 (state).
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if let policy = Int(fields[41 - 3]) { policies[tid] = policy }
        }
        return policies
    }

    /// This thread's effective capabilities, from `/proc/thread-self/status` (hex mask).
    static func effectiveCapabilities() throws -> String {
        let status = try String(contentsOfFile: "/proc/thread-self/status", encoding: .utf8)
        return status.split(separator: "\n").first { $0.hasPrefix("CapEff:") }.map(String.init) ?? ""
    }

    @Test(arguments: [VideoEncoder.libsvtav1, .libx264])
    func openingAnEncoderLeavesEveryThreadAtNormalScheduling(_ codec: VideoEncoder) throws {
        guard FrameEncoder.isAvailable(codec.rawValue) else {
            print("skipping \(codec.rawValue): not in this libavcodec")
            return
        }
        if geteuid() != 0 { print("note: not root, so SVT-AV1 does not ask for real-time priority; the checks hold trivially") }
        let capabilities = try Self.effectiveCapabilities()
        let source = try SyntheticSource(width: 320, height: 180, durationSeconds: 0.2)
        let rung = try TestLadder.make().replacingCodec(with: codec, file: "test ladder").rungs[1]
        let settings = EncoderSettings.make(rung: rung, codecName: codec.rawValue, gopFrames: 6, timeBase: source.description.frameTimeBase, threadCount: 2)
        let encoder = try FrameEncoder(settings: settings)
        // While the encoder and its worker threads live, and on this thread afterwards.
        let policies = try Self.threadPolicies()
        #expect(policies.values.allSatisfy { $0 == 0 }, "threads not at SCHED_OTHER (tid: policy): \(policies.filter { $0.value != 0 })")
        #expect(sched_getscheduler(0) == SCHED_OTHER)
        #expect(try Self.effectiveCapabilities() == capabilities, "the calling thread's capabilities are restored")
        withExtendedLifetime(encoder) {}
    }

    /// An encoder freed without a frame or an end of stream (an encode that failed before its
    /// first frame) is drained by `deinit`: SVT-AV1 1.4 otherwise waits forever when it is freed.
    @Test(.timeLimit(.minutes(1)), arguments: [VideoEncoder.libsvtav1, .libx264])
    func anEncoderFreedWithoutDrainingDoesNotHang(_ codec: VideoEncoder) throws {
        guard FrameEncoder.isAvailable(codec.rawValue) else {
            print("skipping \(codec.rawValue): not in this libavcodec")
            return
        }
        let source = try SyntheticSource(width: 320, height: 180, durationSeconds: 0.2)
        let rung = try TestLadder.make().replacingCodec(with: codec, file: "test ladder").rungs[1]
        for framesSent in [0, 2] {
            let settings = EncoderSettings.make(rung: rung, codecName: codec.rawValue, gopFrames: 6, timeBase: source.description.frameTimeBase)
            let encoder = try FrameEncoder(settings: settings)
            for _ in 0..<framesSent { try encoder.send(try #require(try source.nextFrame())) }
            // Released here, mid-stream: reaching the next iteration is the check.
        }
    }
}
#endif
