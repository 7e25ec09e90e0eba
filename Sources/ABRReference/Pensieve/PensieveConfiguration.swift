import ABRSimulator

/// The constants of Pensieve's test simulator, as named defaults with their source.
///
/// Every default is a constant of `test/fixed_env.py`, `test/bb.py` or `test/mpc.py` in
/// github.com/hongzimao/pensieve at commit 1120bb1 (Mao, Netravali, Alizadeh, "Neural Adaptive
/// Video Streaming with Pensieve", SIGCOMM 2017, doi:10.1145/3098822.3098843). Times are in
/// milliseconds where fixed_env.py keeps milliseconds, so arithmetic happens in the same units
/// and order and results are bit-identical.
public struct PensieveConfiguration: Hashable, Sendable {
    /// `LINK_RTT = 80` (ms): added once to every chunk's download time.
    public static let defaultRoundTripMs = 80.0
    /// `PACKET_PAYLOAD_PORTION = 0.95`: fraction of the link rate that carries video bytes.
    public static let defaultPayloadFraction = 0.95
    /// `BUFFER_THRESH = 60 s` (ms): above this buffer the player sleeps.
    public static let defaultBufferThresholdMs = 60_000.0
    /// `DRAIN_BUFFER_SLEEP_TIME = 500` (ms): sleeps are whole multiples of this.
    public static let defaultSleepQuantumMs = 500.0
    /// `VIDEO_CHUNCK_LEN = 4000` (ms): playback time each chunk adds to the buffer.
    public static let defaultChunkMs = 4_000.0
    /// `TOTAL_VIDEO_CHUNCK = 48`: chunks played per trace (the video files list 49).
    public static let defaultChunkCount = 48
    /// Where Pensieve's own video (the `video_size_N` chunk sizes of the Envivio title) comes from.
    public static let videoSource = "github.com/hongzimao/pensieve, commit 1120bb1"
    /// `DEFAULT_QUALITY = 1`: the level of the first chunk, fetched before any decision.
    public static let defaultFirstLevel = 1
    /// `RESEVOIR = 5` (s), bb.py's reservoir.
    public static let defaultReservoirSeconds = 5.0
    /// `CUSHION = 10` (s), bb.py's cushion.
    public static let defaultCushionSeconds = 10.0
    /// `MPC_FUTURE_CHUNK_COUNT = 5`, mpc.py's horizon.
    public static let defaultHorizon = 5
    /// mpc.py's throughput window: `state[3, -5:]`, the last 5 measured throughputs.
    public static let defaultThroughputWindow = 5
    /// mpc.py's error window: `past_errors[-5:]`, the last 5 relative prediction errors.
    public static let defaultErrorWindow = 5

    public var roundTripMs = defaultRoundTripMs
    public var payloadFraction = defaultPayloadFraction
    public var bufferThresholdMs = defaultBufferThresholdMs
    public var sleepQuantumMs = defaultSleepQuantumMs
    public var chunkMs = defaultChunkMs
    public var chunkCount = defaultChunkCount
    public var firstLevel = defaultFirstLevel
    public var reservoirSeconds = defaultReservoirSeconds
    public var cushionSeconds = defaultCushionSeconds
    public var horizon = defaultHorizon
    public var throughputWindow = defaultThroughputWindow
    public var errorWindow = defaultErrorWindow
    /// The reward and MPC objective; `nil` means the scripts' linear QoE over the video's
    /// nominal bitrates (`PensieveQoE.linear(kbps:)`).
    public var qoe: PensieveQoE?

    /// Pensieve's configuration, every value at its published default.
    public init() {}

    /// The QoE in force for `video`.
    public func resolvedQoE(for video: Video) -> PensieveQoE {
        qoe ?? .linear(kbps: video.levels.map(\.kbps))
    }

    /// Checks the configuration against a video.
    ///
    /// - Throws: `ModelError(.invalidConfiguration)` naming the first offending value.
    public func validate(for video: Video) throws(ModelError) {
        func fail(_ message: String) -> ModelError { ModelError(.invalidConfiguration, message) }
        guard roundTripMs.isFinite, roundTripMs >= 0 else { throw fail("round trip \(roundTripMs) ms, expected a finite number ≥ 0") }
        guard payloadFraction.isFinite, payloadFraction > 0 else { throw fail("payload fraction \(payloadFraction), expected a finite number > 0") }
        guard bufferThresholdMs.isFinite, bufferThresholdMs >= 0 else { throw fail("buffer threshold \(bufferThresholdMs) ms, expected a finite number ≥ 0") }
        guard sleepQuantumMs.isFinite, sleepQuantumMs > 0 else { throw fail("sleep quantum \(sleepQuantumMs) ms, expected a finite number > 0") }
        guard chunkMs.isFinite, chunkMs > 0 else { throw fail("chunk duration \(chunkMs) ms, expected a finite number > 0") }
        guard chunkCount >= 1 else { throw fail("chunk count \(chunkCount), expected at least 1") }
        guard chunkCount <= video.segmentCount else {
            throw fail(
                "Pensieve's model plays \(chunkCount) chunks (TOTAL_VIDEO_CHUNCK, the length of its own Envivio video), "
                    + "but this video has \(video.segmentCount) segment\(video.segmentCount == 1 ? "" : "s"); expected a video of at least \(chunkCount) segments, "
                    + "such as Pensieve's: a folder with its video_size_0 … video_size_5 files (\(Self.videoSource))")
        }
        if let qoe, qoe.utilities.count != video.levelCount {
            throw fail("video has \(video.levelCount) levels but the QoE defines \(qoe.utilities.count) utilities, expected one per level")
        }
        if let qoe,
            !(qoe.scale.isFinite && qoe.scale > 0 && qoe.rebufferPenalty.isFinite && qoe.rebufferPenalty >= 0
                && qoe.smoothPenalty.isFinite && qoe.smoothPenalty >= 0 && qoe.utilities.allSatisfy(\.isFinite))
        {
            throw fail(
                "QoE scale \(qoe.scale), penalties \(qoe.rebufferPenalty)/\(qoe.smoothPenalty), utilities \(qoe.utilities): expected finite values, a scale > 0 and penalties ≥ 0"
            )
        }
        guard firstLevel >= 0, firstLevel < video.levelCount else {
            throw fail("first level \(firstLevel), expected 0..<\(video.levelCount)")
        }
        guard reservoirSeconds.isFinite, cushionSeconds.isFinite, cushionSeconds > 0 else {
            throw fail("reservoir \(reservoirSeconds) s / cushion \(cushionSeconds) s, expected finite numbers with cushion > 0")
        }
        guard horizon >= 1, horizon <= 8 else { throw fail("horizon \(horizon) chunks, expected 1...8") }
        guard throughputWindow >= 1, errorWindow >= 1 else {
            throw fail("throughput window \(throughputWindow) / error window \(errorWindow), expected ≥ 1")
        }
    }
}
