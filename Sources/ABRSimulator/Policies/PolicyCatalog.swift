/// The built-in policies by name, so the CLI and batch runs create fresh instances per session.
public enum PolicyCatalog {
    /// A named way to make a fresh policy value.
    public struct Entry: Sendable {
        public var name: String
        public var summary: String
        public var make: @Sendable () -> any ABRPolicy
    }

    /// Every built-in policy, in the order reports list them.
    public static let entries: [Entry] = [
        Entry(name: "throughput", summary: "rate-based: harmonic mean of the last 5 downloads × 0.9") { ThroughputPolicy() },
        Entry(name: "bba", summary: "BBA-0 (Huang et al. 2014): reservoir 5 s, cushion 10 s") { BBAPolicy() },
        Entry(name: "bola", summary: "BOLA-BASIC (Spiteri et al. 2016): γp = 5") { BOLAPolicy() },
    ]

    /// Other names accepted for a policy.
    public static let aliases: [String: String] = ["bb": "bba", "rate": "throughput", "tput": "throughput"]

    /// The entry for `name` (or an alias), or `nil`.
    public static func entry(named name: String) -> Entry? {
        let key = aliases[name.lowercased()] ?? name.lowercased()
        return entries.first { $0.name == key }
    }

    public static var names: [String] { entries.map(\.name) }
}

extension PolicyCatalog.Entry {
    /// The same policy wrapped in a `DataCapPolicy` of `gbPerHour`.
    public func capped(gbPerHour: Double) -> PolicyCatalog.Entry {
        let make = self.make
        return PolicyCatalog.Entry(name: name, summary: summary + ", data cap \(gbPerHour) GB/h") { DataCapPolicy(AnyPolicy(make()), gbPerHour: gbPerHour) }
    }
}
