extension QoEModel {
    /// Comyco's VMAF QoE: per segment `0.8469011·VMAF − 28.79591348·stall_s + 0.29797156·[ΔVMAF]₊
    /// − 1.06099887·[ΔVMAF]₋ − 2.661618558192494`, the first segment without a change.
    ///
    /// The linear QoE over VMAF, rebuffering and VMAF rises and drops of Huang et al., "Comyco:
    /// Quality-Aware Adaptive Video Streaming via Imitation Learning", ACM Multimedia 2019,
    /// doi:10.1145/3343031.3351014 (fitted to subjective scores); the constants, and the
    /// per-chunk offset, are the chunk reward of the authors' code (github.com/thu-media/Comyco at
    /// 8cd3197, `src/fixed_test.py` and `cpp-linux/mpc.cpp`; rebuffering in seconds).
    /// Rises in VMAF earn a bonus, drops cost 3.6× as much. Needs per-segment VMAF (abrkit encode
    /// `--metrics psnr,ssim,vmaf`).
    public static let comyco = QoEModel(
        .quality, rebufferPenalty: comycoRebufferPenalty, switchPenalty: comycoDropPenalty, utilityWeight: comycoVMAFWeight,
        switchUpPenalty: -comycoRiseBonus, segmentOffset: comycoSegmentOffset, qualityMetric: .vmaf)

    /// α: weight of a segment's VMAF.
    public static let comycoVMAFWeight = 0.8469011
    /// β: per second of stall.
    public static let comycoRebufferPenalty = 28.79591348
    /// γ: bonus per VMAF point of rise.
    public static let comycoRiseBonus = 0.29797156
    /// δ: penalty per VMAF point of drop.
    public static let comycoDropPenalty = 1.06099887
    /// Added to every segment's reward in the authors' code.
    public static let comycoSegmentOffset = -2.661618558192494
}
