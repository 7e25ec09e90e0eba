import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element with the line it starts on: the small tree the DASH MPD reader walks.
///
/// Names are local names (a namespace prefix such as `mpd:` is dropped), since MPDs in the wild
/// use the DASH namespace both as the default and under a prefix. Text content is not kept: an MPD
/// says what abrkit needs in attributes, except `BaseURL`, whose text is kept in `text`.
struct XMLTree: Sendable {
    var name: String
    var attributes: [String: String]
    /// The 1-based line the element's start tag ends on, as the parser reports it.
    var line: Int
    var children: [XMLTree]
    /// The element's character content, trimmed of surrounding white space.
    var text: String

    /// The children named `name`, in document order.
    func children(named name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// The first child named `name`.
    func child(named name: String) -> XMLTree? { children.first { $0.name == name } }

    /// Parses a whole document. External entities and DTDs are not resolved, so a file cannot make
    /// the parser read other files or the network.
    ///
    /// - Throws: `.malformedRecord` naming `path`, the line and column where the parser stopped, and its reason.
    static func parse(_ data: Data, path: String) throws(FormatError) -> XMLTree {
        // Foundation's XMLParser traps (rather than failing) on an element or attribute name that
        // is not UTF-8 (swift-corelibs-foundation 6.3.1, found by DASHManifestFuzzer), so the bytes
        // are checked first.
        if let line = firstLineNotUTF8(data) {
            throw FormatError(.unreadable, path: path, line: line, problem: "is not UTF-8 text", expected: "an MPD in UTF-8")
        }
        let parser = XMLParser(data: withoutProcessingInstructions(data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let builder = Builder()
        parser.delegate = builder
        let parsed = parser.parse()
        guard parsed, builder.failure == nil, let root = builder.root else {
            let line = builder.failure?.line ?? parser.lineNumber
            let reason = builder.failure?.reason ?? Self.reason(parser.parserError)
            throw FormatError(
                .malformedRecord, path: path, line: max(line, 1), value: nil,
                problem: "not well-formed XML at column \(parser.columnNumber): \(reason)", expected: "a well-formed XML document (a DASH MPD)")
        }
        return root
    }

    /// `data` with every processing instruction but the XML declaration blanked out (spaces, line
    /// breaks kept so lines still count). Foundation's XMLParser crashes on one without data
    /// (`<?target?>`, a strlen of NULL; found by DASHManifestFuzzer), and an MPD has no use for them.
    /// Comments and CDATA sections are skipped over, so a `<?` inside them stays as it is.
    static func withoutProcessingInstructions(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        func starts(_ text: String, at i: Int) -> Bool {
            let t = Array(text.utf8)
            return i + t.count <= bytes.count && Array(bytes[i..<i + t.count]) == t
        }
        func end(of terminator: String, from i: Int) -> Int? {
            var j = i
            while j < bytes.count {
                if starts(terminator, at: j) { return j + terminator.utf8.count }
                j += 1
            }
            return nil
        }
        var i = 0
        while i < bytes.count {
            if starts("<!--", at: i) {
                i = end(of: "-->", from: i + 4) ?? bytes.count
            } else if starts("<![CDATA[", at: i) {
                i = end(of: "]]>", from: i + 9) ?? bytes.count
            } else if starts("<?", at: i) {
                guard let close = end(of: "?>", from: i + 2) else { break }
                // The declaration is `<?xml ` at the very start (after a byte-order mark, if any).
                let atStart = i == 0 || (i == 3 && bytes.starts(with: [0xEF, 0xBB, 0xBF]))
                let isDeclaration = atStart && starts("<?xml", at: i) && i + 5 < bytes.count && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i + 5])
                if !isDeclaration {
                    for j in i..<close where bytes[j] != UInt8(ascii: "\n") { bytes[j] = UInt8(ascii: " ") }
                }
                i = close
            } else {
                i += 1
            }
        }
        return Data(bytes)
    }

    /// The 1-based line of the first byte sequence that is not UTF-8; nil when all of it is.
    static func firstLineNotUTF8(_ data: Data) -> Int? {
        var decoder = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var line = 1
        while true {
            switch decoder.parseScalar(from: &bytes) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }

    /// libxml2's reason when Foundation passes it on, else the parser's error code.
    private static func reason(_ error: (any Error)?) -> String {
        guard let error = error as NSError? else { return "the document ends early or has no root element" }
        let text = error.localizedDescription
        return text.contains("could not be completed") ? "XMLParser error \(error.code)" : text
    }

    /// Collects elements as the parser reports them.
    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?
        var failure: (line: Int, reason: String)?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            stack.append(XMLTree(name: local, attributes: attributes, line: parser.lineNumber, children: [], text: ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard var element = stack.popLast() else { return }
            element.text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if failure == nil { failure = (parser.lineNumber, XMLTree.reason(parseError)) }
        }
    }
}
