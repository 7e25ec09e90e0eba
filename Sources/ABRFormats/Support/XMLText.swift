/// Text made safe for XML, SVG and HTML: the five predefined entities, so that names with `&`, `<`
/// or quotes keep manifests, figures and reports well formed.
public enum XMLText {
    /// `text` with `& < > " '` replaced by their entities; safe in element content and in
    /// single- or double-quoted attribute values.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
