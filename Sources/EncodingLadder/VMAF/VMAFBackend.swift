// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

/// Something that computes VMAF: today an ffmpeg executable with the `libvmaf` filter
/// (``FFmpegVMAFBackend``); a back end linked against libvmaf itself can conform later.
protocol VMAFBackend: Sendable {
    /// What it is, for messages ("ffmpeg /path (libvmaf filter)").
    var summary: String { get }
    /// Fails with a clear message when the back end does not know the model.
    func validateModel(_ model: String) throws(EncodeError)
    /// Starts scoring one rendition, pictures of `width`×`height` (the source's size), with `model`
    /// (already validated) and `options`' subsampling.
    func makeScorer(width: Int, height: Int, model: String, options: VMAFOptions, what: String) throws(EncodeError) -> any VMAFScorer
}

/// Scores one rendition: pairs of pictures in presentation order, then per-frame scores.
protocol VMAFScorer: AnyObject {
    /// Adds one frame: the rendition's picture upscaled to the source's size, and the source picture.
    func add(distorted: Frame, reference: Frame) throws(EncodeError)
    /// Ends the stream and returns (frame number, score) of every scored frame, in order.
    func finish() throws(EncodeError) -> [(frameNumber: Int64, score: Double)]
}

#endif
