import ArgumentParser
import Reporting

/// Where and how `abrkit plot` writes a figure: file, format, size in pixels, axis scales.
struct FigureOutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Output file; its extension (.svg, .png, .pdf) picks the format unless --format does (default: the figure's name, e.g. timeline.svg).",
            valueName: "file"))
    var out: String?

    @Option(
        help: ArgumentHelp(
            "svg (and a .png beside it when rsvg-convert is installed), png or pdf (converted by rsvg-convert, package librsvg2-bin).",
            valueName: "format"))
    var format: FigureFile.Format?

    @Option(parsing: .unconditional, help: ArgumentHelp("Width of the figure in pixels (default: \(Int(Figure.defaultWidth))).", valueName: "px"))
    var width: Double?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Height of the whole figure in pixels, shared by its panels (default: each figure's own).", valueName: "px")
    )
    var height: Double?

    @Option(
        help: ArgumentHelp("Scale of every panel's x axis: linear or log (default: each panel's own; values ≤ 0 sit on a log axis's edge).", valueName: "scale")
    )
    var xScale: AxisKind?

    @Option(help: ArgumentHelp("Scale of every panel's y axis: linear or log.", valueName: "scale"))
    var yScale: AxisKind?

    func validate() throws {
        for (name, value) in [("--width", width), ("--height", height)] {
            if let value, !(value > 0 && value.isFinite) { throw ValidationError("\(name) \(value): expected a positive number of pixels") }
        }
        if let out, let format, let named = FigureFile.Format(path: out), named != format {
            throw ValidationError("--out \(out) names a .\(named.rawValue) file but --format is \(format.rawValue)")
        }
        if let out, format == nil, FigureFile.Format(path: out) == nil {
            throw ValidationError("--out \(out): expected a .svg, .png or .pdf file, or --format")
        }
    }

    /// Writes `figure` with the size and scales asked for, and says where on stderr.
    func write(_ figure: Figure, defaultName: String) throws {
        let chosen = format ?? out.flatMap { FigureFile.Format(path: $0) } ?? .svg
        let path = out ?? "\(defaultName).\(chosen.rawValue)"
        let sized: Figure
        do { sized = try figure.applying(FigureOptions(width: width, height: height, xScale: xScale, yScale: yScale)) } catch {
            throw CLIError(error.description)
        }
        let written: [String]
        do { written = try FigureFile.write(sized, to: path, format: chosen) } catch let error as FigureFile.WriteError { throw CLIError(error.description) }
        PlotCommand.report(written)
    }
}

// Figure choices parse from their raw values on the command line.
extension AxisKind: ExpressibleByArgument {}
extension FigureFile.Format: ExpressibleByArgument {}
