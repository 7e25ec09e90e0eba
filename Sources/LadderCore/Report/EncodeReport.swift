/// Everything an encode measured: the source, every rung, and the audio rendition.
public struct EncodeReport: Sendable {
    public init(
        ladder: LadderSpec, source: SourceDescription, segmentSeconds: Double, totalFrames: Int, rungs: [RungReport], audio: AudioReport?,
        partSeconds: Double? = nil, vmafModel: String? = nil, vmafSubsample: Int? = nil
    ) {
        self.vmafModel = vmafModel; self.vmafSubsample = vmafSubsample
        self.partSeconds = partSeconds
        self.ladder = ladder; self.source = source; self.segmentSeconds = segmentSeconds; self.totalFrames = totalFrames
        self.rungs = rungs; self.audio = audio
    }

    public var ladder: LadderSpec
    public var source: SourceDescription
    /// Exact segment duration, seconds (GOP frames ÷ frame rate); the last segment may be shorter.
    public var segmentSeconds: Double
    /// Nominal CMAF part duration, seconds, when segments were written in parts (`--part-seconds`).
    public var partSeconds: Double?
    public var totalFrames: Int
    /// Rungs encoded, in ladder order (skipped rungs are absent).
    public var rungs: [RungReport]
    public var audio: AudioReport?
    /// The libvmaf model VMAF was measured with (nil without VMAF).
    public var vmafModel: String?
    /// VMAF scored every n-th frame (nil without VMAF).
    public var vmafSubsample: Int?

    public var durationSeconds: Double { Double(totalFrames) / source.framesPerSecond }

    /// The data-cap verdict of each rung, counting the audio that plays with it.
    public func capVerdict(_ rung: RungReport) -> DataCapVerdict {
        ladder.dataCapVerdict(for: rung.rung, gbPerHour: rung.gigabytesPerHour + (audio?.gigabytesPerHour ?? 0))
    }
}
