#if FFmpeg
import ArgumentParser

/// A metric `abrkit encode --metrics` can measure.
enum QualityMetric: String, CaseIterable, Sendable {
    case psnr, ssim, vmaf

    /// What `encode` measures unless told: PSNR and SSIM, which need no extra tool.
    static let defaultList = "psnr,ssim"

    /// Parses a comma-separated list such as "psnr,ssim,vmaf".
    ///
    /// - Throws: `ValidationError` naming an unknown or empty entry.
    static func parse(_ list: String) throws -> Set<QualityMetric> {
        var chosen: Set<QualityMetric> = []
        for entry in list.split(separator: ",", omittingEmptySubsequences: false) {
            let name = entry.trimmingCharacters(in: .whitespaces).lowercased()
            guard let metric = QualityMetric(rawValue: name) else {
                throw ValidationError(
                    "--metrics '\(list)': unknown metric '\(name)' (expected a comma-separated list of \(allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            chosen.insert(metric)
        }
        return chosen
    }
}

extension Set where Element == QualityMetric {
    /// PSNR and SSIM come from one pass over the same pictures; either asks for both.
    var measuresPSNRSSIM: Bool { contains(.psnr) || contains(.ssim) }
}
#endif
