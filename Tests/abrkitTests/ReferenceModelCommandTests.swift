import ABRFormats
import Foundation
import TestSupport
import Testing

/// `abrkit simulate --model pensieve|sabre` end to end against the published simulators' own
/// output (the fixtures in Tests/Fixtures, taken from Pensieve's and Sabre's scripts), on the real
/// data in ../shared/data; skipped with a message when that folder is absent (a user's clone).
@Suite struct ReferenceModelCommandTests {
    static let data = PackageRoot.sharedData
    static let fixtures = PackageRoot.url.appendingPathComponent("Tests/Fixtures")

    static func csv(_ url: URL) throws -> [[String: String]] {
        let (header, records) = try CSVTable.parse(try String(contentsOf: url, encoding: .utf8), path: url.path)
        return records.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test(.enabled(if: PackageRoot.hasSharedData, "../shared/data is absent, so Pensieve's traces are not here to replay"))
    func pensieveModelReproducesEveryChunkLevelAndRewardOfPensievesScripts() throws {
        let out = try TemporaryDirectory()
        let result = try CLI.run([
            "simulate", "--model", "pensieve", "--video", Self.data.appendingPathComponent("videos/pensieve-envivo").path,
            "--traces", Self.data.appendingPathComponent("traces/pensieve-hsdpa-test").path, "--out", out.url.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        var levels: [String: String] = [:]
        for row in try Self.csv(out.url.appendingPathComponent("segments.csv")) {
            levels["\(row["policy"] ?? "") \(row["trace"] ?? "")", default: ""] += row["level"] ?? "?"
        }
        let sessions = try Self.csv(out.url.appendingPathComponent("sessions.csv"))
        let qoe = Dictionary(uniqueKeysWithValues: sessions.map { ("\($0["policy"] ?? "") \($0["trace"] ?? "")", Double($0["qoe"] ?? "") ?? .nan) })
        var compared = 0
        for policy in ["bb", "robustmpc"] {
            let lines = try String(contentsOf: Self.fixtures.appendingPathComponent("pensieve/\(policy).txt"), encoding: .utf8).split(separator: "\n")
            for line in lines where !line.hasPrefix("#") {
                let fields = line.split(separator: " ").map(String.init)
                let key = "\(policy) \(fields[0])"
                #expect(levels[key] == fields[1], "\(key): levels differ from Pensieve's log")
                #expect(abs((qoe[key] ?? .nan) - (Double(fields[2]) ?? .nan)) < 1e-6, "\(key): reward differs from Pensieve's log")
                compared += 1
            }
        }
        #expect(compared == 2 * 142)
    }

    @Test(.enabled(if: PackageRoot.hasSharedData, "../shared/data is absent, so Sabre's traces are not here to replay"))
    func sabreModelPrintsSabresMetricsOnThe3GSet() throws {
        let out = try TemporaryDirectory()
        let result = try CLI.run([
            "simulate", "--model", "sabre", "--video", Self.data.appendingPathComponent("videos/sabre/bbb.json").path,
            "--traces", Self.data.appendingPathComponent("traces/sabre-3g").path, "--out", out.url.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let ours = Dictionary(
            uniqueKeysWithValues: try Self.csv(out.url.appendingPathComponent("sessions.csv")).map {
                ("\($0["policy"] ?? "") \(($0["trace"] ?? "").replacingOccurrences(of: ".json", with: ""))", $0)
            })
        let tsv = try String(contentsOf: Self.fixtures.appendingPathComponent("sabre/sabre-3g-bbb.tsv"), encoding: .utf8).split(separator: "\n")
        let header = tsv[0].split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
        var compared = 0
        for line in tsv.dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let row = try #require(ours["\(fields[1]) \(fields[0])"], "no session for \(fields[1]) over \(fields[0])")
            for (name, printed) in zip(header, fields).dropFirst(2) where !printed.isEmpty {
                let column = "sabre_" + Self.snakeCase(name)
                let mine = try #require(row[column].flatMap(Double.init), "\(column) missing")
                // sabre.py prints %f (6 decimals) or %d: equal to its printed precision (one unit in the last place for rounding).
                #expect(abs(mine - (Double(printed) ?? .nan)) <= 1.01e-6 * max(1, abs(mine)), "\(fields[1]) \(fields[0]) \(name): \(mine) vs \(printed)")
                compared += 1
            }
        }
        #expect(compared > 86 * 5 * 20)
    }

    /// Sabre's printed labels to abrkit's column names: "time average played bitrate" → "time_average_played_bitrate_kbps".
    static func snakeCase(_ label: String) -> String {
        let units = [
            "total played bitrate": "_kbps", "time average played bitrate": "_kbps", "total play time": "_s", "total rebuffer": "_s",
            "time average rebuffer": "_s", "total bitrate change": "_kbps", "time average bitrate change": "_kbps", "bola buffer": "_ms",
            "buffer size": "_ms", "over estimate": "_kbps", "leq estimate": "_kbps", "estimate": "_kbps", "rampup time": "_s",
            "total reaction time": "_s",
        ]
        return label.replacingOccurrences(of: " ", with: "_") + (units[label] ?? "")
    }
}
