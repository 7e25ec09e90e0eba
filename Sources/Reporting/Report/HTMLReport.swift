import ABRFormats

/// A self-contained HTML page of headings, text, tables and figures (SVG files beside it).
public struct HTMLReport: Sendable {
    /// One block of the page, in order.
    public enum Block: Sendable {
        case heading(String)
        case paragraph(String)
        /// A table: header cells, then rows; columns after the first `textColumns` are right-aligned numbers.
        case table(header: [String], rows: [[String]], textColumns: Int)
        /// A figure: the SVG's file name relative to the page, and a caption.
        case figure(file: String, caption: String)
        /// Preformatted text, e.g. a command line.
        case code(String)
    }

    public var title: String
    public var blocks: [Block] = []

    public init(title: String) { self.title = title }

    public mutating func append(_ block: Block) { blocks.append(block) }

    /// The page as HTML5.
    public var html: String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 1000px; margin: 2em auto; color: #222; line-height: 1.45; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.8em; border-bottom: 1px solid #ddd; }
            table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
            th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #e3e3e3; }
            th { background: #f4f4f4; text-align: left; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 1em 0; } figure img { max-width: 100%; border: 1px solid #eee; }
            figcaption { font-size: 0.9em; color: #555; }
            pre { background: #f6f6f6; padding: 0.6em; overflow-x: auto; }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>

            """
        for block in blocks {
            switch block {
            case .heading(let text):
                out += "<h2>\(escape(text))</h2>\n"
            case .paragraph(let text):
                out += "<p>\(escape(text))</p>\n"
            case .code(let text):
                out += "<pre>\(escape(text))</pre>\n"
            case .figure(let file, let caption):
                out += "<figure><img src=\"\(escape(file))\" alt=\"\(escape(caption))\"><figcaption>\(escape(caption))</figcaption></figure>\n"
            case .table(let header, let rows, let textColumns):
                out += "<table>\n<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
                for row in rows {
                    out +=
                        "<tr>"
                        + row.enumerated().map { c, cell in
                            c < textColumns ? "<td>\(escape(cell))</td>" : "<td class=\"num\">\(escape(cell))</td>"
                        }.joined() + "</tr>\n"
                }
                out += "</table>\n"
            }
        }
        return out + "</body>\n</html>\n"
    }

    private func escape(_ text: String) -> String { SVGWriter.escape(text) }
}

extension HTMLReport.Block {
    /// The same table a terminal shows, as HTML.
    public static func table(_ table: TextTable) -> HTMLReport.Block {
        .table(header: table.header, rows: table.rows, textColumns: table.textColumns)
    }
}
