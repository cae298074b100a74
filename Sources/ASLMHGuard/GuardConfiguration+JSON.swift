import Foundation

extension GuardConfiguration {
    static let allowedKeys: [String: Set<String>] = [
        "": ["schema", "name", "detectors", "actions", "locale", "crisisResources", "session", "provenance", "environment", "deployment",
            "statisticalLayer"],
        "deployment": Set(DeploymentRules.CodingKeys.allCases.map(\.rawValue)),
        "actions": ["user", "assistant"],
        "actions.user": ["critical", "high", "medium", "low", "none"],
        "actions.assistant": ["critical", "high", "medium", "low", "none"],
        "session": [
            "criticalLatch", "escalationWindow", "veiledMethodAfterDistress", "retractionKeepsLevel", "psychosisEscalation",
            "notifyHumanAfterHighTurns",
        ],
        "provenance": ["product", "tier", "catalogVersion", "profileSha256"],
        "environment": ["researchOnly"],
    ]

    /// Decodes a configuration file strictly: unknown keys, a wrong schema and unknown categories
    /// or actions are errors that name the key.
    public static func decode(json text: String) throws -> GuardConfiguration {
        let tree: JSONValue
        do {
            tree = try JSONValue.parse(text)
        } catch let e as JSONParseError {
            throw GuardError.invalidConfiguration("not valid JSON: \(e)")
        }
        guard case .object(let top) = tree else { throw GuardError.invalidConfiguration("expected a JSON object") }
        guard let schema = top["schema"]?.stringValue else {
            throw GuardError.invalidConfiguration("missing \"schema\": \"\(schemaID)\"")
        }
        guard schema == schemaID else {
            throw GuardError.invalidConfiguration("schema is '\(schema)', this guard reads '\(schemaID)'")
        }
        try checkKeys(tree, path: "")
        do {
            return try JSONDecoder().decode(GuardConfiguration.self, from: Data(text.utf8))
        } catch let e as GuardError {
            throw e
        } catch let e as DecodingError {
            throw GuardError.invalidConfiguration(describe(e))
        }
    }

    /// Encodes with sorted keys and indentation (byte-identical for equal values).
    public func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }

    private static func checkKeys(_ value: JSONValue, path: String) throws {
        guard case .object(let members) = value, let allowed = allowedKeys[path] else { return }
        for key in members.keys.sorted() {
            guard allowed.contains(key) else {
                let near = allowed.sorted().first { editDistance($0.lowercased(), key.lowercased()) <= 2 }
                let hint = near.map { " (did you mean '\($0)'?)" } ?? " (known: \(allowed.sorted().joined(separator: ", ")))"
                throw GuardError.invalidConfiguration("unknown key '\(path.isEmpty ? key : path + "." + key)'\(hint)")
            }
            try checkKeys(members[key]!, path: path.isEmpty ? key : path + "." + key)
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.utf8), b = Array(b.utf8)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
