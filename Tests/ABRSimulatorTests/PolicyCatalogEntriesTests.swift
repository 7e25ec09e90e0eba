import ABRSimulator
import Testing

@Suite struct PolicyCatalogEntriesTests {
    @Test("every new policy is registered, builds under its own name, and is found by its aliases")
    func registered() throws {
        let setup = PolicySetup(video: PolicyFixtures.oneTwoFour, trace: try BandwidthTrace(periods: [TracePeriod(durationSeconds: 10, bitsPerSecond: 3e6)]))
        for name in ["bolae", "bolao", "dynamic", "mpc", "robustmpc", "optimal"] {
            let entry = try #require(PolicyCatalog.entry(named: name))
            #expect(entry.make(setup).name == name)
        }
        for (alias, name) in [("BOLA-E", "bolae"), ("bola-o", "bolao"), ("rmpc", "robustmpc"), ("fastmpc", "mpc"), ("dp", "optimal")] {
            #expect(PolicyCatalog.entry(named: alias)?.name == name)
        }
        #expect(PolicyCatalog.names.last == "optimal")
        #expect(PolicyCatalog.entry(named: "external") == nil)
    }
}
