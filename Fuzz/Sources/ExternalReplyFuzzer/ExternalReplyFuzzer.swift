import ABRFormats
import Foundation
import FuzzSupport

/// External-policy replies: what `ExternalPolicy.decide` does with the process's output, from the
/// bytes on: the first line (up to `\n`), refused past `ExternalPolicy.maximumReplyBytes` as
/// `ExternalProcess.readLine` refuses it, decoded as UTF-8 with repair, then `JSONDecoder` into
/// `ExternalPolicyReply` and the level checked against a 6-level video.
///
/// Reading from the process (`ExternalProcess.readLine`: polling, the deadline, buffering) and the
/// reason's truncation (`ExternalPolicy.truncated`) are internal, and `decide` needs a real child
/// process, so they are not fuzzed here. A `DecodingError` is `decide` reporting a bad reply.
let levelCount = 6

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = FuzzInput(start, count).bytes
    let lineBytes = bytes.prefix { $0 != UInt8(ascii: "\n") }
    guard lineBytes.count <= ExternalPolicy.maximumReplyBytes else { return 0 }  // a `badReply` before any decoding
    let line = String(decoding: lineBytes, as: UTF8.self)
    do {
        let reply = try JSONDecoder().decode(ExternalPolicyReply.self, from: Data(line.utf8))
        _ = (0..<levelCount).contains(reply.level)
        _ = reply.reason.map { "external.\($0)" }
    } catch is DecodingError {
        return 0
    } catch {
        ParseOutcome.report(unexpected: error)
    }
    return 0
}
