import ABRFormats
import ABRSimulator
import Foundation
import Testing

@testable import Reporting

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects what an SVG holds: that it parses, its series names, and the texts it shows.
final class SVGInspector: NSObject, XMLParserDelegate {
    var seriesNames: [String] = []
    var chartTitles: [String] = []
    var texts: [String] = []
    var polylinePointCounts: [Int] = []
    var shadeCount = 0
    private var currentText = ""

    static func inspect(_ svg: String) throws -> SVGInspector {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = inspector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return inspector
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if name == "g", attributes["class"] == "series", let n = attributes["data-name"] { seriesNames.append(n) }
        if name == "g", attributes["class"] == "chart", let t = attributes["data-title"] { chartTitles.append(t) }
        if name == "polyline", let pts = attributes["points"] { polylinePointCounts.append(pts.split(separator: " ").count) }
        if name == "rect", attributes["class"] == "shade" { shadeCount += 1 }
        currentText = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { currentText += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { texts.append(currentText) }
    }
}

@Suite("Plotting")
struct PlottingTests {
    @Test(
        "nice steps are 1, 2 or 5 × 10ⁿ and at least the raw step",
        arguments: [
            (0.3, 0.5), (1.0, 1), (1.1, 2), (2.5, 5), (7, 10), (0.011, 0.02), (1234, 2000),
        ])
    func niceSteps(raw: Double, expected: Double) {
        #expect(abs(AxisScale.niceStep(raw) - expected) < 1e-12 * expected)
    }

    @Test("the empirical CDF steps by 1/n at each sorted value")
    func cdf() {
        let points = CDFFigure.cdf([3, 1, 2, 2])
        #expect(points.map(\.x) == [1, 1, 2, 2, 3])
        #expect(points.map(\.y) == [0, 0.25, 0.5, 0.75, 1])
        #expect(CDFFigure.cdf([]).isEmpty)
    }

    @Test("text is escaped, so names with markup characters keep the document well formed")
    func escaping() throws {
        let chart = Chart(title: "a < b & \"c\"", xLabel: "x (s)", yLabel: "y", series: [Chart.Series(name: "p<1>", points: [(x: 0, y: 1), (x: 1, y: 2)])])
        let inspector = try SVGInspector.inspect(Figure(title: "T&T", charts: [chart]).svg)
        #expect(inspector.seriesNames == ["p<1>"])
        #expect(inspector.texts.contains("a < b & \"c\""))
    }

    @Test("a CDF figure has a panel per metric and a curve per policy, with axis labels")
    func cdfFigure() throws {
        let metric = CDFFigure.Metric(title: "QoE", axisLabel: "QoE per segment", values: [("bba", [1, 2, 3]), ("bola", [2, 3])])
        let rebuffer = CDFFigure.Metric(title: "Rebuffering", axisLabel: "rebuffer ratio (%)", values: [("bba", [0, 1, 0]), ("bola", [0, 0])])
        let inspector = try SVGInspector.inspect(CDFFigure.figure(title: "CDFs", metrics: [metric, rebuffer]).svg)
        #expect(inspector.chartTitles == ["QoE", "Rebuffering"])
        #expect(inspector.seriesNames == ["bba", "bola", "bba", "bola"])
        #expect(inspector.texts.contains("fraction of sessions"))
        #expect(inspector.texts.contains("rebuffer ratio (%)"))
        // A step curve of n values has 2n points (n + 1 CDF points, each but the first doubled).
        #expect(inspector.polylinePointCounts == [7, 5, 7, 5])
    }

    @Test("a session timeline has a rate panel (bitrate over bandwidth) and a buffer panel, with its stalls shaded")
    func timeline() throws {
        // Two 2 Mbit segments of 1 s over 1 Mbit/s: one 1 s stall.
        let video = try Video(constantBitrate: [Level(bitsPerSecond: 2e6)], segmentSeconds: 1, segmentCount: 2)
        let trace = try BandwidthTrace(name: "slow", periods: [TracePeriod(durationSeconds: 10, bitsPerSecond: 1e6)])
        struct Top: ABRPolicy {
            var name: String { "top" }
            mutating func decide(_ c: DecisionContext) -> Decision { Decision(level: 0, reason: DecisionReason("top")) }
        }
        var session = try PlaybackSession(video: video, trace: trace, policy: Top())
        let result = session.run()
        #expect(result.stalls.count == 1)
        let inspector = try SVGInspector.inspect(SessionTimeline.figure(result, trace: trace, segmentSeconds: 1).svg)
        #expect(inspector.chartTitles == ["Bitrate chosen and bandwidth offered (slow)", "Buffer level"])
        #expect(inspector.shadeCount == 2)
        #expect(inspector.texts.contains("buffer (s)"))
        // Buffer: 0 until the first arrival at 2 s, 1 s, dry at 3 s, stalled to 4 s, 1 s, played out at 5 s.
        let buffer = SessionTimeline.bufferPoints(result, segmentSeconds: 1)
        #expect(buffer.map(\.x) == [0, 0, 2, 2, 2, 3, 4, 4, 5])
        #expect(buffer.map(\.y) == [0, 0, 0, 1, 1, 0, 0, 1, 0])
    }

    @Test("a live session's timeline adds latency against the target and the playback rate")
    func liveTimeline() throws {
        // 1 s segments of 0.5 Mbit over 1 Mbit/s, target 2 s, catch-up off: segment k is available
        // at k − 1 and takes 0.5 s; playback starts at 0.5 s at latency 2.5 s, which it keeps.
        let video = try Video(constantBitrate: [Level(bitsPerSecond: 0.5e6)], segmentSeconds: 1, segmentCount: 3)
        let trace = try BandwidthTrace(name: "steady", periods: [TracePeriod(durationSeconds: 10, bitsPerSecond: 1e6)])
        struct Low: ABRPolicy {
            var name: String { "low" }
            mutating func decide(_ c: DecisionContext) -> Decision { Decision(level: 0, reason: DecisionReason("low")) }
        }
        var session = try LiveSession(video: video, trace: trace, policy: Low(), live: LiveConfiguration(targetLatencySeconds: 2, catchup: .off))
        let result = session.run()
        let inspector = try SVGInspector.inspect(SessionTimeline.figure(result, trace: trace, segmentSeconds: 1).svg)
        #expect(inspector.chartTitles == ["Bitrate chosen and bandwidth offered (steady)", "Buffer level", "Live latency", "Playback rate"])
        // Requests at 0, 0.5 and 1 s; arrivals at 0.5, 1 and 1.5 s.
        let latency = SessionTimeline.livePoints(result) { ($0.latencyAtRequestSeconds, $0.latencyAtEndSeconds) }
        #expect(latency.map(\.x) == [0, 0.5, 0.5, 1, 1, 1.5])
        #expect(latency.map(\.y) == [2, 2.5, 2.5, 2.5, 2.5, 2.5])
    }
}

@Suite("ResultFigures")
struct ResultFiguresTests {
    @Test("a sessions.csv without a needed column is an error naming the column")
    func missingColumn() {
        do {
            _ = try ResultFigures.cdf(sessionsCSV: "trace,policy,qoe_per_segment\nt,p,1\n", path: "s.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.value == "avg_bitrate_kbps" && error.line == 1)
        }
    }

    @Test("a value that is not a number is named with its line")
    func notANumber() {
        do {
            _ = try ResultFigures.cdf(sessionsCSV: "trace,policy,qoe_per_segment,avg_bitrate_kbps,rebuffer_ratio\nt,p,1,2,0\nt,q,x,2,0\n", path: "s.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .notANumber && error.line == 3 && error.value == "x")
        }
    }
}
