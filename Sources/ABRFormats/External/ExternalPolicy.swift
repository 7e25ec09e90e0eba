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
public struct ExternalPolicy: ABRPolicy {
    /// 5 s: ample for any per-segment rule (segments last seconds), short enough to notice a hang.
    public static let defaultTimeoutSeconds = 5.0
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
    ///   - timeoutSeconds: how long to wait for each reply.
    public init(command: [String], timeoutSeconds: Double = defaultTimeoutSeconds) {
        precondition(!command.isEmpty, "the command needs a program")
        precondition(timeoutSeconds > 0, "the timeout must be positive")
        self.command = command
        self.timeoutSeconds = timeoutSeconds
        encoder.outputFormatting = [.sortedKeys]
    }

    public mutating func decide(_ context: DecisionContext) -> Decision {
        let fallback = Decision(level: 0, reason: DecisionReason("external.failed"))
        guard failure == nil else { return fallback }
        func fail(_ code: PolicyFailure.Code, _ message: String) -> Decision {
            failure = PolicyFailure(code, policyName: name, segmentIndex: context.segmentIndex, "`\(command.joined(separator: " "))` \(message)")
            process = nil  // closes its stdin and kills it
            return fallback
        }
        if process == nil {
            do { process = try ExternalProcess(command: command) } catch { return fail(.launchFailed, "could not be started: \(error)") }
        }
        guard let process else { return fallback }
        let request = ExternalPolicyRequest(context: context, lookahead: Self.lookaheadSegments, history: Self.historyCount)
        guard let data = try? encoder.encode(request), process.send(String(decoding: data, as: UTF8.self)) else {
            return fail(.writeFailed, "stopped reading its input (\(process.exitDescription()))")
        }
        switch process.readLine(timeoutSeconds: timeoutSeconds) {
        case .timedOut:
            return fail(.timedOut, "sent no reply within \(timeoutSeconds) s")
        case .closed:
            return fail(.exited, "\(process.exitDescription()) before replying")
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
            return Decision(level: reply.level, reason: DecisionReason(text: reply.reason.map { "external.\($0)" } ?? "external"))
        }
    }

    /// The reply as quoted in an error: at most 120 characters.
    private static func quoted(_ line: String) -> String {
        line.count > 120 ? "\"\(line.prefix(120))…\"" : "\"\(line)\""
    }
}
