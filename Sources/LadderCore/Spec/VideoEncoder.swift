/// The libavcodec video encoders a ladder rung may name, with the parameter ranges each accepts.
public enum VideoEncoder: String, Codable, Sendable, Hashable, CaseIterable {
    case libx264
    case libx265
    case libsvtav1
    case libvpxVP9 = "libvpx-vp9"

    /// Valid CRF values (x264/x265: 0–51; SVT-AV1 and libvpx-vp9: 0–63, their quantiser ranges).
    public var crfRange: ClosedRange<Int> {
        switch self {
        case .libx264, .libx265: 0...51
        case .libsvtav1, .libvpxVP9: 0...63
        }
    }

    /// Profiles accepted for 8-bit 4:2:0 output (the pipeline's format), as the encoder's `profile` option spells them.
    public var profiles: [String] {
        switch self {
        case .libx264: ["baseline", "main", "high"]
        case .libx265: ["main"]
        case .libsvtav1: ["main"]
        case .libvpxVP9: ["0"]
        }
    }

    /// Speed presets: x264/x265 names; SVT-AV1 `preset` 0–13 and libvpx-vp9 `cpu-used` 0–8 as numbers.
    public var presets: [String] {
        switch self {
        case .libx264, .libx265:
            ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo"]
        case .libsvtav1: (0...13).map(String.init)
        case .libvpxVP9: (0...8).map(String.init)
        }
    }
}
