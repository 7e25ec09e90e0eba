import ABRFormats

/// Builds SVG markup element by element, escaping text and formatting numbers compactly.
struct SVGWriter {
    private(set) var body = ""

    mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        body += "<" + name
        for (key, value) in attributes { body += " \(key)=\"\(Self.escape(value))\"" }
        if let text {
            body += ">" + Self.escape(text) + "</\(name)>\n"
        } else {
            body += "/>\n"
        }
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        body += "<" + name
        for (key, value) in attributes { body += " \(key)=\"\(Self.escape(value))\"" }
        body += ">\n"
    }

    mutating func close(_ name: String) { body += "</\(name)>\n" }

    /// A complete document of the given size.
    func document(width: Double, height: Double, title: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" "
            + "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
            + "<title>\(Self.escape(title))</title>\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
            + body + "</svg>\n"
    }

    static func escape(_ text: String) -> String { XMLText.escaped(text) }

    /// Coordinates to two decimals, without trailing zeros, locale-free.
    static func number(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        if r == r.rounded(), abs(r) < 1e15 { return String(Int(r)) }
        var s = String(r)
        if s.contains("e") { s = String(Int(r)) }
        return s
    }

    /// A polyline's points attribute.
    static func points(_ pts: [(Double, Double)]) -> String {
        pts.map { number($0.0) + "," + number($0.1) }.joined(separator: " ")
    }
}
