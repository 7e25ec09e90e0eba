import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

@testable import Reporting

@Suite("Figure")
struct FigureTests {
    static let policies = ["throughput", "bba", "bola", "bolae", "bolao", "dynamic", "mpc", "robustmpc", "optimal"]

    /// Nine policies over three panels, as the demo's CDFs draw them.
    static func nineCurves() -> Figure {
        let values = policies.enumerated().map { k, p in (policy: p, values: (0..<20).map { Double(($0 * 7 + k) % 20) }) }
        return CDFFigure.figure(
            title: "T", metrics: ["a", "b", "c"].map { CDFFigure.Metric(title: $0, axisLabel: "\($0) (unit)", values: values) })
    }

    @Test("nine series differ in colour, marker and dash, keep their style across panels, and share one legend")
    func nineSeriesAreDistinct() throws {
        let svg = try SVGDocument.parse(Self.nineCurves().svg)
        let series = svg.elements(class: "series")
        #expect(series.count == 27)
        var styles: [String: [String]] = [:]
        for s in series {
            let style = ["data-color", "data-marker", "data-dash"].map { s.attributes[$0] ?? "" }
            if let earlier = styles[s.series ?? ""] { #expect(earlier == style, "\(s.series ?? "") changes style between panels") }
            styles[s.series ?? ""] = style
        }
        #expect(styles.count == 9)
        for k in 0..<3 { #expect(Set(styles.values.map { $0[k] }).count == 9, "attribute \(k) repeats") }
        // Every line of a dashed series carries its dash; the solid one none.
        let dashed = svg.elements.filter { $0.name == "polyline" && !$0.inLegend && $0.series == "bba" }
        #expect(dashed.count == 3 && dashed.allSatisfy { $0.attributes["stroke-dasharray"] == "7 3" })
        #expect(svg.elements.filter { $0.name == "polyline" && $0.series == "throughput" }.allSatisfy { $0.attributes["stroke-dasharray"] == nil })
        // One legend for the figure, one entry per policy, in order.
        #expect(svg.elements(class: "legend").count == 1)
        #expect(svg.elements(class: "legend-entry").map { $0.series ?? "" } == Self.policies)
        // Colours are Paul Tol's muted scheme.
        #expect(Set(styles.values.map { $0[0] }) == Set(SeriesStyle.palette))
    }

    @Test("a tenth series differs from each of the first nine in colour, marker or dash")
    func tenthSeries() {
        let tenth = SeriesStyle.at(9)
        for k in 0..<9 { #expect(SeriesStyle.at(k) != tenth) }
        #expect(SeriesStyle.at(9).marker != SeriesStyle.at(0).marker)
    }

    @Test("the timeline draws bitrate and bandwidth on one Mbit/s axis and shades the stall on both panels")
    func timelineSharesOneAxis() throws {
        // 2 Mbit/s segments of 1 s over 1 Mbit/s: the first arrives at 2 s, the second at 4 s; stall 3…4 s.
        let video = try Video(constantBitrate: [Level(bitsPerSecond: 2e6)], segmentSeconds: 1, segmentCount: 2)
        let trace = try BandwidthTrace(name: "slow", periods: [TracePeriod(durationSeconds: 10, bitsPerSecond: 1e6)])
        struct Top: ABRPolicy {
            var name: String { "top" }
            mutating func decide(_ c: DecisionContext) -> Decision { Decision(level: 0, reason: DecisionReason("top")) }
        }
        var session = try PlaybackSession(video: video, trace: trace, policy: Top())
        let svg = try SVGDocument.parse(SessionTimeline.figure(session.run(), trace: trace, segmentSeconds: 1).svg)
        let chart = "Bitrate chosen and bandwidth offered (slow)"
        #expect(svg.elements(class: "y-label", chart: chart).map(\.text) == ["rate (Mbit/s)"])
        let ticks = svg.ticks("y", chart: chart)
        let one = try #require(ticks[1]), two = try #require(ticks[2])
        let bitrate = svg.polyline(series: "top", chart: chart), bandwidth = svg.polyline(series: "bandwidth", chart: chart)
        #expect(!bitrate.isEmpty && bitrate.allSatisfy { abs($0.y - two) < 0.01 }, "bitrate 2 Mbit/s at the tick 2")
        #expect(!bandwidth.isEmpty && bandwidth.allSatisfy { abs($0.y - one) < 0.01 }, "bandwidth 1 Mbit/s at the tick 1")
        let shades = svg.elements(class: "shade")
        #expect(Set(shades.compactMap(\.chart)) == [chart, "Buffer level"])
        #expect(shades.allSatisfy { $0.attributes["data-from"] == "3" && $0.attributes["data-to"] == "4" })
        // The shaded rectangle spans exactly 3…4 s on the x axis.
        let xTicks = svg.ticks("x", chart: chart)
        let pixelsPerSecond = (try #require(xTicks[2]) - (try #require(xTicks[1])))
        let shade = try #require(shades.first { $0.chart == chart })
        #expect(abs(SVGDocument.number(shade, "x") - (try #require(xTicks[3]))) < 0.01)
        #expect(abs(SVGDocument.number(shade, "width") - pixelsPerSecond) < 0.02)
    }

    @Test(
        "a log axis spans the powers of ten around the data and ticks at each",
        arguments: [
            ([3.0, 450], 1.0, 1000.0, [1.0, 10, 100, 1000]),
            ([10.0, 100], 10, 100, [10, 20, 50, 100]),
            ([0.013, 0.5, 0], 0.01, 1, [0.01, 0.1, 1]),
            ([400.0, 10_000], 100, 10_000, [100, 1000, 10_000]),
        ])
    func logAxis(values: [Double], lower: Double, upper: Double, ticks: [Double]) {
        let scale = AxisScale(covering: values, pixels: (0, 300), kind: .log)
        #expect(scale.kind == .log && scale.lower == lower && scale.upper == upper)
        #expect(scale.ticks() == ticks)
        // Equal ratios, equal distances; 0 sits on the lower edge.
        #expect(abs(scale.pixel(lower * 10) - 300 / (Foundation.log10(upper / lower))) < 1e-9)
        #expect(scale.pixel(0) == 0 && scale.isClipped(0))
    }

    @Test("a log axis over no positive value falls back to linear")
    func logAxisWithoutPositives() {
        #expect(AxisScale(covering: [0, -2], pixels: (0, 100), kind: .log).kind == .linear)
    }

    @Test("a figure drawn with a log x axis labels its ticks 1, 10, 100, 1000")
    func logTicksInTheSVG() throws {
        let chart = Chart(title: "c", xLabel: "rate (kbit/s)", yLabel: "q", series: [Chart.Series(name: "s", points: [(x: 3, y: 1), (x: 450, y: 2)])])
        let figure = try Figure(title: "t", charts: [chart]).applying(FigureOptions(xScale: .log))
        let svg = try SVGDocument.parse(figure.svg)
        let ticks = svg.elements(class: "x-tick")
        #expect(ticks.map(\.text) == ["1", "10", "100", "1000"])
        let pixels = ticks.map { SVGDocument.number($0, "x") }
        #expect(abs((pixels[1] - pixels[0]) - (pixels[3] - pixels[2])) < 0.02, "decades are equally wide")
        #expect(svg.elements(class: "x-label").first?.text == "rate (kbit/s), log scale")
    }

    @Test("the rebuffer CDF is drawn on a log axis and states each policy's share of sessions without a stall")
    func rebufferPanel() throws {
        let metric = CDFFigure.rebufferMetric(title: "R", axisLabel: "rebuffer ratio (%)", values: [("a", [0, 0, 0, 2]), ("b", [0, 0.5])])
        #expect(metric.scale == .log)
        #expect(metric.notes.joined(separator: " ") == "Sessions without a stall (drawn on the left edge): a 75 %, b 50 %")
        let svg = try SVGDocument.parse(CDFFigure.figure(title: "t", metrics: [metric]).svg)
        #expect(svg.elements(class: "chart").first?.attributes["data-x-scale"] == "log")
        #expect(svg.elements(class: "x-tick").map(\.text) == ["0.1", "1", "10"])
        #expect(svg.elements(class: "note").map(\.text) == metric.notes)
        // No stall anywhere: a linear axis and a note saying so.
        let none = CDFFigure.rebufferMetric(title: "R", axisLabel: "%", values: [("a", [0, 0])])
        #expect(none.scale == .linear && none.notes == ["No session stalled."])
    }

    @Test("point labels stay inside the plot area, clear of the legend")
    func hullLabelsAvoidTheLegend() throws {
        let curves = [
            (name: "1920x1080", points: [(x: 1000.0, y: 90.0), (x: 8000, y: 97)]), (name: "640x360", points: [(x: 200.0, y: 60.0), (x: 1000, y: 80)]),
        ]
        let hull = [(label: "640x360@200", point: (x: 200.0, y: 60.0)), (label: "1920x1080@8000 (top rung)", point: (x: 8000.0, y: 97.0))]
        let figure = RateQualityFigure.hullFigure(title: "h", qualityLabel: "VMAF", curves: curves, hull: hull)
        let svg = try SVGDocument.parse(figure.svg)
        let frame = try #require(svg.elements(class: "frame").first)
        let left = SVGDocument.number(frame, "x"), right = left + SVGDocument.number(frame, "width")
        let top = SVGDocument.number(frame, "y")
        let legend = try #require(svg.elements(class: "legend-box").first)
        let labels = svg.elements(class: "point-label")
        #expect(labels.map(\.text) == hull.map(\.label))
        for label in labels {
            let x = SVGDocument.number(label, "x"), width = Figure.labelWidth(label.text)
            let (from, to) = label.attributes["text-anchor"] == "end" ? (x - width, x) : (x, x + width)
            #expect(from >= left && to <= right, "\(label.text) spans \(from)…\(to) outside \(left)…\(right)")
            #expect(to < SVGDocument.number(legend, "x"), "\(label.text) runs into the legend")
            #expect(SVGDocument.number(label, "y") - Figure.labelFontSize >= top, "\(label.text) runs above the plot")
        }
        #expect(svg.elements(class: "chart").first?.attributes["data-x-scale"] == "log")
    }

    @Test("width and height in pixels are the document's; too small a size is refused, naming the minimum")
    func size() throws {
        let figure = try Self.nineCurves().applying(FigureOptions(width: 700, height: 900))
        let svg = try SVGDocument.parse(figure.svg)
        let root = try #require(svg.elements.first { $0.name == "svg" })
        #expect(root.attributes["width"] == "700" && root.attributes["height"] == "900")
        let minimum = Self.nineCurves().minimumHeight
        #expect(throws: FigureOptions.SizeError(dimension: "height", pixels: minimum - 1, minimum: minimum)) {
            try Self.nineCurves().applying(FigureOptions(height: minimum - 1))
        }
        #expect(try Self.nineCurves().applying(FigureOptions(height: minimum)).panelHeight == Figure.minimumPanelHeight)
        let narrowest = Self.nineCurves().minimumWidth
        #expect(narrowest == 78 + 170 + Figure.minimumPlotWidth)
        #expect(throws: FigureOptions.SizeError.self) { try Self.nineCurves().applying(FigureOptions(width: narrowest - 1)) }
        #expect(try Self.nineCurves().applying(FigureOptions(width: narrowest)).width == narrowest)
    }

    @Test("a PDF starts with %PDF and is byte-identical from run to run (needs rsvg-convert)")
    func pdf() throws {
        guard FigureFile.rsvgConvert != nil else {
            print("FigureTests.pdf: skipped: rsvg-convert is not installed (package librsvg2-bin)")
            return
        }
        let scratch = try TemporaryDirectory()
        let a = scratch.path("a.pdf"), b = scratch.path("b.pdf")
        #expect(try FigureFile.write(Self.nineCurves(), to: a, format: .pdf) == [a])
        Thread.sleep(forTimeInterval: 1.1)  // a creation date taken from the clock would now differ
        try FigureFile.write(Self.nineCurves(), to: b, format: .pdf)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: a))
        #expect(bytes.starts(with: Data("%PDF-".utf8)))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: b))))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["a.pdf", "b.pdf"], "no temporary file left")
    }
}
