import ABRFormats
import ABRSimulator
import FuzzSupport

/// Pensieve's video folder (`video_size_0 … video_size_{L−1}`, one chunk size per line):
/// `PensieveVideoFolder.read(path:…)`, which takes only a folder.
///
/// Each input is a `FileBundle` (lines `@@ video_size_1` start the next file; the text before the
/// first is `video_size_0`) unpacked into one reused scratch folder. The caller supplies one
/// bitrate per file, as `--bitrates` does: Pensieve's six when there are six `video_size_N`
/// files, else 300, 600, … kbit/s, so that the count check passes and the sizes are read. Every
/// other input is also read with Pensieve's 48-chunk limit.
let scratch = ScratchFolder("pensieve-folder")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    let written = scratch.replaceContents(with: FileBundle(input.bytes, firstName: "video_size_0"))
    let levels = max(1, Set(written.filter { $0.hasPrefix("video_size_") }).count)
    let bitrates =
        levels == PensieveVideoFolder.defaultBitratesKbps.count
        ? PensieveVideoFolder.defaultBitratesKbps : (1...levels).map { Double($0) * 300 }
    let limit = count % 2 == 0 ? nil : PensieveVideoFolder.pensievePlayedChunkCount
    _ = ParseOutcome.value { () throws(FormatError) in
        try PensieveVideoFolder.read(path: scratch.path, bitratesKbps: bitrates, segmentLimit: limit)
    }
    return 0
}
