/// The resolution class a rung's data cap is judged by: SD, HD or UHD ("4K").
///
/// Classified by picture height, the way streaming services label plans: below 720 lines is SD,
/// 720 to 1080 lines inclusive is HD, above 1080 is UHD (so 1440p counts as UHD). A ladder file
/// may override the class of a rung (`"class": "hd"`), for example for a letterboxed 1920×800 rung.
public enum VideoClass: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case sd, hd, uhd

    /// Lowest height, in lines, that counts as HD.
    public static let hdMinimumHeight = 720
    /// Highest height, in lines, that still counts as HD; taller is UHD.
    public static let hdMaximumHeight = 1080

    /// The class of a picture `height` lines tall.
    public init(height: Int) {
        switch height {
        case ..<Self.hdMinimumHeight: self = .sd
        case ...Self.hdMaximumHeight: self = .hd
        default: self = .uhd
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .sd: 0
        case .hd: 1
        case .uhd: 2
        }
    }
}
