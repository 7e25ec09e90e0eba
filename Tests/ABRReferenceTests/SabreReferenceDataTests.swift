import ABRReference
import ABRSimulator
import Foundation
import TestSupport
import Testing

/// The `sabre` model against what sabre.py printed on Sabre's own trace sets (MMSys 2018
/// pairings: 3G logs with bbb.json, 4G logs with bbb4k.json), every trace × every policy.
///
/// Needs `../shared/data` (skipped with a message when absent); the expected text is committed
/// in `Tests/Fixtures/sabre` (see its README for how it was produced).
@Suite(
    "Sabre model vs sabre.py on real traces",
    .enabled(if: PackageRoot.hasSharedData, "../shared/data is absent: skipping the comparison with sabre.py on Sabre's trace sets"))
struct SabreReferenceDataTests {
    struct Pairing: Sendable, CustomTestStringConvertible {
        var traceSet: String
        var video: String
        var testDescription: String { "\(traceSet) × \(video)" }
    }

    @Test(
        "report equals sabre.py's printed output for every trace and policy",
        arguments: [
            Pairing(traceSet: "3g", video: "bbb"), Pairing(traceSet: "4g", video: "bbb4k"),
        ])
    func matchesSabre(_ pairing: Pairing) throws {
        let data = PackageRoot.sharedData
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

    @Test("abrkit's units (seconds, bit/s, bytes) give the same runs as Sabre's own")
    func abrkitUnits() throws {
        let data = PackageRoot.sharedData
        let movie = try SabreTestData.movie(data.appendingPathComponent("videos/sabre/bbb.json"))
        // as a reader of Sabre's JSON into abrkit's model would convert: ms / 1000, kbps × 1000, bits / 8
        let video = try Video(
            levels: movie.bitratesKbps.map { Level(bitsPerSecond: $0 * 1000) },
            segmentSeconds: movie.segmentDurationMs / 1000,
            segmentBytes: movie.segmentSizesBits.map { $0.map { Int($0) / 8 } })
        let traceDirectory = data.appendingPathComponent("traces/sabre-3g")
        let files = try FileManager.default.contentsOfDirectory(atPath: traceDirectory.path).filter { $0.hasSuffix(".json") }.sorted().prefix(5)
        for file in files {
            let network = try SabreTestData.network(traceDirectory.appendingPathComponent(file))
            let periods = network.periods.map {
                TracePeriod(durationSeconds: $0.durationMs / 1000, bitsPerSecond: $0.bandwidthKbps * 1000, latencySeconds: $0.latencyMs / 1000)
            }
            for policy in SabrePolicyKind.allCases {
                let direct = try SabreModel.run(network: network, movie: movie, policy: policy)
                let converted = try SabreModel.run(network: periods, video: video, policy: policy)
                #expect(direct == converted, "\(file) \(policy.rawValue)")
            }
        }
    }
}
