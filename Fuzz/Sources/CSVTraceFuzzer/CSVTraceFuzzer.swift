import ABRFormats
import FuzzSupport

/// CSV traces (a header row naming the columns and their units, then one period per row): the
/// periods and `BandwidthTrace` that `TraceReader.read` builds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let text = FuzzInput(start, count).text else { return 0 }
    TraceParsing.read(text, as: .csv)
    return 0
}
