/// Everything that can stop a guard from being built. Checking a message never throws.
public enum GuardError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A lexicon or resources file could not be read; `file` is its path under `lexicons/`.
    case invalidData(file: String, message: String)
    /// A pattern could not be compiled.
    case invalidPattern(rule: String, pattern: String, message: String)
    /// The configuration is malformed or inconsistent.
    case invalidConfiguration(String)
    /// The configuration asks for something this guard cannot honour here.
    case cannotHonour(String)

    public var description: String {
        switch self {
        case .invalidData(let file, let message): "\(file): \(message)"
        case .invalidPattern(let rule, let pattern, let message): "rule \(rule): pattern \"\(pattern)\": \(message)"
        case .invalidConfiguration(let message): "invalid guard configuration: \(message)"
        case .cannotHonour(let message): "cannot honour guard configuration: \(message)"
        }
    }
}
