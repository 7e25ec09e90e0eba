/// What a user may change of a figure from the command line: its size in pixels and its axes' scales.
public struct FigureOptions: Sendable, Equatable {
    /// Width of the document, pixels; `nil` keeps the figure's own.
    public var width: Double?
    /// Height of the whole document, pixels, shared equally by the panels; `nil` keeps the figure's own.
    public var height: Double?
    /// Every panel's x or y axis scale; `nil` keeps each panel's own choice.
    public var xScale: AxisKind?
    public var yScale: AxisKind?

    public init(width: Double? = nil, height: Double? = nil, xScale: AxisKind? = nil, yScale: AxisKind? = nil) {
        self.width = width
        self.height = height
        self.xScale = xScale
        self.yScale = yScale
    }

    /// A size the figure cannot be drawn at: the figure's smallest width or height, for the message.
    public struct SizeError: Error, Sendable, Equatable, CustomStringConvertible {
        public var dimension: String
        public var pixels: Double
        public var minimum: Double
        public var description: String {
            "--\(dimension) \(SVGWriter.number(pixels)): this figure needs at least \(SVGWriter.number(minimum)) pixels"
        }
    }
}

extension Figure {
    /// The smallest width this figure can be drawn at, pixels.
    public var minimumWidth: Double { left + right + Self.minimumPlotWidth }

    /// The smallest height this figure can be drawn at, pixels.
    public var minimumHeight: Double {
        var copy = self
        copy.panelHeight = Self.minimumPanelHeight
        return copy.height
    }

    /// The figure with `options` applied: the panels share the height left after titles, margins and notes.
    ///
    /// - Throws: ``FigureOptions/SizeError`` when a width or height leaves too little room to plot.
    public func applying(_ options: FigureOptions) throws(FigureOptions.SizeError) -> Figure {
        var figure = self
        if let width = options.width {
            guard width >= minimumWidth else { throw FigureOptions.SizeError(dimension: "width", pixels: width, minimum: minimumWidth) }
            figure.width = width
        }
        if let height = options.height {
            guard height >= minimumHeight, !charts.isEmpty else { throw FigureOptions.SizeError(dimension: "height", pixels: height, minimum: minimumHeight) }
            var empty = figure
            empty.panelHeight = 0
            figure.panelHeight = (height - empty.height) / Double(charts.count)
        }
        for i in figure.charts.indices {
            if let x = options.xScale { figure.charts[i].xScale = x }
            if let y = options.yScale { figure.charts[i].yScale = y }
        }
        return figure
    }
}
