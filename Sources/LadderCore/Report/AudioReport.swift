import ABRSimulator

/// What the audio rendition cost.
public struct AudioReport: Sendable {
    public init(
        codecString: String, sampleRate: Int, channelCount: Int, initSegmentBytes: Int, segmentBytes: [Int], segmentDurationsSeconds: [Double],
        segmentParts: [[PackagedPart]] = []
    ) {
        self.segmentParts = segmentParts
        self.codecString = codecString; self.sampleRate = sampleRate; self.channelCount = channelCount
        self.initSegmentBytes = initSegmentBytes; self.segmentBytes = segmentBytes; self.segmentDurationsSeconds = segmentDurationsSeconds
    }

    public var codecString: String
    public var sampleRate: Int
    public var channelCount: Int
    public var initSegmentBytes: Int
    public var segmentBytes: [Int]
    public var segmentDurationsSeconds: [Double]
    /// Each segment's CMAF parts, same order as `segmentBytes`, when the encode wrote parts; empty otherwise.
    public var segmentParts: [[PackagedPart]]

    public var durationSeconds: Double { segmentDurationsSeconds.reduce(0, +) }
    /// kbit/s (1000 bit/s) over the media segments.
    public var averageKbps: Double { durationSeconds > 0 ? Double(segmentBytes.reduce(0, +)) * 8 / durationSeconds / 1000 : 0 }
    /// Highest per-segment kbit/s.
    public var peakKbps: Double {
        zip(segmentBytes, segmentDurationsSeconds).map { $1 > 0 ? Double($0) * 8 / $1 / 1000 : 0 }.max() ?? 0
    }
    /// GB per hour of listening (`DataRate`).
    public var gigabytesPerHour: Double { DataRate.gbPerHour(bytes: segmentBytes.reduce(0, +), seconds: durationSeconds) }
}
