/// One panel of a figure: axes with labels and units, series, optional shaded x-ranges, a legend.
public struct Chart: Sendable {
    /// How a series is drawn.
    public enum Style: Sendable {
        /// Straight segments between points.
        case line
        /// Horizontal until the next point (piecewise-constant data: bitrates, bandwidth, CDFs).
        case step
        /// Markers only, labelled by `labels` when given.
        case markers
        /// Line and markers.
        case lineAndMarkers
    }

    /// A named sequence of (x, y) points.
    public struct Series: Sendable {
        public var name: String
        public var points: [(x: Double, y: Double)]
        public var style: Style
        /// One text label per point (for `markers` styles), e.g. rung names.
        public var labels: [String]?

        public init(name: String, points: [(x: Double, y: Double)], style: Style = .line, labels: [String]? = nil) {
            self.name = name
            self.points = points
            self.style = style
            self.labels = labels
        }
    }

    /// A second x-axis along the top: a linear transform of the bottom axis, in other units.
    public struct SecondaryAxis: Sendable {
        public var label: String
        /// Bottom-axis value → top-axis value.
        public var scale: Double

        public init(label: String, scale: Double) {
            self.label = label
            self.scale = scale
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    /// X ranges to shade (e.g. stalls), with the legend name of the shading.
    public var shaded: [(from: Double, to: Double)]
    public var shadedName: String
    public var includeZeroY: Bool
    public var topAxis: SecondaryAxis?
    /// Fixed x bounds, or `nil` to fit the data.
    public var xBounds: (Double, Double)?
    /// How the x and y axes spread values; a log axis draws values ≤ 0 on its lower edge.
    public var xScale: AxisKind
    public var yScale: AxisKind
    /// Lines of text under the panel, e.g. what a log axis could not show.
    public var notes: [String]

    public init(
        title: String, xLabel: String, yLabel: String, series: [Series], shaded: [(from: Double, to: Double)] = [],
        shadedName: String = "stall", includeZeroY: Bool = true, topAxis: SecondaryAxis? = nil, xBounds: (Double, Double)? = nil,
        xScale: AxisKind = .linear, yScale: AxisKind = .linear, notes: [String] = []
    ) {
        self.xScale = xScale
        self.yScale = yScale
        self.notes = notes
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.shaded = shaded
        self.shadedName = shadedName
        self.includeZeroY = includeZeroY
        self.topAxis = topAxis
        self.xBounds = xBounds
    }
}
