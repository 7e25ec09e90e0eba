import ABRFormats
import ABRSimulator
import FuzzSupport

/// Sabre's movie JSON (`segment_duration_ms`, `bitrates_kbps`, `segment_sizes_bits`):
/// `SabreMovieFile.read(path:)`, after `VideoFormat.detect(path:)` as `VideoReader` runs it.
/// The readers take only a path, so each input is written to one reused scratch file.
let scratch = ScratchFolder("sabre-movie")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let path = scratch.write(FuzzInput(start, count).bytes, to: "movie.json")
    _ = ParseOutcome.value { () throws(FormatError) in try VideoFormat.detect(path: path) }
    _ = ParseOutcome.value { () throws(FormatError) in try SabreMovieFile.read(path: path) }
    return 0
}
