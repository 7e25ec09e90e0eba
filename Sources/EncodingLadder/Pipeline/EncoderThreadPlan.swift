// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import LadderCore

/// How many threads each rung's encoder gets with `--sliced-threads` (`EncodeOptions.encoderThreads == nil`).
///
/// Rungs already run in parallel, but a ladder's work is lopsided: x264's time grows with the
/// picture area, so a 3840×2160 rung is ~70 % of the `sd-hd-4k` ladder and a single-threaded top
/// rung would bound the wall time. Extra threads must not cost reproducibility: x264's *frame*
/// threads make its VBV rate control depend on thread timing (three runs of one capped-VBR encode
/// with `threads=2` gave three different streams here), while *sliced* threads (`sliced-threads=1`,
/// one slice per thread) gave the same bytes run after run in the tests' ladders. So the plan gives
/// big rungs sliced threads, counted from the ladder alone — never from the machine or `--jobs`.
/// Known limit: sliced threads are not always reproducible either. Two runs of the full `sd-hd-4k`
/// ladder (12 s sample, 2 s segments, 2160p in 3 slices) gave different 2160p bytes from the second
/// segment on (≈ 0.003 % in size): x264's slice-parallel VBV looks at the other slices' running size
/// estimates, which depend on timing. So the default is one thread per rung
/// (`EncodeOptions.reproducibleEncoderThreads`), and this plan is opt-in.
public enum EncoderThreadPlan {
    /// Aim: no encoder thread does more than a quarter of the ladder's work, so up to 4 cores stay
    /// busy (a choice for this project's 2–4-core targets, not a measured optimum).
    public static let workShareDivisor = 4

    /// Sliced threads for `rung` in a ladder of `rungs` (1 for encoders other than libx264).
    public static func threads(for rung: Rung, in rungs: [Rung]) -> Int {
        guard rung.codec == .libx264 else { return 1 }
        let total = rungs.reduce(0) { $0 + $1.width * $1.height }
        guard total > 0 else { return 1 }
        let share = Double(rung.width * rung.height) * Double(workShareDivisor) / Double(total)
        return max(1, Int(share.rounded(.up)))
    }
}

#endif
