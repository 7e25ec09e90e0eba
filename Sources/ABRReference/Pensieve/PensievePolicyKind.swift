/// The policies of Pensieve's `test/` scripts that the reference model reproduces.
public enum PensievePolicyKind: String, CaseIterable, Hashable, Sendable {
    /// `test/bb.py`: BBA's buffer map over level indices (`PensieveBufferBased`).
    case bb
    /// `test/mpc.py`: RobustMPC (`PensieveRobustMPC`).
    case robustmpc

    /// Parses a name, accepting `bba` for `bb` (the paper's name for Pensieve's `bb.py`).
    public init?(name: String) {
        if name == "bba" { self = .bb; return }
        self.init(rawValue: name)
    }
}
