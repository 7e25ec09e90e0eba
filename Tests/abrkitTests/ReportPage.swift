import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// report.html read back with XMLParser (the page is polyglot HTML5, well-formed XML): its tables
/// cell by cell, its links, and which elements it holds.
final class ReportPage: NSObject, XMLParserDelegate {
    struct Table {
        var header: [String] = []
        var rows: [[String]] = []
        var sortable = false
    }

    private(set) var tables: [Table] = []
    private(set) var links: [String] = []
    private(set) var elementCounts: [String: Int] = [:]
    private var cell: String?
    private var inHead = false

    static func parse(_ data: Data) throws -> ReportPage {
        let page = ReportPage()
        let parser = XMLParser(data: data)
        parser.delegate = page
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return page
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        elementCounts[name, default: 0] += 1
        switch name {
        case "table": tables.append(Table(sortable: attributes["class"] == "sortable"))
        case "thead": inHead = true
        case "tr" where !inHead: tables[tables.count - 1].rows.append([])
        case "th", "td": cell = ""
        case "a": if let href = attributes["href"] { links.append(href) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { cell? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "thead": inHead = false
        case "th":
            tables[tables.count - 1].header.append(cell ?? "")
            cell = nil
        case "td":
            tables[tables.count - 1].rows[tables[tables.count - 1].rows.count - 1].append(cell ?? "")
            cell = nil
        default: break
        }
    }
}
