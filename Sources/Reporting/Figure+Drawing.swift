extension Figure {
    /// Markers along a line or step series: enough to identify it in greyscale, few enough not to hide the data.
    static let markersPerLine = 5

    /// Grid, ticks, frame, axis labels and the optional top axis of one panel.
    func drawAxes(_ chart: Chart, x: AxisScale, y: AxisScale, into w: inout SVGWriter, plotTop: Double, plotBottom: Double) {
        let n = SVGWriter.number
        let grid = "#e5e5e5", ink = "#333333"
        for t in y.ticks() {
            let py = y.pixel(t)
            w.element("line", [("x1", n(x.pixelLower)), ("x2", n(x.pixelUpper)), ("y1", n(py)), ("y2", n(py)), ("stroke", grid)])
            w.element(
                "text",
                [
                    ("class", "y-tick"), ("data-value", n(t)), ("x", n(x.pixelLower - 6)), ("y", n(py + 4)), ("font-size", "11"), ("text-anchor", "end"),
                    ("fill", ink),
                ],
                text: y.label(t))
        }
        for t in x.ticks(target: 8) {
            let px = x.pixel(t)
            w.element("line", [("x1", n(px)), ("x2", n(px)), ("y1", n(plotTop)), ("y2", n(plotBottom)), ("stroke", grid)])
            w.element(
                "text",
                [
                    ("class", "x-tick"), ("data-value", n(t)), ("x", n(px)), ("y", n(plotBottom + 16)), ("font-size", "11"), ("text-anchor", "middle"),
                    ("fill", ink),
                ],
                text: x.label(t, target: 8))
        }
        w.element(
            "rect",
            [
                ("class", "frame"), ("x", n(x.pixelLower)), ("y", n(plotTop)), ("width", n(x.pixelUpper - x.pixelLower)), ("height", n(plotBottom - plotTop)),
                ("fill", "none"), ("stroke", ink),
            ])
        w.element(
            "text",
            [
                ("class", "x-label"), ("x", n((x.pixelLower + x.pixelUpper) / 2)), ("y", n(plotBottom + 38)), ("font-size", "12"),
                ("text-anchor", "middle"), ("fill", ink),
            ], text: chart.xLabel + (x.kind == .log ? ", log scale" : ""))
        let midY = (plotTop + plotBottom) / 2
        w.element(
            "text",
            [
                ("class", "y-label"), ("x", n(x.pixelLower - 52)), ("y", n(midY)), ("font-size", "12"), ("text-anchor", "middle"), ("fill", ink),
                ("transform", "rotate(-90 \(n(x.pixelLower - 52)) \(n(midY)))"),
            ], text: chart.yLabel + (y.kind == .log ? ", log scale" : ""))
        if let top = chart.topAxis {
            let topX = AxisScale(
                covering: [x.lower * top.scale, x.upper * top.scale], pixels: (x.pixelLower, x.pixelUpper), targetTicks: 6, kind: x.kind)
            for t in topX.ticks(target: 6) {
                let px = x.pixel(t / top.scale)
                guard px >= x.pixelLower - 0.5, px <= x.pixelUpper + 0.5 else { continue }
                w.element("line", [("x1", n(px)), ("x2", n(px)), ("y1", n(plotTop - 4)), ("y2", n(plotTop)), ("stroke", ink)])
                w.element(
                    "text", [("class", "top-tick"), ("x", n(px)), ("y", n(plotTop - 7)), ("font-size", "11"), ("text-anchor", "middle"), ("fill", ink)],
                    text: topX.label(t, target: 6))
            }
            w.element(
                "text", [("class", "top-label"), ("x", n(x.pixelUpper)), ("y", n(plotTop - 22)), ("font-size", "12"), ("text-anchor", "end"), ("fill", ink)],
                text: top.label)
        }
    }

    /// One series: its line (dashed per its style), its markers, and its point labels, placed
    /// inside the plot area so that they never run into the axes or the legend.
    ///
    /// - Parameter offset: where along the line (0…1 of a marker interval) this series' sparse
    ///   markers start, different per series so that overlapping curves show all their markers.
    func drawSeries(_ series: Chart.Series, style: SeriesStyle, offset: Double, x: AxisScale, y: AxisScale, into w: inout SVGWriter) {
        var pts: [(Double, Double)] = []
        for (i, p) in series.points.enumerated() {
            if series.style == .step, i > 0 { pts.append((x.pixel(p.x), y.pixel(series.points[i - 1].y))) }
            pts.append((x.pixel(p.x), y.pixel(p.y)))
        }
        w.open(
            "g",
            [
                ("class", "series"), ("data-name", series.name), ("data-color", style.color), ("data-marker", style.marker.rawValue),
                ("data-dash", style.dash ?? "solid"),
            ])
        if series.style != .markers, pts.count > 1 {
            var attributes = [
                ("points", SVGWriter.points(pts)), ("fill", "none"), ("stroke", style.color), ("stroke-width", "1.8"), ("stroke-linejoin", "round"),
            ]
            if let dash = style.dash { attributes.append(("stroke-dasharray", dash)) }
            w.element("polyline", attributes)
        }
        let markerPoints: [(Double, Double)]
        switch series.style {
        case .markers, .lineAndMarkers: markerPoints = series.points.map { (x.pixel($0.x), y.pixel($0.y)) }
        case .line, .step: markerPoints = Self.along(pts, count: Self.markersPerLine, offset: offset)
        }
        for (px, py) in markerPoints { w.element("path", style.marker.attributes(x: px, y: py, color: style.color)) }
        if let labels = series.labels {
            for (i, p) in series.points.enumerated() where i < labels.count {
                drawLabel(labels[i], at: (x.pixel(p.x), y.pixel(p.y)), plot: (x.pixelLower, x.pixelUpper, y.pixelUpper, y.pixelLower), into: &w)
            }
        }
        w.close("g")
    }

    /// Font size of point labels, and the average glyph width as a share of it (DejaVu Sans and
    /// Helvetica digits and lower case average about 0.6 em), used to keep labels inside the plot.
    static let labelFontSize = 10.0, glyphWidth = 0.6

    /// The estimated width of a point label, pixels.
    static func labelWidth(_ text: String) -> Double { Double(text.count) * labelFontSize * glyphWidth }

    /// A point's label: above right of the point, flipped to the left near the right edge and
    /// below near the top, so that it stays within the plot area.
    private func drawLabel(_ text: String, at p: (Double, Double), plot: (left: Double, right: Double, top: Double, bottom: Double), into w: inout SVGWriter) {
        let n = SVGWriter.number
        let gap = 6.0, width = Self.labelWidth(text)
        let toLeft = p.0 + gap + width > plot.right
        let lx = toLeft ? max(p.0 - gap, plot.left + width) : max(p.0 + gap, plot.left)
        let above = p.1 - gap
        let ly = above - Self.labelFontSize < plot.top ? min(p.1 + gap + Self.labelFontSize, plot.bottom - 2) : above
        w.element(
            "text",
            [
                ("class", "point-label"), ("x", n(lx)), ("y", n(ly)), ("font-size", n(Self.labelFontSize)), ("text-anchor", toLeft ? "end" : "start"),
                ("fill", "#333333"),
            ], text: text)
    }

    /// `count` points spaced evenly along the polyline `pts` by length, the first at `offset` of an interval.
    static func along(_ pts: [(Double, Double)], count: Int, offset: Double) -> [(Double, Double)] {
        guard let first = pts.first else { return [] }
        var cumulative = [0.0]
        for i in 1..<max(pts.count, 1) {
            let dx = pts[i].0 - pts[i - 1].0, dy = pts[i].1 - pts[i - 1].1
            cumulative.append(cumulative[i - 1] + (dx * dx + dy * dy).squareRoot())
        }
        let total = cumulative.last ?? 0
        guard total > 0 else { return [first] }
        var result: [(Double, Double)] = []
        var segment = 1
        for j in 0..<count {
            let target = total * (Double(j) + offset) / Double(count)
            while segment < pts.count - 1, cumulative[segment] < target { segment += 1 }
            let a = pts[segment - 1], b = pts[segment]
            let length = cumulative[segment] - cumulative[segment - 1]
            let t = length > 0 ? (target - cumulative[segment - 1]) / length : 0
            result.append((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t))
        }
        return result
    }

    /// One legend for the figure, in the right margin: a line sample with its dash and marker per
    /// series, then the shading when any panel has it.
    func drawLegend(names: [String], into w: inout SVGWriter, x: Double, y: Double) {
        let n = SVGWriter.number
        let rowHeight = 18.0
        let shaded = charts.first { !$0.shaded.isEmpty }
        let rows = Double(names.count + (shaded == nil ? 0 : 1))
        let boxWidth = right - 24
        w.open("g", [("class", "legend")])
        w.element(
            "rect",
            [
                ("class", "legend-box"), ("x", n(x - 6)), ("y", n(y - 12)), ("width", n(boxWidth)), ("height", n(rows * rowHeight + 8)), ("fill", "white"),
                ("stroke", "#cccccc"),
            ])
        for (k, name) in names.enumerated() {
            let style = SeriesStyle.at(k), ry = y + Double(k) * rowHeight
            w.open("g", [("class", "legend-entry"), ("data-name", name), ("data-marker", style.marker.rawValue), ("data-dash", style.dash ?? "solid")])
            var line = [("x1", n(x)), ("x2", n(x + 28)), ("y1", n(ry - 4)), ("y2", n(ry - 4)), ("stroke", style.color), ("stroke-width", "1.8")]
            if let dash = style.dash { line.append(("stroke-dasharray", dash)) }
            w.element("line", line)
            w.element("path", style.marker.attributes(x: x + 14, y: ry - 4, color: style.color))
            w.element("text", [("x", n(x + 34)), ("y", n(ry)), ("font-size", "11")], text: name)
            w.close("g")
        }
        if let shaded {
            let ry = y + Double(names.count) * rowHeight
            w.element(
                "rect", [("x", n(x)), ("y", n(ry - 10)), ("width", "28"), ("height", "12"), ("fill", Self.shadeColor), ("fill-opacity", Self.shadeOpacity)])
            w.element("text", [("x", n(x + 34)), ("y", n(ry)), ("font-size", "11")], text: shaded.shadedName)
        }
        w.close("g")
    }
}
