/// The built-in policies by name, so the CLI and batch runs create fresh instances per session.
public enum PolicyCatalog {
    /// A named way to make a fresh policy value for one session.
    public struct Entry: Sendable {
        public var name: String
        public var summary: String
        /// Builds the policy; `PolicySetup` carries the trace and player model for offline policies.
        public var make: @Sendable (PolicySetup) -> any ABRPolicy

        public init(name: String, summary: String, make: @escaping @Sendable (PolicySetup) -> any ABRPolicy) {
            self.name = name
            self.summary = summary
            self.make = make
        }

        /// An entry for an online policy, which needs nothing but itself.
        public init(name: String, summary: String, make: @escaping @Sendable () -> any ABRPolicy) {
            self.init(name: name, summary: summary) { _ in make() }
        }
    }

    /// Every built-in policy, in the order reports list them; `optimal` last, as the upper bound.
    public static let entries: [Entry] = [
        Entry(name: "throughput", summary: "rate-based: harmonic mean of the last 5 downloads × 0.9") { ThroughputPolicy() },
        Entry(name: "bba", summary: "BBA-0 (Huang et al. 2014): reservoir 5 s, cushion 10 s") { BBAPolicy() },
        Entry(name: "bola", summary: "BOLA-BASIC (Spiteri et al. 2016): γp = 5") { BOLAPolicy() },
        Entry(name: "bolae", summary: "BOLA-E (Spiteri et al. 2018): placeholder buffer, insufficient-buffer rule, abandonment") { BOLAEPolicy() },
        Entry(name: "bolao", summary: "BOLA-O (Spiteri et al. 2018): BOLA-E with oscillation avoidance") { BOLAEPolicy(avoidsOscillation: true) },
        Entry(name: "dynamic", summary: "DYNAMIC (Spiteri et al. 2018): throughput below 10 s of buffer, BOLA above") { DynamicPolicy() },
        Entry(name: "mpc", summary: "MPC (Yin et al. 2015): horizon 5, harmonic-mean throughput, session QoE") { MPCPolicy() },
        Entry(name: "robustmpc", summary: "RobustMPC (Yin et al. 2015): MPC with throughput ÷ (1 + max recent error)") { MPCPolicy(robust: true) },
        Entry(name: "optimal", summary: "offline optimum: dynamic programming over the known trace (upper bound)") { setup in
            OptimalPolicy(setup: setup)
        },
    ]

    /// The low-latency live rules of dash.js, run only when named (`--policy l2a,lolp`), so that a
    /// run naming no policy plays, and writes, what it did before they existed.
    public static let lowLatencyEntries: [Entry] = [
        Entry(name: "l2a", summary: "L2A-LL (Karagkioules et al. 2020): online learning over the levels, horizon 4, dash.js L2ARule") {
            L2APolicy()
        },
        Entry(name: "lolp", summary: "LoL+ (Bentaleb et al. 2021): self-organising map with QoE-chosen weights, dash.js LoLpRule") {
            LoLPlusPolicy()
        },
    ]

    /// Other names accepted for a policy.
    public static let aliases: [String: String] = [
        "bb": "bba", "rate": "throughput", "tput": "throughput",
        "bola-e": "bolae", "bola-o": "bolao", "fastmpc": "mpc", "robust-mpc": "robustmpc", "rmpc": "robustmpc",
        "opt": "optimal", "offline": "optimal", "dp": "optimal",
        "l2a-ll": "l2a", "l2all": "l2a", "lol+": "lolp", "lolplus": "lolp", "lol-plus": "lolp",
    ]

    /// The entry for `name` (or an alias), or `nil`.
    public static func entry(named name: String) -> Entry? {
        let key = aliases[name.lowercased()] ?? name.lowercased()
        return entries.first { $0.name == key } ?? lowLatencyEntries.first { $0.name == key }
    }

    /// The names of the policies a run plays when it names none.
    public static var names: [String] { entries.map(\.name) }

    /// Every name `entry(named:)` knows: `names`, then the low-latency rules.
    public static var allNames: [String] { names + lowLatencyEntries.map(\.name) }
}

extension PolicyCatalog.Entry {
    /// The same policy wrapped in a `DataCapPolicy` of `gbPerHour`.
    public func capped(gbPerHour: Double) -> PolicyCatalog.Entry {
        let make = self.make
        return PolicyCatalog.Entry(name: name, summary: summary + ", data cap \(gbPerHour) GB/h") { setup in
            DataCapPolicy(AnyPolicy(make(setup)), gbPerHour: gbPerHour)
        }
    }
}
