/// Charts stacked vertically into one SVG document.
public struct Figure: Sendable {
    /// Tableau 10: distinguishable colours that stay legible in print and for common colour-vision deficiencies.
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    public var title: String
    public var charts: [Chart]
    /// Width of the document in pixels.
    public var width: Double
    /// Height of each chart panel in pixels.
    public var panelHeight: Double

    public init(title: String, charts: [Chart], width: Double = 900, panelHeight: Double = 240) {
        self.title = title
        self.charts = charts
        self.width = width
        self.panelHeight = panelHeight
    }

    // Layout, in pixels.
    private let left = 78.0, right = 170.0, top = 58.0, bottom = 50.0, titleHeight = 34.0

    /// The figure as an SVG document.
    public var svg: String {
        var w = SVGWriter()
        w.element("text", [("x", "16"), ("y", "24"), ("font-size", "17"), ("font-weight", "bold")], text: title)
        for (i, chart) in charts.enumerated() {
            let y0 = titleHeight + Double(i) * (panelHeight + top + bottom)
            draw(chart, into: &w, y0: y0)
        }
        let height = titleHeight + Double(charts.count) * (panelHeight + top + bottom)
        return w.document(width: width, height: height, title: title)
    }

    private func draw(_ chart: Chart, into w: inout SVGWriter, y0: Double) {
        let plotTop = y0 + top, plotBottom = y0 + top + panelHeight
        let plotLeft = left, plotRight = width - right
        let xs = chart.series.flatMap { $0.points.map(\.x) } + chart.shaded.flatMap { [$0.from, $0.to] }
        let ys = chart.series.flatMap { $0.points.map(\.y) }
        var x = AxisScale(covering: xs, pixels: (plotLeft, plotRight), targetTicks: 8)
        if let bounds = chart.xBounds { x.lower = bounds.0; x.upper = bounds.1 }
        let y = AxisScale(covering: ys, pixels: (plotBottom, plotTop), includeZero: chart.includeZeroY)

        w.open("g", [("class", "chart"), ("data-title", chart.title)])
        w.element(
            "text", [("x", SVGWriter.number(plotLeft)), ("y", SVGWriter.number(y0 + 22)), ("font-size", "14"), ("font-weight", "bold")], text: chart.title)
        // Shaded ranges under everything else.
        for range in chart.shaded {
            let a = max(x.pixel(range.from), plotLeft), b = min(x.pixel(range.to), plotRight)
            guard b > a else { continue }
            w.element(
                "rect",
                [
                    ("class", "shade"), ("x", SVGWriter.number(a)), ("y", SVGWriter.number(plotTop)), ("width", SVGWriter.number(max(b - a, 1))),
                    ("height", SVGWriter.number(plotBottom - plotTop)), ("fill", "#e15759"), ("fill-opacity", "0.18"),
                ])
        }
        drawAxes(chart, x: x, y: y, into: &w, plotTop: plotTop, plotBottom: plotBottom)
        for (k, series) in chart.series.enumerated() {
            drawSeries(series, color: Self.palette[k % Self.palette.count], x: x, y: y, into: &w)
        }
        drawLegend(chart, into: &w, x: plotRight + 16, y: plotTop)
        w.close("g")
    }

