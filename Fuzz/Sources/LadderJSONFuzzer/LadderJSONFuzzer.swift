import ABRFormats
import ABRSimulator
import FuzzSupport

/// `ladder.json` as `abrkit encode` writes it: `LadderVideo.read(path:)`, which decodes the file
/// (`readFile`) and builds the `Video`, after `VideoFormat.detect(path:)` as `VideoReader` runs it.
/// The readers take only a path, so each input is written to one reused scratch file.
let scratch = ScratchFolder("ladder-json")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let path = scratch.write(FuzzInput(start, count).bytes, to: "ladder.json")
    _ = ParseOutcome.value { () throws(FormatError) in try VideoFormat.detect(path: path) }
    _ = ParseOutcome.value { () throws(FormatError) in try LadderVideo.read(path: path) }
    _ = ParseOutcome.value { () throws(FormatError) in try LadderVideo.read(path: path, qualityMetric: "psnr_db") }
    return 0
}
