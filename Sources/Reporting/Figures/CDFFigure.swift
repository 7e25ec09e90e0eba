import ABRSimulator

/// Empirical CDFs across sessions, one panel per metric and one curve per policy.
public enum CDFFigure {
    /// One metric to plot: a panel title, an axis label with its unit, and the values per policy.
    public struct Metric: Sendable {
        public var title: String
        public var axisLabel: String
        /// (policy, values) in legend order.
        public var values: [(policy: String, values: [Double])]
        /// The value axis's scale.
        public var scale: AxisKind
        /// Lines under the panel, e.g. what the scale leaves out.
        public var notes: [String]

        public init(title: String, axisLabel: String, values: [(policy: String, values: [Double])], scale: AxisKind = .linear, notes: [String] = []) {
            self.title = title
            self.axisLabel = axisLabel
            self.values = values
            self.scale = scale
            self.notes = notes
        }
    }

    public static func figure(title: String, metrics: [Metric]) -> Figure {
        let charts = metrics.map { metric in
            Chart(
                title: metric.title, xLabel: metric.axisLabel, yLabel: "fraction of sessions",
                series: metric.values.map { Chart.Series(name: $0.policy, points: cdf($0.values), style: .step) }, xScale: metric.scale, notes: metric.notes)
        }
        return Figure(title: title, charts: charts, panelHeight: 200)
    }

    /// Most sessions of a good policy never stall, so a linear CDF of stall time is a wall at 0.
    /// This panel puts the stalls on a log axis instead, and says how many sessions had none
    /// (they sit on the axis's left edge, where each curve starts at its zero-stall share).
    ///
    /// - Parameters:
    ///   - title: the panel's title.
    ///   - axisLabel: the x axis's label.
    ///   - values: (policy, rebuffer ratio in %) per session.
    public static func rebufferMetric(title: String, axisLabel: String, values: [(policy: String, values: [Double])]) -> Metric {
        guard values.contains(where: { $0.values.contains { $0 > 0 } }) else {
            return Metric(title: title, axisLabel: axisLabel, values: values, notes: ["No session stalled."])
        }
        let shares = values.map { entry in
            let zero = entry.values.filter { $0 <= 0 }.count
            return "\(entry.policy) \(NumberFormat.fixed(entry.values.isEmpty ? 0 : Double(zero) / Double(entry.values.count) * 100, 0)) %"
        }
        return Metric(
            title: title, axisLabel: axisLabel, values: values, scale: .log,
            notes: wrapped("Sessions without a stall (drawn on the left edge): " + shares.joined(separator: ", "), width: noteCharacters))
    }

    /// Characters per note line: about the width of a default plot area at 11 px.
    static let noteCharacters = 105

    /// `text` broken at commas or spaces into lines of at most `width` characters.
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The empirical CDF as step points: (v₍ᵢ₎, i/n) for the sorted values, starting from 0.
    public static func cdf(_ values: [Double]) -> [(x: Double, y: Double)] {
        let sorted = values.filter(\.isFinite).sorted()
        guard let first = sorted.first else { return [] }
        var points: [(x: Double, y: Double)] = [(x: first, y: 0)]
        let n = Double(sorted.count)
        for (i, v) in sorted.enumerated() { points.append((x: v, y: Double(i + 1) / n)) }
        return points
    }
}
