/// Charts stacked vertically into one SVG document, with one legend for the whole figure.
///
/// Every series is told apart by colour, marker and dash together (`SeriesStyle`), assigned by
/// name across the figure, so that a policy looks the same in every panel.
public struct Figure: Sendable {
    /// 900 px: a full-width figure in a report, legible when scaled to a two-column paper's page width.
    public static let defaultWidth = 900.0
    /// The narrowest plot area `sized(width:height:)` accepts, pixels: room for a few tick labels.
    public static let minimumPlotWidth = 160.0
    /// The shortest panel `sized(width:height:)` accepts, pixels: room for three y ticks.
    public static let minimumPanelHeight = 60.0

    public var title: String
    public var charts: [Chart]
    /// Width of the document in pixels.
    public var width: Double
    /// Height of each chart's plot area in pixels.
    public var panelHeight: Double

    public init(title: String, charts: [Chart], width: Double = defaultWidth, panelHeight: Double = 240) {
        self.title = title
        self.charts = charts
        self.width = width
        self.panelHeight = panelHeight
    }

    // Layout, in pixels: margins around each plot area (the right one holds the legend), the
    // figure's title line, and one line of a chart's notes.
    let left = 78.0, right = 170.0, top = 58.0, bottom = 50.0, titleHeight = 34.0, noteLine = 16.0

    /// Height of the document in pixels.
    public var height: Double { titleHeight + charts.map { blockHeight($0) }.reduce(0, +) }

    /// Height of one chart's block: margins, plot area and notes.
    func blockHeight(_ chart: Chart) -> Double { top + panelHeight + bottom + Double(chart.notes.count) * noteLine }

    /// The distinct series names in the order they first appear, which fixes each one's style.
    var seriesNames: [String] {
        var names: [String] = []
        for chart in charts { for series in chart.series where !names.contains(series.name) { names.append(series.name) } }
        return names
    }

    /// The figure as an SVG document.
    public var svg: String {
        var w = SVGWriter()
        w.element("text", [("x", "16"), ("y", "24"), ("font-size", "17"), ("font-weight", "bold")], text: title)
        let names = seriesNames
        var y0 = titleHeight
        for chart in charts {
            draw(chart, names: names, into: &w, y0: y0)
            y0 += blockHeight(chart)
        }
        drawLegend(names: names, into: &w, x: width - right + 16, y: titleHeight + top)
        return w.document(width: width, height: height, title: title)
    }

    private func draw(_ chart: Chart, names: [String], into w: inout SVGWriter, y0: Double) {
        let plotTop = y0 + top, plotBottom = y0 + top + panelHeight
        let plotLeft = left, plotRight = width - right
        let xs = chart.series.flatMap { $0.points.map(\.x) } + chart.shaded.flatMap { [$0.from, $0.to] }
        let ys = chart.series.flatMap { $0.points.map(\.y) }
        var x = AxisScale(covering: chart.xBounds.map { [$0.0, $0.1] } ?? xs, pixels: (plotLeft, plotRight), targetTicks: 8, kind: chart.xScale)
        if let bounds = chart.xBounds, x.kind == .linear || bounds.0 > 0 { x.lower = bounds.0; x.upper = bounds.1 }
        let y = AxisScale(covering: ys, pixels: (plotBottom, plotTop), includeZero: chart.includeZeroY, kind: chart.yScale)

        w.open("g", [("class", "chart"), ("data-title", chart.title), ("data-x-scale", x.kind.rawValue), ("data-y-scale", y.kind.rawValue)])
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
                    ("height", SVGWriter.number(plotBottom - plotTop)), ("fill", Self.shadeColor), ("fill-opacity", Self.shadeOpacity),
                    ("data-from", SVGWriter.number(range.from)), ("data-to", SVGWriter.number(range.to)),
                ])
        }
        drawAxes(chart, x: x, y: y, into: &w, plotTop: plotTop, plotBottom: plotBottom)
        for (k, series) in chart.series.enumerated() {
            let index = names.firstIndex(of: series.name) ?? k
            drawSeries(series, style: SeriesStyle.at(index), offset: Double(index + 1) / Double(names.count + 1), x: x, y: y, into: &w)
        }
        let clipped = chart.series.flatMap(\.points).filter { x.isClipped($0.x) || y.isClipped($0.y) }.count
        if clipped > 0, chart.notes.isEmpty {
            w.element(
                "text",
                [
                    ("class", "clipped"), ("x", SVGWriter.number(plotRight - 6)), ("y", SVGWriter.number(plotTop + 14)), ("font-size", "10"),
                    ("text-anchor", "end"), ("fill", "#555555"),
                ], text: "\(clipped) point\(clipped == 1 ? "" : "s") ≤ 0 on the log axis's edge")
        }
        for (i, note) in chart.notes.enumerated() {
            w.element(
                "text",
                [
                    ("class", "note"), ("x", SVGWriter.number(plotLeft)), ("y", SVGWriter.number(plotBottom + bottom + 4 + Double(i) * noteLine)),
                    ("font-size", "11"), ("fill", "#333333"),
                ], text: note)
        }
        w.close("g")
    }

    /// Stalls and other shaded ranges: a light red under the data, legible in greyscale as a band.
    static let shadeColor = "#CC3311", shadeOpacity = "0.16"
}
