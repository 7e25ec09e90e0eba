/// How the simulated player buffers, starts and abandons.
public struct PlayerConfiguration: Hashable, Sendable {
    /// 60 s: the buffer threshold of Pensieve's simulator (`BUFFER_THRESH` in `test/fixed_env.py`),
    /// so that results are comparable with the most cited ABR evaluation.
    public static let defaultMaxBufferSeconds = 60.0

    /// 1 ms: the shortest abandonment check interval accepted. A session does work for every check
    /// while a download is in flight, so the work grows as 1 ÷ interval: at 10⁻⁹ s one 4 s download
    /// is 4 × 10⁹ checks and a session never ends. 1 ms is 50 times finer than Sabre's 50 ms
    /// (`sabre.py`) and keeps the same download at 4000 checks.
    public static let minimumAbandonmentCheckSeconds = 0.001

    /// The buffer's capacity in seconds of media; the player idles rather than exceed it.
    public var maxBufferSeconds: Double
    /// Playback starts once this many seconds are buffered; `nil` means after the first segment,
    /// as dash.js and hls.js do.
    public var startupSeconds: Double?
    /// How often an in-flight download is offered to the policy for abandonment, in seconds;
    /// `nil` turns abandonment off. Sabre checks every 50 ms; at least
    /// ``minimumAbandonmentCheckSeconds``.
    public var abandonmentCheckSeconds: Double?

    public init(maxBufferSeconds: Double = defaultMaxBufferSeconds, startupSeconds: Double? = nil, abandonmentCheckSeconds: Double? = nil) {
        self.maxBufferSeconds = maxBufferSeconds
        self.startupSeconds = startupSeconds
        self.abandonmentCheckSeconds = abandonmentCheckSeconds
    }

    /// The startup threshold for `video`, in seconds.
    public func startupThreshold(for video: Video) -> Double { startupSeconds ?? video.segmentSeconds }

    /// Checks that a session with this configuration can play `video`.
    ///
    /// - Throws: `ModelError.invalidConfiguration` when the buffer cannot hold one segment, or the
    ///   startup threshold is negative or above the buffer, or the abandonment interval is not finite
    ///   or below ``minimumAbandonmentCheckSeconds``.
    public func validate(for video: Video) throws(ModelError) {
        guard maxBufferSeconds.isFinite, maxBufferSeconds >= video.segmentSeconds else {
            throw ModelError(.invalidConfiguration, "maximum buffer \(maxBufferSeconds) s cannot hold one \(video.segmentSeconds) s segment")
        }
        let startup = startupThreshold(for: video)
        guard startup.isFinite, startup >= 0, startup <= maxBufferSeconds else {
            throw ModelError(.invalidConfiguration, "startup threshold \(startup) s, expected 0 … \(maxBufferSeconds) s (the maximum buffer)")
        }
        if let check = abandonmentCheckSeconds, !(check.isFinite && check >= Self.minimumAbandonmentCheckSeconds) {
            throw ModelError(
                .invalidConfiguration,
                "abandonment check interval \(check) s, expected a finite number ≥ \(Self.minimumAbandonmentCheckSeconds) s (1 ms; shorter makes a session's work grow without bound)"
            )
        }
    }
}
