import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

/// The per-policy summary as data (summary.csv, `--format csv|json`), `--program-seconds`, and
/// `traces info --format`.
@Suite struct SummaryOutputTests {
    static func records(_ text: String) throws -> [[String: String]] {
        let (header, records) = try CSVTable.parse(text, path: "summary.csv")
        return records.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func summaryCSVTheCSVAndTheJSONOnStdoutAgreeWithTheTable() throws {
        let dir = try SimulateCommandTests.fixture()
        let base = ["simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces"), "--policy", "throughput,bba"]
        let text = try CLI.run(base + ["--out", dir.path("out")])
        let csv = try CLI.run(base + ["--format", "csv"])
        let json = try CLI.run(base + ["--format", "json"])
        #expect(text.status == 0 && csv.status == 0 && json.status == 0, "\(text.stderr)\(csv.stderr)\(json.stderr)")
        let file = try String(contentsOfFile: dir.path("out/summary.csv"), encoding: .utf8)
        #expect(csv.stdout == file)
        let rows = try Self.records(file)
        #expect(rows.map { $0["policy"] } == ["throughput", "bba"])
        #expect(rows.allSatisfy { $0["sessions"] == "2" })
        // The table rounds what the file holds: QoE mean to 2 decimals, GB/h to 3.
        for row in rows {
            let line = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix(row["policy"]! + " ") })
            let cells = line.split(separator: " ")
            #expect(String(cells[2]) == NumberFormat.fixed(Double(row["qoe_mean"]!)!, 2))
            #expect(String(cells[9]) == NumberFormat.fixed(Double(row["gb_per_hour"]!)!, 3))
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["traces"] as? Int == 2 && object["segments"] as? Int == 4 && object["qoe"] as? String == "linear")
        let policies = try #require(object["policies"] as? [[String: Any]])
        #expect(policies.count == 2)
        for (policy, row) in zip(policies, rows) {
            for column in ResultsCSV.summaryColumns.dropFirst(2) {
                #expect((policy[column] as? NSNumber)?.doubleValue == Double(row[column]!), "\(column)")
            }
        }
    }

    @Test func programSecondsLoopsTheVideo() throws {
        let dir = try SimulateCommandTests.fixture()  // 4 segments of 1 s, CBR
        let base = ["simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces/a-1mbps.json"), "--policy", "throughput"]
        let plain = try CLI.run(base + ["--out", dir.path("plain")])
        let looped = try CLI.run(base + ["--program-seconds", "10.4", "--out", dir.path("looped")])
        #expect(plain.status == 0 && looped.status == 0, "\(looped.stderr)")
        let session = try #require(SimulateCommandTests.sessions(dir.url.appendingPathComponent("looped")).first)
        #expect(session["segments"] == "10", "10.4 s of 1 s segments, rounded")
        #expect(session["playback_s"] == "10")
        #expect(looped.stdout.hasPrefix("10 segments × 1 s"))
        // A constant title looped keeps its data rate.
        let once = try #require(SimulateCommandTests.sessions(dir.url.appendingPathComponent("plain")).first)
        #expect(session["gb_per_hour"] == once["gb_per_hour"])
        let day = try CLI.run(base + ["--program-seconds", "86400", "--segments", "none", "--out", dir.path("day")])
        #expect(day.status == 0, "one day is the longest program")
        for bad in ["0", "-2", "86401", "nan"] {
            let result = try CLI.run(base + ["--program-seconds", bad])
            #expect(result.status != 0 && result.stderr.contains("--program-seconds"), "\(bad): \(result.stderr)")
        }
    }

    @Test func tracesInfoPrintsCSVAndJSONWithTheTablesNumbers() throws {
        let text = try CLI.run(["traces", "info", "traces/3g-like-01", "traces/lte-like-01"])
        let csv = try CLI.run(["traces", "info", "traces/3g-like-01", "traces/lte-like-01", "--format", "csv"])
        let json = try CLI.run(["traces", "info", "traces/3g-like-01", "traces/lte-like-01", "--format", "json"])
        #expect(text.status == 0 && csv.status == 0 && json.status == 0)
        let rows = try Self.records(csv.stdout)
        #expect(rows.map { $0["trace"] } == ["3g-like-01", "lte-like-01", "(all 2)"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(objects.count == 3)
        for (object, row) in zip(objects, rows) {
            #expect(object["trace"] as? String == row["trace"])
            #expect((object["mean_Mbps"] as? NSNumber)?.doubleValue == Double(row["mean_Mbps"]!))
            let line = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix(row["trace"]! + " ") })
            #expect(line.contains(String(format: "%.3f", Double(row["mean_Mbps"]!)!)))
        }
    }
}
