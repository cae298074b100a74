/// A problem with an input file (syntax, schema, limits). Input errors make the exit code 2.
public struct InputError: Error, Sendable, Hashable {
    /// Stable code, e.g. `unknown-key`, `duplicate-key`, `yaml-syntax`.
    public var code: String
    public var message: String
    public var suggestion: String?
    public var location: SourceLocation

    public init(code: String, message: String, suggestion: String? = nil, location: SourceLocation) {
        self.code = code
        self.message = message
        self.suggestion = suggestion
        self.location = location
    }

    public static func ordered(_ a: InputError, _ b: InputError) -> Bool {
        (a.location, a.code, a.message) < (b.location, b.code, b.message)
    }
}

public enum Suggest {
    /// The closest candidate within a small edit distance, for "did you mean" hints.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        var best: (Int, String)?
        for c in candidates {
            let d = distance(w, Array(c.lowercased()))
            let limit = max(2, min(w.count, c.count) / 3)
            guard d <= limit else { continue }
            if best == nil || d < best!.0 || (d == best!.0 && c < best!.1) { best = (d, c) }
        }
        if best == nil {
            // A candidate that contains the word (or the reverse) is a good hint too: `crisis` → `crisis_detection`.
            let lw = word.lowercased()
            if lw.count >= 4 {
                best = candidates.filter { $0.lowercased().contains(lw) || lw.contains($0.lowercased()) }
                    .sorted().first.map { (0, $0) }
            }
        }
        return best?.1
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}

/// All the input errors of one file (or catalogue), sorted by location.
public struct InputErrors: Error, Sendable {
    public var all: [InputError]

    public init(_ all: [InputError]) { self.all = all.sorted(by: InputError.ordered) }
}
