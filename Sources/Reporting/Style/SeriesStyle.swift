/// How one series is told apart from the others: colour, marker shape and dash pattern together,
/// so that a figure stays readable in greyscale print and for colour-vision deficiencies.
///
/// Styles are assigned by a series' position among the distinct series names of a figure, so a
/// policy looks the same in every panel and the figure needs one legend.
struct SeriesStyle: Equatable, Sendable {
    var color: String
    var marker: MarkerShape
    /// An SVG `stroke-dasharray`, or `nil` for a solid line.
    var dash: String?

    /// Paul Tol's "muted" qualitative scheme: nine colours distinct for common colour-vision
    /// deficiencies and legible on white (P. Tol, "Colour Schemes", SRON technical note
    /// SRON/EPS/TN/09-002, issue 3.2, 2021, https://personal.sron.nl/~pault/). Nine, for the
    /// nine built-in policies; a tenth series repeats a colour with a new marker and dash.
    static let palette = ["#332288", "#CC6677", "#117733", "#DDCC77", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499"]

    /// Dash patterns in pixels, solid first; as many as there are colours and markers.
    static let dashes: [String?] = [nil, "7 3", "2 2", "9 3 2 3", "4 4", "12 3 3 3", "1 3", "9 2 2 2 2 2", "5 2 1 2"]

    /// The style of the `index`th distinct series of a figure: colour, marker and dash all cycle
    /// with period 9, the marker and dash lists being offset so that the tenth and later series
    /// still differ from every earlier one in at least one of the three.
    static func at(_ index: Int) -> SeriesStyle {
        let markers = MarkerShape.allCases
        let cycle = index / palette.count
        return SeriesStyle(
            color: palette[index % palette.count], marker: markers[(index + cycle) % markers.count], dash: dashes[(index + 2 * cycle) % dashes.count])
    }
}
