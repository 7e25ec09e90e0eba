/// The QoE models `--qoe` names: each utility with its published weights (``QoEModel``), and
/// Comyco's VMAF QoE (``QoEModel/comyco``).
public enum QoEPreset: String, CaseIterable, Sendable {
    /// Pensieve's QoE_lin: bitrate in Mbit/s.
    case linear
    /// Pensieve's QoE_log: ln(R / R_min).
    case log
    /// Pensieve's QoE_hd: its HD score table.
    case hd
    /// The video's per-segment quality, Puffer's weights.
    case quality
    /// Comyco's VMAF QoE (``QoEModel/comyco``).
    case comyco

    /// The model the name stands for.
    public var model: QoEModel {
        switch self {
        case .linear: QoEModel(.linear)
        case .log: QoEModel(.log)
        case .hd: QoEModel(.hd)
        case .quality: QoEModel(.quality)
        case .comyco: .comyco
        }
    }

    /// The per-segment quality to read when none is named: VMAF for Comyco's weights; nil: the
    /// video's default.
    public var defaultQualityMetric: String? { model.qualityMetric?.rawValue }
}
