/// A policy that could not decide: an external process that crashed, hung or answered nonsense.
///
/// `ABRPolicy.decide` cannot throw (built-in policies never fail, and hot loops stay free of error
/// plumbing), so a failing policy still returns a decision, sets `failure`, and the session ends
/// there: `PlaybackSession.isFinished` becomes true, no further segment is requested, and the
/// result carries the failure for the batch and the CLI to report.
public struct PolicyFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// The process could not be started.
        case launchFailed
        /// The process exited (or closed its output) before replying.
        case exited
        /// No reply within the timeout.
        case timedOut
        /// The reply was not the JSON object the protocol expects.
        case badReply
        /// The reply named a level outside the video's levels.
        case levelOutOfRange
        /// The request could not be written (the process closed its input).
        case writeFailed
    }

    public var code: Code
    /// Which policy failed, e.g. "external".
    public var policyName: String
    /// The segment whose decision failed.
    public var segmentIndex: Int
    /// A human sentence: what was received or missing, and what was expected.
    public var message: String

    public init(_ code: Code, policyName: String, segmentIndex: Int, _ message: String) {
        self.code = code
        self.policyName = policyName
        self.segmentIndex = segmentIndex
        self.message = message
    }

    public var description: String { "policy \(policyName) failed at segment \(segmentIndex): \(message)" }
}
