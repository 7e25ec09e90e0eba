import Foundation

/// ISO 8601 durations as DASH writes them (`PT1H2M3.5S`, `P1DT2H`): `xs:duration` in an MPD's
/// `mediaPresentationDuration`, `Period@start` and `Period@duration`.
enum ISODuration {
    /// Seconds in `text`, or `nil` when it is not a duration abrkit can convert exactly.
    ///
    /// Days count 86 400 s. Years and months are refused: their length depends on the calendar
    /// (ISO 8601 §4.4.3.2), and no media presentation spans one. A leading `-` is refused too.
    static func seconds(_ text: String) -> Double? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard rest.hasPrefix("P") else { return nil }
        rest = rest.dropFirst()
        var total = 0.0, inTime = false, sawField = false
        var number = ""
        for character in rest {
            switch character {
            case "T":
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
            case "0"..."9", ".":
                number.append(character)
            case "D", "H", "M", "S":
                guard let value = Double(number), value.isFinite else { return nil }
                let unit: Double
                switch (character, inTime) {
                case ("D", false): unit = 86_400
                case ("H", true): unit = 3_600
                case ("M", true): unit = 60
                case ("S", true): unit = 1
                default: return nil
                }
                total += value * unit
                number = ""
                sawField = true
            default:
                return nil
            }
        }
        return sawField && number.isEmpty ? total : nil
    }
}
