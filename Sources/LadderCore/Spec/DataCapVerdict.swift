/// Whether one rung stays within its class's data cap.
public struct DataCapVerdict: Sendable, Hashable {
    public var videoClass: VideoClass
    public var capGBPerHour: Double
    public var gbPerHour: Double
    /// `gbPerHour ≤ capGBPerHour`: exactly at the cap is within.
    public var withinCap: Bool { gbPerHour <= capGBPerHour }
    /// Cap minus consumption, GB/h; negative when over.
    public var headroomGBPerHour: Double { capGBPerHour - gbPerHour }
}
