import ABRFormats
import Foundation
import TestSupport
import Testing

/// `abrkit report` end to end: two result folders (uncapped and capped) side by side.
@Suite struct ReportCommandTests {
    /// Two runs of two policies over two traces, and their `simulate` tables on stdout.
    static func twoRuns(in scratch: TemporaryDirectory) throws -> (folders: [String], tables: [String]) {
        let movie = try scratch.file(
            "movie.json",
            #"{"segment_duration_ms": 2000, "bitrates_kbps": [300, 750, 1200, 2850, 4300], "segment_sizes_bits": ["#
                + Array(repeating: "[600000, 1500000, 2400000, 5700000, 8600000]", count: 40).joined(separator: ", ") + "]}")
        var folders: [String] = [], tables: [String] = []
        for (name, extra) in [("uncapped", [String]()), ("capped", ["--data-cap", "0.5"])] {
            let folder = scratch.path("runs/\(name)")
            let result = try CLI.run(
                ["simulate", "--video", movie, "--traces", "traces/3g-like-01", "traces/lte-like-01", "--policy", "bba,robustmpc", "--out", folder] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            folders.append(folder)
            tables.append(result.stdout)
        }
        return (folders, tables)
    }

    @Test func rebuildsTheTablesExactlyAndWritesASelfContainedSortablePage() throws {
        let scratch = try TemporaryDirectory()
        let (folders, tables) = try Self.twoRuns(in: scratch)
        let out = scratch.path("report")
        let result = try CLI.run(["report", "--sessions"] + folders + ["--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        // The summaries rebuilt from sessions.csv are the tables simulate printed, byte for byte.
        #expect(result.stdout == "uncapped:\n\(tables[0])\ncapped:\n\(tables[1])\n")
        let html = try Data(contentsOf: URL(fileURLWithPath: out + "/report.html"))
        let page = try ReportPage.parse(html)
        #expect(page.elementCounts["img"] == nil, "figures are inlined, not linked")
        #expect(page.elementCounts["svg"] == 2 && page.elementCounts["pre"] == nil && page.elementCounts["script"] == 1)
        // Side by side, then one table per run; all sortable.
        #expect(page.tables.count == 3 && page.tables.allSatisfy(\.sortable))
        let side = page.tables[0]
        #expect(side.header.prefix(3) == ["run", "policy", "sessions"] && side.header.last == "capped %")
        #expect(side.rows.map { $0[0] + "/" + $0[1] } == ["uncapped/bba", "uncapped/robustmpc", "capped/bba", "capped/robustmpc"])
        #expect(side.rows.allSatisfy { $0[2] == "2" })
        let simulated = tables[1].split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        #expect(page.tables[2].rows == simulated, "the capped run's HTML table holds simulate's numbers")
        // CSV links are relative and lead to the files.
        #expect(page.links.contains("../runs/uncapped/sessions.csv") && page.links.contains("../runs/capped/segments.csv"))
        for link in page.links {
            #expect(!link.hasPrefix("/") && !link.contains("://"), "\(link) is not relative")
            #expect(FileManager.default.fileExists(atPath: out + "/" + (link.removingPercentEncoding ?? link)), "\(link) leads nowhere")
        }
        // Deterministic: a second report is byte-identical.
        #expect(try CLI.run(["report", "--sessions"] + folders + ["--out", scratch.path("again")]).status == 0)
        #expect(html == (try Data(contentsOf: URL(fileURLWithPath: scratch.path("again/report.html")))))
    }

    @Test func aTruncatedSessionsCSVIsAnErrorNamingIt() throws {
        let scratch = try TemporaryDirectory()
        let (folders, _) = try Self.twoRuns(in: scratch)
        let sessions = folders[1] + "/sessions.csv"
        let lines = try String(contentsOfFile: sessions, encoding: .utf8).split(separator: "\n")
        try (lines.dropLast().joined(separator: "\n") + "\n").write(toFile: sessions, atomically: true, encoding: .utf8)
        let result = try CLI.run(["report", "--sessions"] + folders + ["--out", scratch.path("report")])
        #expect(result.status != 0)
        #expect(result.stderr.contains(sessions) && result.stderr.contains("holds 3 session rows, but run.json says 4"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("report")), "nothing written")
    }

    @Test func plotRefusesPDFWithoutRsvgConvertNamingThePackage() throws {
        let scratch = try TemporaryDirectory()
        let csv = try scratch.file("sessions.csv", "trace,policy,qoe_per_segment,avg_bitrate_kbps,rebuffer_ratio\nt,p,1,300,0\nt,q,2,750,0.01\n")
        let result = try ProcessRunner.run(
            CLI.binary, ["plot", "cdf", "--sessions", csv, "--out", scratch.path("cdf.pdf")], environment: ["PATH": scratch.url.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("librsvg2-bin") && result.stderr.contains("rsvg-convert"), "\(result.stderr)")
    }
}
