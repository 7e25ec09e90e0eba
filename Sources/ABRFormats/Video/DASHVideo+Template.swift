extension DASHVideo {
    /// Widest `%0Nd` accepted: 20 digits hold any 64-bit number; a wider one is a typo or an attack on memory.
    static let maximumTemplateWidth = 20

    /// A `SegmentTemplate@media` with its identifiers replaced (ISO/IEC 23009-1 §5.3.9.4.4):
    /// `$RepresentationID$`, `$Number$`, `$Time$`, `$Bandwidth$`, each number optionally as
    /// `$Number%05d$` (zero-padded to 5 digits), and `$$` for a dollar sign.
    ///
    /// - Throws: `.malformedRecord` naming `path`, `line` and the template for an unknown
    ///   identifier, a bad width, or an unpaired `$`.
    static func expand(
        _ template: String, representationID: String, number: Int, time: Int, bandwidth: String, path: String, line: Int
    ) throws(FormatError) -> String {
        let parts = template.split(separator: "$", omittingEmptySubsequences: false)
        func failure(_ problem: String) -> FormatError {
            FormatError(
                .malformedRecord, path: path, line: line, value: template, problem: "media template \"\(template)\": \(problem)",
                expected: "$RepresentationID$, $Number$, $Time$, $Bandwidth$ (numbers optionally as $Number%05d$) or $$")
        }
        guard parts.count % 2 == 1 else { throw failure("a $ is not closed") }
        var result = ""
        for (i, part) in parts.enumerated() {
            guard i % 2 == 1 else {
                result += part
                continue
            }
            if part.isEmpty {
                result += "$"
                continue
            }
            let pieces = part.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false)
            let value: String
            switch pieces[0] {
            case "RepresentationID":
                guard pieces.count == 1 else { throw failure("$RepresentationID$ takes no format") }
                result += representationID
                continue
            case "Number": value = String(number)
            case "Time": value = String(time)
            case "Bandwidth": value = bandwidth
            default: throw failure("unknown identifier $\(part)$")
            }
            guard pieces.count == 2 else {
                result += value
                continue
            }
            let format = pieces[1]
            guard format.hasSuffix("d"), let width = format.dropLast().isEmpty ? 1 : Int(format.dropLast()), width >= 0,
                width <= maximumTemplateWidth
            else { throw failure("format %\(format) is not %0Nd with N ≤ \(maximumTemplateWidth)") }
            result += String(repeating: "0", count: max(0, width - value.count)) + value
        }
        return result
    }
}
