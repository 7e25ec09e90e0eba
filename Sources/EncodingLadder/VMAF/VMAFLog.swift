// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import Foundation

/// Reads libvmaf's JSON log (`log_fmt=json`): `{"frames": [{"frameNum": 0, "metrics": {"vmaf": 93.1, …}}, …]}`.
enum VMAFLog {
    /// The score key libvmaf gives a model loaded as `version=NAME` without `name=`.
    static let scoreKey = "vmaf"

    /// (frame index, VMAF score) of every frame in the log, in its order.
    static func frameScores(at url: URL, what: String) throws(EncodeError) -> [(Int, Double)] {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) } catch {
            throw EncodeError(.vmafFailed, "\(what): cannot read libvmaf's log \(url.lastPathComponent): \(error)")
        }
        guard let frames = (object as? [String: Any])?["frames"] as? [[String: Any]] else {
            throw EncodeError(.vmafFailed, "\(what): libvmaf's log has no \"frames\" list")
        }
        var scores: [(Int, Double)] = []
        for frame in frames {
            guard let index = (frame["frameNum"] as? NSNumber)?.intValue,
                let score = ((frame["metrics"] as? [String: Any])?[scoreKey] as? NSNumber)?.doubleValue, score.isFinite
            else {
                throw EncodeError(.vmafFailed, "\(what): a frame of libvmaf's log has no frameNum or \"\(scoreKey)\" score")
            }
            scores.append((index, score))
        }
        return scores
    }
}

#endif
