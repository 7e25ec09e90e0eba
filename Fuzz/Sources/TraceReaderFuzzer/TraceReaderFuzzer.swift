import ABRFormats
import ABRSimulator
import FuzzSupport

/// Trace files as `abrkit simulate --traces` and `traces info|convert` read them:
/// `TraceReader.read(path:)`, which detects the format from the file's bytes and parses it, in
/// whichever of the four formats the input looks like. The per-format targets feed the parsers text;
/// this one goes through the file and the detection. The reader takes only a path, so each input is
/// written to one reused scratch file.
let scratch = ScratchFolder("trace-reader")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let path = scratch.write(FuzzInput(start, count).bytes, to: "trace")
    _ = ParseOutcome.value { () throws(FormatError) in try TraceReader.read(path: path) }
    return 0
}
