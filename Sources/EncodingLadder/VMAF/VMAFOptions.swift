// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

/// How to measure VMAF: which model, how densely, and which back end.
public struct VMAFOptions: Sendable, Hashable {
    /// libvmaf's built-in model (`model=version=NAME`) for every rung, e.g. `vmaf_v0.6.1` or
    /// `vmaf_4k_v0.6.1`; nil chooses per rung (``model(forRungHeight:ultraHDAvailable:)``).
    public var model: String?
    /// Score every n-th frame (libvmaf's `n_subsample`); must divide the segment's frame count.
    public var subsample: Int
    /// An ffmpeg executable with the `libvmaf` filter; nil looks for one (``FFmpegVMAFBackend/locate(explicitPath:)``).
    public var ffmpegPath: String?

    /// `vmaf_v0.6.1`: libvmaf's default model, trained for 1080p viewing at 3 picture heights,
    /// and the one Netflix publishes ladder figures with.
    public static let defaultModel = "vmaf_v0.6.1"
    /// 1: every frame, as libvmaf does by default.
    public static let defaultSubsample = 1
    /// `vmaf_4k_v0.6.1`: libvmaf's model of 2160p pictures on a 4K TV viewed from 1.5 picture
    /// heights (Netflix `vmaf` repository, `resource/doc/models.md`, "Predict Quality on a 4KTV
    /// Screen at 1.5H"), where the default model assumes a 1080p screen at 3 heights.
    public static let ultraHDModel = "vmaf_4k_v0.6.1"
    /// 2160 lines: rungs this tall or taller are 4K rungs and get ``ultraHDModel`` unless a model is named.
    public static let ultraHDMinimumHeight = 2160

    /// - Parameters:
    ///   - model: the model for every rung; nil (the default) chooses per rung.
    ///   - subsample: score every n-th frame.
    ///   - ffmpegPath: an ffmpeg with the `libvmaf` filter; nil looks for one.
    public init(model: String? = nil, subsample: Int = VMAFOptions.defaultSubsample, ffmpegPath: String? = nil) {
        self.model = model
        self.subsample = subsample
        self.ffmpegPath = ffmpegPath
    }

    /// The model that scores a rung `height` lines tall: the named ``model`` if any; else
    /// ``ultraHDModel`` from ``ultraHDMinimumHeight`` lines when the back end has it, and
    /// ``defaultModel`` otherwise.
    ///
    /// - Parameters:
    ///   - height: the rung's height in lines (not the source's: a 4K rung is one meant for 4K screens).
    ///   - ultraHDAvailable: whether the back end knows ``ultraHDModel``.
    public func model(forRungHeight height: Int, ultraHDAvailable: Bool) -> String {
        if let model { return model }
        return ultraHDAvailable && height >= Self.ultraHDMinimumHeight ? Self.ultraHDModel : Self.defaultModel
    }

    /// Finds the back end and checks that it knows the named model (or the default one): what an
    /// encode does first, and what a command can call to fail before it creates any output.
    ///
    /// - Returns: the back end.
    /// - Throws: ``EncodeError`` when no back end is found or the model is unknown to it.
    @discardableResult
    public func checkBackend() throws(EncodeError) -> FFmpegVMAFBackend {
        let backend = try FFmpegVMAFBackend.locate(explicitPath: ffmpegPath)
        try backend.validateModel(model ?? Self.defaultModel)
        return backend
    }

    /// Checks what can be checked without a back end.
    ///
    /// - Parameter gopFrames: frames per segment.
    /// - Throws: ``EncodeError/Code/invalidVMAFOptions`` for a model name that is not a plain
    ///   name (it becomes part of a filter graph) or a subsample that is not a divisor of
    ///   `gopFrames` (libvmaf scores frames 0, n, 2n, …; a divisor puts every segment's first
    ///   frame among them, so every segment, the last short one too, gets a score).
    public func validate(gopFrames: Int) throws(EncodeError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        if let model, model.isEmpty || !model.allSatisfy({ allowed.contains($0) }) {
            throw EncodeError(
                .invalidVMAFOptions,
                "VMAF model '\(model)': expected a libvmaf built-in model name such as \(Self.defaultModel) (letters, digits, '.', '_', '-')")
        }
        guard subsample >= 1, gopFrames % subsample == 0 else {
            let divisors = (1...max(1, gopFrames)).filter { gopFrames % $0 == 0 }.map(String.init).joined(separator: ", ")
            throw EncodeError(
                .invalidVMAFOptions,
                "VMAF subsample \(subsample): expected a divisor of the \(gopFrames)-frame segment so every segment is scored (one of: \(divisors))")
        }
    }
}

#endif
