/// The glyph drawn at a series' points: nine shapes that stay distinct at 8 pixels and in
/// greyscale (filled, open, and line-only).
enum MarkerShape: String, CaseIterable, Sendable {
    case circle, square, triangleUp, diamond, triangleDown, plus, cross, openCircle, openSquare

    /// Half the width of a marker, pixels.
    static let radius = 4.0

    /// Whether the shape is a stroked outline (plus, cross, open shapes) rather than a filled one.
    var isOutline: Bool { [.plus, .cross, .openCircle, .openSquare].contains(self) }

    /// The shape centred on (x, y) as SVG path data.
    func path(x: Double, y: Double, radius r: Double = radius) -> String {
        let n = SVGWriter.number
        switch self {
        case .circle, .openCircle:
            return "M\(n(x - r)),\(n(y))a\(n(r)),\(n(r)) 0 1,0 \(n(2 * r)),0a\(n(r)),\(n(r)) 0 1,0 \(n(-2 * r)),0Z"
        case .square, .openSquare:
            let s = r * 0.9
            return "M\(n(x - s)),\(n(y - s))h\(n(2 * s))v\(n(2 * s))h\(n(-2 * s))Z"
        case .triangleUp:
            return "M\(n(x)),\(n(y - r * 1.15))L\(n(x + r)),\(n(y + r * 0.75))L\(n(x - r)),\(n(y + r * 0.75))Z"
        case .triangleDown:
            return "M\(n(x)),\(n(y + r * 1.15))L\(n(x + r)),\(n(y - r * 0.75))L\(n(x - r)),\(n(y - r * 0.75))Z"
        case .diamond:
            return "M\(n(x)),\(n(y - r * 1.3))L\(n(x + r)),\(n(y))L\(n(x)),\(n(y + r * 1.3))L\(n(x - r)),\(n(y))Z"
        case .plus:
            return "M\(n(x - r * 1.2)),\(n(y))H\(n(x + r * 1.2))M\(n(x)),\(n(y - r * 1.2))V\(n(y + r * 1.2))"
        case .cross:
            return "M\(n(x - r)),\(n(y - r))L\(n(x + r)),\(n(y + r))M\(n(x - r)),\(n(y + r))L\(n(x + r)),\(n(y - r))"
        }
    }

    /// The marker as a `path` element's attributes in `color`.
    func attributes(x: Double, y: Double, color: String) -> [(String, String)] {
        [("class", "marker"), ("d", path(x: x, y: y))]
            + (isOutline
                ? [("fill", self == .plus || self == .cross ? "none" : "white"), ("stroke", color), ("stroke-width", "1.6")]
                : [("fill", color)])
    }
}
