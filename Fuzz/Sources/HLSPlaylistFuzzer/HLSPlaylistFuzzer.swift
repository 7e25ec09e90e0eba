import ABRFormats
import ABRSimulator
import FuzzSupport

/// HLS playlists: `HLSVideo.read(path:)` on a master playlist, which reads the media playlists
/// its variants name and sizes segments from `#EXT-X-BYTERANGE` or the files on disk; also
/// `VideoFormat.detect(path:)` as `VideoReader` runs it.
///
/// Each input is a `FileBundle`: the master playlist, then `@@ NAME` lines starting each media
/// playlist or segment file (`@@ 360p/playlist.m3u8`), unpacked into one reused scratch folder.
let scratch = ScratchFolder("hls-playlist")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    scratch.replaceContents(with: FileBundle(input.bytes, firstName: "master.m3u8"))
    let master = scratch.path + "/master.m3u8"
    _ = ParseOutcome.value { () throws(FormatError) in try VideoFormat.detect(path: master) }
    _ = ParseOutcome.value { () throws(FormatError) in try HLSVideo.read(path: master) }
    return 0
}
