#if FFmpeg
import ABRFormats
import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `abrkit demo` end to end on a tiny ladder: encode → simulate → plot → report, then the data cap
/// over every trace of traces/ on the encoded ladder.
@Suite(.serialized) struct DemoCommandTests {
    /// Collects the series names of an abrkit SVG, failing on malformed XML.
    final class SeriesNames: NSObject, XMLParserDelegate {
        var names: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            if name == "g", attributes["class"] == "series", let n = attributes["data-name"] { names.append(n) }
        }
        static func of(_ url: URL) throws -> [String] {
            let collector = SeriesNames()
            let parser = XMLParser(data: try Data(contentsOf: url))
            parser.delegate = collector
            guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
            return collector.names
        }
    }

    @Test func theChainWritesTablesCSVsWellFormedFiguresAndAReport() throws {
        let dir = try EncodeCommandTests.fixture()
        let out = dir.url.appendingPathComponent("demo")
        let traces = PackageRoot.path("traces")
        let result = try CLI.run([
            "demo", "--seconds", "2", "--segment-seconds", "1", "--program-seconds", "30",
            "--ladder", dir.path("ladder-spec.json"), "--traces", traces, "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("GB/h") && result.stdout.contains("Best policy per network family"))
        for file in ["report.html", "sessions.csv", "segments.csv", "encode/ladder.json", "encode/master.m3u8", "encode/manifest.mpd"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file) missing")
        }
        let (_, sessions) = try CSVTable.parse(try String(contentsOf: out.appendingPathComponent("sessions.csv"), encoding: .utf8), path: "sessions.csv")
        let policies = Set(sessions.map { $0[1] })
        #expect(policies.isSuperset(of: ["throughput", "bba", "bola", "bolae", "dynamic", "mpc", "robustmpc", "optimal"]))
        #expect(sessions.count == policies.count * Set(sessions.map { $0[0] }).count)
        // Figures parse as XML and carry the expected series.
        #expect(try SeriesNames.of(out.appendingPathComponent("rate-quality.svg")) == ["PSNR", "SSIM"])
        let cdf = try SeriesNames.of(out.appendingPathComponent("cdf.svg"))
        #expect(cdf.count == 3 * policies.count && Set(cdf) == policies)
        let timeline = try SeriesNames.of(out.appendingPathComponent("timeline.svg"))
        #expect(timeline.count == 3 && timeline[0] == "bandwidth" && timeline[2] == "buffer")
        // The report is self-contained: figures inlined, every table an HTML table, the files linked.
        let page = try ReportPage.parse(try Data(contentsOf: out.appendingPathComponent("report.html")))
        #expect(page.elementCounts["img"] == nil && page.elementCounts["pre"] == nil && page.elementCounts["svg"] == 3)
        #expect(page.tables.count == 3 && page.tables.allSatisfy(\.sortable) && page.tables[2].header.contains("optimal QoE/seg"))
        #expect(page.links.contains("sessions.csv") && page.links.contains("segments.csv") && page.links.contains("encode/ladder.json"))

        // The data saver holds on every trace of traces/, for every policy, on the encoded ladder.
        let capped = dir.url.appendingPathComponent("capped")
        let cap = 0.1
        let simulate = try CLI.run([
            "simulate", "--video", out.appendingPathComponent("encode/ladder.json").path, "--traces", traces,
            "--data-cap", String(cap), "--out", capped.path,
        ])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let (header, rows) = try CSVTable.parse(
            try String(contentsOf: capped.appendingPathComponent("sessions.csv"), encoding: .utf8), path: "sessions.csv")
        let gb = try #require(header.firstIndex(of: "gb_per_hour"))
        #expect(rows.count == Set(rows.map { $0[0] }).count * policies.count)
        for row in rows { #expect((Double(row[gb]) ?? .infinity) <= cap, "\(row[0]) \(row[1]) used \(row[gb]) GB/h") }
    }
}
#endif
