/// A tiny writer for indented XML, one element per line, attributes in the order given.
///
/// Enough for an MPD; attribute values are escaped, so ids and languages from user input are safe.
struct XMLLines {
    private var lines: [String] = []
    private var depth = 0
    /// Spaces per nesting level.
    static let indentWidth = 2

    /// The document, newline-terminated.
    var text: String { lines.joined(separator: "\n") + "\n" }

    /// Appends a line as is (the XML declaration).
    mutating func raw(_ line: String) { lines.append(line) }

    mutating func open(_ name: String, _ attributes: [(String, String)]) {
        lines.append(indent + "<" + name + Self.render(attributes) + ">")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        lines.append(indent + "</" + name + ">")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        lines.append(indent + "<" + name + Self.render(attributes) + "/>")
    }

    private var indent: String { String(repeating: " ", count: depth * Self.indentWidth) }

    private static func render(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(XMLText.escaped($0.1))\"" }.joined()
    }
}
