import ABRSimulator
import Foundation
import Testing

/// The `sabre` model against what sabre.py printed on Sabre's own trace sets (MMSys 2018
/// pairings: 3G logs with bbb.json, 4G logs with bbb4k.json), every trace × every policy.
///
/// Needs `../shared/data` (skipped with a message when absent); the expected text is committed
/// in `Tests/Fixtures/sabre` (see its README for how it was produced).
@Suite("Sabre model vs sabre.py on real traces", .enabled(if: SabreTestData.dataAvailable, "../shared/data is absent: skipping the comparison with sabre.py on Sabre's trace sets"))
struct SabreReferenceDataTests {
    struct Pairing: Sendable, CustomTestStringConvertible {
        var traceSet: String
        var video: String
        var testDescription: String { "\(traceSet) × \(video)" }
    }

    @Test("report equals sabre.py's printed output for every trace and policy", arguments: [
        Pairing(traceSet: "3g", video: "bbb"), Pairing(traceSet: "4g", video: "bbb4k"),
    ])
    func matchesSabre(_ pairing: Pairing) throws {
        let data = SabreTestData.dataDirectory
        let movie = try SabreTestData.movie(data.appendingPathComponent("videos/sabre/\(pairing.video).json"))
        let traceDirectory = data.appendingPathComponent("traces/sabre-\(pairing.traceSet)")
        let runs = try SabreTestData.printedRuns("sabre-\(pairing.traceSet)-\(pairing.video).tsv")
        let traceCount = try FileManager.default.contentsOfDirectory(atPath: traceDirectory.path).filter { $0.hasSuffix(".json") }.count
        #expect(runs.count == traceCount * SabrePolicyKind.allCases.count, "every trace × policy has a fixture row")

        var networks: [String: SabreNetwork] = [:]
        var mismatches: [String] = []
        for expected in runs {
            let policy = try #require(SabrePolicyKind(rawValue: expected.policy))
            if networks[expected.trace] == nil {
                networks[expected.trace] = try SabreTestData.network(traceDirectory.appendingPathComponent(expected.trace + ".json"))
            }
            let network = try #require(networks[expected.trace])
            let report = try SabreModel.run(network: network, movie: movie, policy: policy).metrics.report
            if report != expected.text {
                let diff = zip(report.split(separator: "\n"), expected.text.split(separator: "\n")).first { $0 != $1 }
                mismatches.append("\(expected.trace) \(expected.policy): got '\(diff?.0 ?? "")', sabre.py printed '\(diff?.1 ?? "")'")
            }
        }
        let differing = mismatches.count
        #expect(differing == 0, "\(differing) of \(runs.count) runs differ, first:\n\(mismatches.prefix(5).joined(separator: "\n"))")
    }
}
