/// The encodes of a per-title analysis: every resolution at every bitrate, as one ladder so the
/// source is decoded once and all of them run in parallel (`EncodeJob`).
public struct PerTitleGrid: Sendable, Hashable {
    public struct Resolution: Sendable, Hashable {
        public var width: Int
        public var height: Int
        public init(width: Int, height: Int) { self.width = width; self.height = height }
    }

    public var resolutions: [Resolution]
    public var bitratesKbps: [Int]
    public var codec: VideoEncoder
    public var preset: String?
    public var segmentSeconds: Double

    /// The `sd-hd-4k` ladder's resolutions up to 1080p.
    public static let defaultResolutions = [(426, 240), (640, 360), (854, 480), (1280, 720), (1920, 1080)].map {
        Resolution(width: $0.0, height: $0.1)
    }
    /// Doubling steps across the SD and HD range of the built-in ladders (235–5800 kbps in `netflix-2015`).
    public static let defaultBitratesKbps = [250, 500, 1000, 2000, 4000]
    /// x264's preset in the built-in ladders.
    public static let defaultPreset = "veryfast"
    /// Capped VBR as in `sd-hd-4k`: peaks at most 1.5 × the target (its 720p and 240p rungs), over a
    /// buffer of `bufferSeconds` at the cap.
    public static let maxrateToBitrate = 1.5
    public static let bufferSeconds = 1.0
    /// How errors name the grid (it has no file).
    static let errorSource = "per-title grid"

    public init(
        resolutions: [Resolution] = PerTitleGrid.defaultResolutions, bitratesKbps: [Int] = PerTitleGrid.defaultBitratesKbps,
        codec: VideoEncoder = .libx264, preset: String? = PerTitleGrid.defaultPreset, segmentSeconds: Double = 2
    ) {
        self.resolutions = resolutions
        self.bitratesKbps = bitratesKbps
        self.codec = codec
        self.preset = preset
        self.segmentSeconds = segmentSeconds
    }

    /// The rung for one point: capped VBR at `kbps`, named `<height>p-<kbps>k` (unique per point).
    public func rung(_ resolution: Resolution, kbps: Int) -> Rung {
        let maxrate = Int((Double(kbps) * PerTitleGrid.maxrateToBitrate).rounded())
        return Rung(
            name: "\(resolution.height)p-\(kbps)k", width: resolution.width, height: resolution.height, codec: codec,
            bitrateKbps: kbps, maxrateKbps: maxrate, bufsizeKbits: Int((Double(maxrate) * PerTitleGrid.bufferSeconds).rounded()),
            preset: preset)
    }

    /// Every point as a ladder, resolutions outer, bitrates inner, both ascending.
    ///
    /// - Throws: ``LadderSpecError/Code/invalidValue`` for an empty grid, a repeated or odd-sized resolution, or a non-positive bitrate.
    public func ladder() throws -> LadderSpec {
        guard !resolutions.isEmpty, !bitratesKbps.isEmpty else {
            throw LadderSpecError(.invalidValue, file: Self.errorSource, "needs at least one resolution and one bitrate")
        }
        if let bad = bitratesKbps.first(where: { $0 <= 0 }) {
            throw LadderSpecError(.invalidValue, file: Self.errorSource, "bitrate \(bad) kbps (expected a positive number of kbit/s)")
        }
        if let bad = resolutions.first(where: { !YUV420.fits(width: $0.width, height: $0.height) }) {
            throw LadderSpecError(
                .invalidValue, file: Self.errorSource, "resolution \(bad.width)x\(bad.height) (expected even, positive width and height for 4:2:0)")
        }
        guard Set(resolutions).count == resolutions.count, Set(bitratesKbps).count == bitratesKbps.count else {
            throw LadderSpecError(.invalidValue, file: Self.errorSource, "the grid repeats a resolution or a bitrate")
        }
        let sortedResolutions = resolutions.sorted { ($0.height, $0.width) < ($1.height, $1.width) }
        let rungs = sortedResolutions.flatMap { resolution in bitratesKbps.sorted().map { rung(resolution, kbps: $0) } }
        return LadderSpec(name: "per-title-grid", segmentSeconds: segmentSeconds, rungs: rungs)
    }
}
