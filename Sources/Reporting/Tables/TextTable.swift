/// A plain-text table for terminals: columns padded to their widest cell, text left-aligned and
/// numbers right-aligned.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]] = []
    /// How many leading columns are text (left-aligned); the rest are numbers.
    public var textColumns: Int

    public init(header: [String], textColumns: Int = 1) {
        self.header = header
        self.textColumns = textColumns
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a row needs \(header.count) cells")
        rows.append(row)
    }

    /// The table, one line per row, each ending in a newline.
    public var rendered: String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { cells in
            cells.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c < textColumns ? cell + pad : pad + cell
            }.joined(separator: "  ").trailingSpacesRemoved + "\n"
        }.joined()
    }
}

extension String {
    fileprivate var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
