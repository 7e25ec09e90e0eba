/// What a catalog entry may use to build a policy for one session.
///
/// Online policies ignore it; the offline optimum needs the whole trace and the player model.
public struct PolicySetup: Sendable {
    public var video: Video
    public var trace: BandwidthTrace
    public var configuration: PlayerConfiguration
    public var qoe: QoEModel

    public init(video: Video, trace: BandwidthTrace, configuration: PlayerConfiguration = .init(), qoe: QoEModel = .linear) {
        self.video = video
        self.trace = trace
        self.configuration = configuration
        self.qoe = qoe
    }
}