    private func drawAxes(_ chart: Chart, x: AxisScale, y: AxisScale, into w: inout SVGWriter, plotTop: Double, plotBottom: Double) {
        let n = SVGWriter.number
        let grid = "#e5e5e5", ink = "#333333"
        let xStep = AxisScale.niceStep((x.upper - x.lower) / 8), yStep = AxisScale.niceStep((y.upper - y.lower) / 5)
        for t in y.ticks() {
            let py = y.pixel(t)
            w.element("line", [("x1", n(x.pixelLower)), ("x2", n(x.pixelUpper)), ("y1", n(py)), ("y2", n(py)), ("stroke", grid)])
            w.element(
                "text", [("x", n(x.pixelLower - 6)), ("y", n(py + 4)), ("font-size", "11"), ("text-anchor", "end"), ("fill", ink)],
                text: AxisScale.label(t, step: yStep))
        }
        for t in x.ticks(target: 8) {
            let px = x.pixel(t)
            w.element("line", [("x1", n(px)), ("x2", n(px)), ("y1", n(plotTop)), ("y2", n(plotBottom)), ("stroke", grid)])
            w.element(
                "text", [("x", n(px)), ("y", n(plotBottom + 16)), ("font-size", "11"), ("text-anchor", "middle"), ("fill", ink)],
                text: AxisScale.label(t, step: xStep))
        }
        w.element(
            "rect",
            [
                ("x", n(x.pixelLower)), ("y", n(plotTop)), ("width", n(x.pixelUpper - x.pixelLower)), ("height", n(plotBottom - plotTop)),
                ("fill", "none"), ("stroke", ink),
            ])
        w.element(
            "text",
            [
                ("class", "x-label"), ("x", n((x.pixelLower + x.pixelUpper) / 2)), ("y", n(plotBottom + 38)), ("font-size", "12"),
                ("text-anchor", "middle"), ("fill", ink),
            ], text: chart.xLabel)
        let midY = (plotTop + plotBottom) / 2
        w.element(
            "text",
            [
                ("class", "y-label"), ("x", n(x.pixelLower - 52)), ("y", n(midY)), ("font-size", "12"), ("text-anchor", "middle"), ("fill", ink),
                ("transform", "rotate(-90 \(n(x.pixelLower - 52)) \(n(midY)))"),
            ], text: chart.yLabel)
        if let top = chart.topAxis {
            let topX = AxisScale(covering: [x.lower * top.scale, x.upper * top.scale], pixels: (x.pixelLower, x.pixelUpper), targetTicks: 6)
            let step = AxisScale.niceStep((topX.upper - topX.lower) / 6)
            for t in topX.ticks(target: 6) {
                let px = x.pixel(t / top.scale)
                guard px >= x.pixelLower - 0.5, px <= x.pixelUpper + 0.5 else { continue }
                w.element("line", [("x1", n(px)), ("x2", n(px)), ("y1", n(plotTop - 4)), ("y2", n(plotTop)), ("stroke", ink)])
                w.element(
                    "text", [("x", n(px)), ("y", n(plotTop - 7)), ("font-size", "11"), ("text-anchor", "middle"), ("fill", ink)],
                    text: AxisScale.label(t, step: step))
            }
            w.element(
                "text", [("class", "top-label"), ("x", n(x.pixelUpper)), ("y", n(plotTop - 22)), ("font-size", "12"), ("text-anchor", "end"), ("fill", ink)],
                text: top.label)
        }
    }

    private func drawSeries(_ series: Chart.Series, color: String, x: AxisScale, y: AxisScale, into w: inout SVGWriter) {
        var pts: [(Double, Double)] = []
        for (i, p) in series.points.enumerated() {
            if series.style == .step, i > 0 { pts.append((x.pixel(p.x), y.pixel(series.points[i - 1].y))) }
            pts.append((x.pixel(p.x), y.pixel(p.y)))
        }
        w.open("g", [("class", "series"), ("data-name", series.name)])
        if series.style != .markers, pts.count > 1 {
            w.element(
                "polyline", [("points", SVGWriter.points(pts)), ("fill", "none"), ("stroke", color), ("stroke-width", "1.8"), ("stroke-linejoin", "round")])
        }
        if series.style == .markers || series.style == .lineAndMarkers {
            for (i, p) in series.points.enumerated() {
                let px = x.pixel(p.x), py = y.pixel(p.y)
                w.element("circle", [("cx", SVGWriter.number(px)), ("cy", SVGWriter.number(py)), ("r", "4"), ("fill", color)])
                if let labels = series.labels, i < labels.count {
                    w.element(
                        "text", [("x", SVGWriter.number(px + 6)), ("y", SVGWriter.number(py - 6)), ("font-size", "10"), ("fill", "#333333")], text: labels[i])
                }
            }
        }
        w.close("g")
    }

    private func drawLegend(_ chart: Chart, into w: inout SVGWriter, x: Double, y: Double) {
        let n = SVGWriter.number
        var row = 0.0
        w.open("g", [("class", "legend")])
        for (k, series) in chart.series.enumerated() {
            let color = Self.palette[k % Self.palette.count]
            w.element("rect", [("x", n(x)), ("y", n(y + row * 18)), ("width", "14"), ("height", "4"), ("fill", color)])
            w.element("text", [("x", n(x + 20)), ("y", n(y + row * 18 + 6)), ("font-size", "12")], text: series.name)
            row += 1
        }
        if !chart.shaded.isEmpty {
            w.element("rect", [("x", n(x)), ("y", n(y + row * 18 - 4)), ("width", "14"), ("height", "12"), ("fill", "#e15759"), ("fill-opacity", "0.18")])
            w.element("text", [("x", n(x + 20)), ("y", n(y + row * 18 + 6)), ("font-size", "12")], text: chart.shadedName)
        }
        w.close("g")
    }
}
