import ABRFormats
import ABRSimulator
import FuzzSupport

/// A shard's result folder as `abrkit merge` reads it: `run.json` (``RunManifest/read(folder:)``),
/// then `sessions.csv` and `segments.csv` (``CSVRecordReader``, ``ResultsCSV/SummaryColumns``)
/// through ``ShardMerge/merge(_:into:)`` into a scratch result set.
///
/// Each input is a `FileBundle` (the text before the first `@@ NAME` line is `run.json`) unpacked
/// into one reused scratch folder; the merged set goes to a second one and is removed.
let scratch = ScratchFolder("result-set")
let output = ScratchFolder("result-set-merged")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    _ = scratch.replaceContents(with: FileBundle(input.bytes, firstName: "run.json"))
    _ = ParseOutcome.value { () throws(FormatError) in
        try ShardMerge.merge(try ShardMerge.parts([scratch.path]), into: output.path + "/merged")
    }
    // Every record of each table, whatever the manifest said.
    for name in ["sessions.csv", "segments.csv"] {
        _ = ParseOutcome.value { () throws(FormatError) in
            let reader = try CSVRecordReader(path: scratch.path + "/" + name)
            guard let header = try reader.next() else { return 0 }
            let columns = try? ResultsCSV.SummaryColumns(header: header.fields, path: name)
            var rows = 0
            while let record = try reader.next() {
                if let columns { _ = try? columns.read(record.fields, line: reader.line) }
                rows += 1
            }
            return rows
        }
    }
    return 0
}
