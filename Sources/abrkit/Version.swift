/// What `abrkit --version` prints: the release and whether this binary can encode.
enum Version {
    /// abrkit's release (semantic versioning); the one place it is written.
    static let number = "0.3.0"

    /// Whether the `FFmpeg` trait was compiled in: a simulator-only build has no `encode`, `hull` or `demo`.
    #if FFmpeg
    static let build = "with the FFmpeg encoder"
    #else
    static let build = "simulator only, built without the FFmpeg trait"
    #endif

    /// `0.3.0 (with the FFmpeg encoder)`.
    static var text: String { "\(number) (\(build))" }
}
