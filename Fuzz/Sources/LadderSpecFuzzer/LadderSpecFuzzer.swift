import ABRFormats
import FuzzSupport
import LadderCore

/// Ladder spec files (`ladders/*.json`, `--ladder FILE`): `LadderSpec.decode(_:file:)`, which
/// `LadderSpec.load(path:)` and the built-in presets call after reading the bytes. It is
/// documented to throw `LadderSpecError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = FuzzInput(start, count).data
    _ = ParseOutcome.value { try LadderSpec.decode(data, file: "fuzz-input.json") }
    return 0
}
