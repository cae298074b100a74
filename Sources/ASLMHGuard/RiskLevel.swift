/// How urgently a message needs action. Ordered: `none < low < medium < high < critical`.
public enum RiskLevel: String, Codable, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    case none, low, medium, high, critical

    var rank: Int {
        switch self {
        case .none: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
    public var description: String { rawValue }
}

/// Who wrote a message: user messages are checked for crisis indicators, assistant messages for
/// unsafe output.
public enum Role: String, Codable, Sendable, CaseIterable {
    case user, assistant
}
