import ABRFormats
import FuzzSupport

/// Pensieve's cooked traces (`time_s  Mbit/s` lines): the periods and `BandwidthTrace` that
/// `TraceReader.read` builds, and the raw samples `--model pensieve` replays.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let text = FuzzInput(start, count).text else { return 0 }
    TraceParsing.read(text, as: .cooked)
    _ = ParseOutcome.value { () throws(FormatError) in try CookedTrace.samples(parsing: text, path: "fuzz-input") }
    return 0
}
