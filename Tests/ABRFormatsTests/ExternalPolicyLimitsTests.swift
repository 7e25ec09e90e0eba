import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

/// The external policy's limits (issue 10): a reply line of at most 64 KiB, read in time linear
/// in its length; a reason of at most 256 characters; a timeout of at most a day, never a trap.
@Suite(.timeLimit(.minutes(1)))
struct ExternalPolicyLimitsTests {
    /// The reply around a reason: `{"level": 0, "reason": "` and `"}`.
    static let replyStart = #"{"level": 0, "reason": ""#
    static let replyEnd = #""}"#

    let video: Video
    let trace: BandwidthTrace

    init() throws {
        video = try Video(constantBitrate: [300.0, 750, 1200].map { Level(bitsPerSecond: $0 * 1000) }, segmentSeconds: 4, segmentCount: 10)
        trace = try BandwidthTrace(name: "3mbps", periods: [TracePeriod(durationSeconds: 60, bitsPerSecond: 3_000_000, latencySeconds: 0.04)])
    }

    /// A script that answers every request with `reply` (kept in a file, byte for byte).
    static func replying(_ reply: String) throws -> ExternalPolicyScript {
        try ExternalPolicyScript(#"while read line; do cat "$DIR/reply"; done"#, files: ["reply": reply + "\n"])
    }

    /// A reply line of exactly `bytes` bytes (newline excluded), its reason all `x`.
    static func reply(bytes: Int) -> String {
        replyStart + String(repeating: "x", count: bytes - replyStart.utf8.count - replyEnd.utf8.count) + replyEnd
    }

    @Test("a reply line of 1 MB or 5 MB is refused within two seconds as a bad reply naming the 64 KiB limit", arguments: [1_000_000, 5_000_000])
    func hugeReply(bytes: Int) throws {
        let script = try Self.replying(Self.reply(bytes: bytes))
        let (result, elapsed) = try #require(try script.run(video: video, trace: trace, timeoutSeconds: 3))
        let failure = try #require(result.failure)
        #expect(failure.code == .badReply && failure.segmentIndex == 0)
        #expect(failure.message.contains("replied a line longer than 65536 bytes (64 KiB), the limit: \"{\"level\": 0, \"reason\": \"xxx"))
        #expect(elapsed < .seconds(2))  // the old quadratic reading took 2 s per 1 MB reply, and minutes for 5 MB
        script.expectGroupGone()
    }

    @Test(
        "a reply line of exactly 64 KiB is accepted, one byte more is refused",
        arguments: [(ExternalPolicy.maximumReplyBytes, true), (ExternalPolicy.maximumReplyBytes + 1, false)])
    func replyAtTheLimit(bytes: Int, accepted: Bool) throws {
        #expect(ExternalPolicy.maximumReplyBytes == 64 * 1024)
        let script = try Self.replying(Self.reply(bytes: bytes))
        let (result, _) = try #require(try script.run(video: video, trace: trace, timeoutSeconds: 3))
        if accepted {
            #expect(result.failure == nil)
            #expect(result.segments.count == 10)
        } else {
            #expect(result.failure?.code == .badReply)
        }
        script.expectGroupGone()
    }

    @Test(
        "a reason of up to 256 characters is kept whole; a longer one is cut to 255 characters and …",
        arguments: [
            (String(repeating: "a", count: 255), String(repeating: "a", count: 255)),
            (String(repeating: "a", count: 256), String(repeating: "a", count: 256)),
            (String(repeating: "a", count: 257), String(repeating: "a", count: 255) + "…"),
            (String(repeating: "é", count: 300), String(repeating: "é", count: 255) + "…"),  // characters, not UTF-8 bytes
        ])
    func reasonLength(reason: String, kept: String) throws {
        let script = try Self.replying(Self.replyStart + reason + Self.replyEnd)
        let (result, _) = try #require(try script.run(video: video, trace: trace, timeoutSeconds: 3))
        #expect(result.failure == nil)
        #expect(result.segments.first?.reason.rule == "external." + kept)
        #expect(kept.count <= ExternalPolicy.maximumReasonCharacters)
    }

    @Test("a timeout of a day or more is clamped to a day and a session runs, where 1e16 s trapped", arguments: [86_400, 86_400.5, 9.3e15, 1e16, .infinity])
    func hugeTimeout(seconds: Double) throws {
        #expect(ExternalPolicy(command: ["true"], timeoutSeconds: seconds).timeoutSeconds == ExternalPolicy.maximumTimeoutSeconds)
        let script = try ExternalPolicyScript(ExternalPolicyScript.answering)
        let (result, _) = try #require(try script.run(video: video, trace: trace, timeoutSeconds: seconds))
        #expect(result.failure == nil)
        #expect(result.segments.count == 10)
        script.expectGroupGone()
    }
}
