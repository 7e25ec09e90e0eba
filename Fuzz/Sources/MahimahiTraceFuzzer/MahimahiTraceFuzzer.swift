import ABRFormats
import FuzzSupport

/// Mahimahi traces (a millisecond timestamp per 1500-byte delivery opportunity): the periods and
/// `BandwidthTrace` that `TraceReader.read` builds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let text = FuzzInput(start, count).text else { return 0 }
    TraceParsing.read(text, as: .mahimahi)
    return 0
}
