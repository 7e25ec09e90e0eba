import ABRFormats
import FuzzSupport

/// Sabre's network JSON (`[{"duration_ms", "bandwidth_kbps", "latency_ms"}, …]`): the periods and
/// `BandwidthTrace` that `TraceReader.read` builds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let text = FuzzInput(start, count).text else { return 0 }
    TraceParsing.read(text, as: .sabre)
    return 0
}
