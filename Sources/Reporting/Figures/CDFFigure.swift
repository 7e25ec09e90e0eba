/// Empirical CDFs across sessions, one panel per metric and one curve per policy.
public enum CDFFigure {
    /// One metric to plot: a panel title, an axis label with its unit, and the values per policy.
    public struct Metric: Sendable {
        public var title: String
        public var axisLabel: String
        /// (policy, values) in legend order.
        public var values: [(policy: String, values: [Double])]

        public init(title: String, axisLabel: String, values: [(policy: String, values: [Double])]) {
            self.title = title
            self.axisLabel = axisLabel
            self.values = values
        }
    }

    public static func figure(title: String, metrics: [Metric]) -> Figure {
        let charts = metrics.map { metric in
            Chart(
                title: metric.title, xLabel: metric.axisLabel, yLabel: "fraction of sessions",
                series: metric.values.map { Chart.Series(name: $0.policy, points: cdf($0.values), style: .step) })
        }
        return Figure(title: title, charts: charts, panelHeight: 200)
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
