import ABRFormats

/// A self-contained HTML page of headings, text, sortable tables, inline SVG figures and links.
///
/// The page needs nothing but itself: figures are inlined, the sorting script is a few lines of
/// vanilla JavaScript, and nothing is fetched from the network. It is also well-formed XML
/// (polyglot HTML5), so that tests read it with an XML parser.
public struct HTMLReport: Sendable {
    /// One block of the page, in order.
    public enum Block: Sendable {
        case heading(String)
        case paragraph(String)
        /// A table: header cells, then rows; columns after the first `textColumns` are right-aligned
        /// numbers. Every column sorts on a click on its header.
        case table(header: [String], rows: [[String]], textColumns: Int)
        /// A figure: the SVG document, inlined, and a caption.
        case figure(svg: String, caption: String)
        /// Preformatted text, e.g. a command line.
        case code(String)
        /// Links to files: relative hrefs and what each holds.
        case links([Link])
    }

    /// A link to a file beside the page.
    public struct Link: Sendable, Equatable {
        public var href: String
        public var text: String
        public var note: String

        public init(href: String, text: String? = nil, note: String = "") {
            self.href = href
            self.text = text ?? href
            self.note = note
        }
    }

    public var title: String
    public var blocks: [Block] = []

    public init(title: String) { self.title = title }

    public mutating func append(_ block: Block) { blocks.append(block) }

    /// The page as HTML5.
    public var html: String {
        var out = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <title>\(escape(title))</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>

            """
        var tableIndex = 0
        for block in blocks {
            switch block {
            case .heading(let text):
                out += "<h2>\(escape(text))</h2>\n"
            case .paragraph(let text):
                out += "<p>\(escape(text))</p>\n"
            case .code(let text):
                out += "<pre>\(escape(text))</pre>\n"
            case .figure(let svg, let caption):
                out += "<figure>\n\(Self.inlined(svg))<figcaption>\(escape(caption))</figcaption></figure>\n"
            case .links(let links):
                out += "<ul class=\"files\">\n"
                for link in links {
                    out += "<li><a href=\"\(escape(link.href))\">\(escape(link.text))</a>" + (link.note.isEmpty ? "" : ": \(escape(link.note))") + "</li>\n"
                }
                out += "</ul>\n"
            case .table(let header, let rows, let textColumns):
                out += table(header: header, rows: rows, textColumns: textColumns, index: tableIndex)
                tableIndex += 1
            }
        }
        return out + "<script>//<![CDATA[\n" + Self.sortScript + "//]]></script>\n</body>\n</html>\n"
    }

    private func table(header: [String], rows: [[String]], textColumns: Int, index: Int) -> String {
        var out = "<table class=\"sortable\" id=\"table-\(index)\">\n<thead><tr>"
        out += header.enumerated().map { c, cell in
            "<th scope=\"col\" class=\"\(c < textColumns ? "text" : "num")\" aria-sort=\"none\" title=\"sort by \(escape(cell))\">\(escape(cell))</th>"
        }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out +=
                "<tr>"
                + row.enumerated().map { c, cell in
                    c < textColumns ? "<td>\(escape(cell))</td>" : "<td class=\"num\">\(escape(cell))</td>"
                }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// An SVG document as an element of the page: the XML declaration dropped.
    static func inlined(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.range(of: "?>\n") else { return svg }
        return String(svg[end.upperBound...])
    }

    private func escape(_ text: String) -> String { SVGWriter.escape(text) }

    static let style = """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 1000px; margin: 2em auto; color: #222; line-height: 1.45; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.8em; border-bottom: 1px solid #ddd; }
        table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
        th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #e3e3e3; }
        th { background: #f4f4f4; text-align: left; cursor: pointer; user-select: none; white-space: nowrap; }
        th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
        th[aria-sort="ascending"]::after { content: " \\25B2"; } th[aria-sort="descending"]::after { content: " \\25BC"; }
        figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: 0.9em; color: #555; }
        pre { background: #f6f6f6; padding: 0.6em; overflow-x: auto; }
        """
}

extension HTMLReport.Block {
    /// The same table a terminal shows, as HTML.
    public static func table(_ table: TextTable) -> HTMLReport.Block {
        .table(header: table.header, rows: table.rows, textColumns: table.textColumns)
    }
}
