import ABRFormats
import ABRSimulator
import FuzzSupport

/// DASH MPDs: `DASHVideo.read(path:)` on a manifest, which parses the XML, unrolls segment
/// timelines and templates, and sizes segments from `mediaRange`s or the files on disk; also
/// `VideoFormat.detect(path:)` as `VideoReader` runs it.
///
/// Each input is a `FileBundle`: the MPD, then `@@ NAME` lines starting each segment file
/// (`@@ 360p/segment-00001.m4s`), unpacked into one reused scratch folder.
let scratch = ScratchFolder("dash-manifest")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    scratch.replaceContents(with: FileBundle(input.bytes, firstName: "manifest.mpd"))
    let mpd = scratch.path + "/manifest.mpd"
    _ = ParseOutcome.value { () throws(FormatError) in try VideoFormat.detect(path: mpd) }
    _ = ParseOutcome.value { () throws(FormatError) in try DASHVideo.read(path: mpd) }
    return 0
}
