import ABRSimulator
import Foundation

/// A policy run by another program: one JSON request per decision on its stdin, one JSON reply on
/// its stdout (the protocol is in `docs/external-policy.md`).
///
/// The process is started at the first decision, one per session, and ended with the session.
/// Anything but a timely, well-formed, in-range reply ends the session with a `PolicyFailure`
/// (the process could not start, exited, stayed silent past the timeout, wrote something other
/// than a JSON object with an integer `level`, or named a level the video does not have); the
/// session's result carries it. External policies do not abandon requests.
///
/// The process runs in a process group of its own, ended (SIGTERM, then SIGKILL) when the
/// session fails or ends, so a wrapper script's real program or a stray grandchild goes with it
/// and never keeps abrkit waiting (see `ChildProcessGroup`).
public struct ExternalPolicy: ABRPolicy {
    /// 5 s: ample for any per-segment rule (segments last seconds), short enough to notice a hang.
    public static let defaultTimeoutSeconds = 5.0
    /// 86 400 s (one day): the longest timeout. No per-segment decision needs more, and the bound
    /// keeps a deadline's arithmetic far from overflow (`--external-timeout 1e16` trapped
    /// converting to Int64 milliseconds, issue 10). Longer timeouts given to `init` are clamped.
    public static let maximumTimeoutSeconds = 86_400.0
    /// 65 536 bytes (64 KiB, 1 KiB = 1024 bytes): the longest reply line, newline excluded. A
    /// level and a reason take a few hundred bytes; the cap bounds the memory and the time a
    /// runaway program can cost (issue 10: a 5 MB line took minutes). A longer line is a `badReply`.
    public static let maximumReplyBytes = 65_536
    /// 256 characters: the longest `reason` kept; a longer one is cut to 255 characters and "…".
    /// A reason is shown per segment (tables, segments.csv), where a line of it is already long.
    public static let maximumReasonCharacters = 256
    /// 5 upcoming segments' sizes: MPC's horizon (Yin et al. 2015), enough for look-ahead rules.
    public static let lookaheadSegments = 5
    /// The last 8 requests: more than any published rule's throughput window (3–5).
    public static let historyCount = 8

    public var name: String { "external" }
    public let command: [String]
    public let timeoutSeconds: Double
    public private(set) var failure: PolicyFailure?
    private var process: ExternalProcess?
    private let encoder = JSONEncoder()

    /// - Parameters:
    ///   - command: the program and its arguments, e.g. `["python3", "policy.py"]` (found on PATH).
    ///   - timeoutSeconds: how long to wait for each reply (request written, reply read), at most
    ///     ``maximumTimeoutSeconds``: a longer one, infinity included, is clamped to it.
    public init(command: [String], timeoutSeconds: Double = defaultTimeoutSeconds) {
        precondition(!command.isEmpty, "the command needs a program")
        precondition(timeoutSeconds > 0, "the timeout must be positive")
        self.command = command
        self.timeoutSeconds = min(timeoutSeconds, Self.maximumTimeoutSeconds)
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    public mutating func decide(_ context: DecisionContext) -> Decision {
        let fallback = Decision(level: 0, reason: DecisionReason("external.failed"))
        guard failure == nil else { return fallback }
        func fail(_ code: PolicyFailure.Code, _ message: String) -> Decision {
            failure = PolicyFailure(code, policyName: name, segmentIndex: context.segmentIndex, "`\(command.joined(separator: " "))` \(message)")
            process = nil  // closes its stdin and ends its process group
            return fallback
        }
        if process == nil {
            do { process = try ExternalProcess(command: command) } catch { return fail(.launchFailed, "could not be started: \(error)") }
        }
        guard let process else { return fallback }
        let deadline = ExternalProcess.deadline(afterSeconds: timeoutSeconds)
        let request = ExternalPolicyRequest(context: context, lookahead: Self.lookaheadSegments, history: Self.historyCount)
        let data: Data
        do { data = try encoder.encode(request) } catch { return fail(.writeFailed, "could not be sent its request (\(error))") }
        switch process.send(String(decoding: data, as: UTF8.self), by: deadline) {
        case .written: break
        case .closed: return fail(.writeFailed, "stopped reading its input (\(process.exitDescription()))")
        case .timedOut: return fail(.timedOut, "did not read its input within \(timeoutSeconds) s")
        }
        switch process.readLine(by: deadline) {
        case .timedOut:
            return fail(.timedOut, "sent no reply within \(timeoutSeconds) s")
        case .closed:
            return fail(.exited, "\(process.exitDescription()) before replying")
        case .tooLong(let start):
            return fail(
                .badReply, "replied a line longer than \(Self.maximumReplyBytes) bytes (\(Self.maximumReplyBytes / 1024) KiB), the limit: \(Self.quoted(start))"
            )
        case .line(let line):
            let reply: ExternalPolicyReply
            do {
                reply = try JSONDecoder().decode(ExternalPolicyReply.self, from: Data(line.utf8))
            } catch {
                return fail(.badReply, "replied \(Self.quoted(line)), expected a JSON object such as {\"level\": 2, \"reason\": \"...\"}")
            }
            guard context.video.levels.indices.contains(reply.level) else {
                return fail(.levelOutOfRange, "chose level \(reply.level), expected 0…\(context.video.levelCount - 1)")
            }
            return Decision(level: reply.level, reason: DecisionReason(text: reply.reason.map { "external.\(Self.truncated($0))" } ?? "external"))
        }
    }

    /// `reason` cut to ``maximumReasonCharacters``, the last being "…" when it was cut.
    static func truncated(_ reason: String) -> String {
        // Found without counting the whole of a long reason: an index at the limit short of the end.
        guard let limit = reason.index(reason.startIndex, offsetBy: maximumReasonCharacters, limitedBy: reason.endIndex), limit != reason.endIndex
        else { return reason }
        return reason.prefix(maximumReasonCharacters - 1) + "…"
    }

    /// The reply as quoted in an error: at most 120 characters.
    private static func quoted(_ line: String) -> String {
        line.count > 120 ? "\"\(line.prefix(120))…\"" : "\"\(line)\""
    }
}
