/// A condition over a profile. Classification rules use only the monotone forms (no `not`,
/// no `…Outside`, no `controlMissing`): adding a capability, audience or setting, or raising the
/// autonomy, can then only make more rules match — which is what makes the tier monotone.
public indirect enum Predicate: Sendable, Hashable {
    case always
    case capabilityAny([String])
    case audienceAny([String])
    case settingAny([String])
    case marketAny([String])
    case autonomyAtLeast(String)
    /// True when the profile declares an audience outside the list.
    case audienceOutside([String])
    /// True when the profile declares a setting outside the list.
    case settingOutside([String])
    /// True when the control is not declared with evidence.
    case controlMissing(String)
    case all([Predicate])
    case any([Predicate])
    case not(Predicate)

    /// Whether this predicate can be used in a classification rule (upward-closed).
    public var isMonotone: Bool {
        switch self {
        case .always, .capabilityAny, .audienceAny, .settingAny, .marketAny, .autonomyAtLeast: true
        case .audienceOutside, .settingOutside, .controlMissing, .not: false
        case .all(let ps), .any(let ps): ps.allSatisfy(\.isMonotone)
        }
    }

    /// Whether the predicate names a vocabulary term or control id anywhere.
    public func mentions(_ term: String) -> Bool {
        switch self {
        case .always: false
        case .capabilityAny(let xs), .audienceAny(let xs), .settingAny(let xs), .marketAny(let xs),
             .audienceOutside(let xs), .settingOutside(let xs): xs.contains(term)
        case .autonomyAtLeast(let x), .controlMissing(let x): x == term
        case .all(let ps), .any(let ps): ps.contains { $0.mentions(term) }
        case .not(let p): p.mentions(term)
        }
    }

    /// A short human description, e.g. `capability any of [mood_tracking, crisis_connection]`.
    public var summary: String {
        func list(_ xs: [String]) -> String { "[" + xs.joined(separator: ", ") + "]" }
        switch self {
        case .always: return "always"
        case .capabilityAny(let xs): return "a capability in \(list(xs))"
        case .audienceAny(let xs): return "an audience in \(list(xs))"
        case .settingAny(let xs): return "a setting in \(list(xs))"
        case .marketAny(let xs): return "a market in \(list(xs))"
        case .autonomyAtLeast(let a): return "autonomy at least `\(a)`"
        case .audienceOutside(let xs): return "an audience outside \(list(xs))"
        case .settingOutside(let xs): return "a setting outside \(list(xs))"
        case .controlMissing(let c): return "control `\(c)` not declared with evidence"
        case .all(let ps): return "all of (" + ps.map(\.summary).joined(separator: "; ") + ")"
        case .any(let ps): return "any of (" + ps.map(\.summary).joined(separator: "; ") + ")"
        case .not(let p): return "not (\(p.summary))"
        }
    }
}

/// A profile value a rule read to reach its decision.
public struct FieldRead: Sendable, Hashable, Comparable {
    public var field: String
    public var value: String
    public var location: SourceLocation

    public init(field: String, value: String, location: SourceLocation) {
        self.field = field
        self.value = value
        self.location = location
    }

    public static func < (lhs: FieldRead, rhs: FieldRead) -> Bool {
        (lhs.location, lhs.field, lhs.value) < (rhs.location, rhs.field, rhs.value)
    }
}

/// The outcome of evaluating a predicate: whether it held, the values that made it hold, and,
/// when it did not hold, the conditions that were unmet.
public struct Evaluation: Sendable {
    public var holds: Bool
    public var reads: [FieldRead]
    public var unmet: [String]
}

extension Predicate {
    /// Evaluates the predicate against a profile, recording what was read.
    public func evaluate(_ profile: Profile, vocabulary: Vocabulary) -> Evaluation {
        func anyOf(_ field: String, _ values: [Located<String>], _ wanted: [String]) -> Evaluation {
            let hits = values.filter { wanted.contains($0.value) }
            if hits.isEmpty {
                let declared = values.isEmpty ? "none declared" : "declares " + values.map(\.value).joined(separator: ", ")
                return Evaluation(holds: false, reads: [], unmet: ["needs \(summary) (\(field): \(declared))"])
            }
            return Evaluation(holds: true, reads: hits.map { FieldRead(field: field, value: $0.value, location: $0.location) }, unmet: [])
        }
        func outside(_ field: String, _ values: [Located<String>], _ allowed: [String]) -> Evaluation {
            let hits = values.filter { !allowed.contains($0.value) }
            if hits.isEmpty { return Evaluation(holds: false, reads: [], unmet: ["needs \(summary)"]) }
            return Evaluation(holds: true, reads: hits.map { FieldRead(field: field, value: $0.value, location: $0.location) }, unmet: [])
        }
        switch self {
        case .always:
            return Evaluation(holds: true, reads: [], unmet: [])
        case .capabilityAny(let xs): return anyOf("capabilities", profile.capabilities, xs)
        case .audienceAny(let xs): return anyOf("audience", profile.audience, xs)
        case .settingAny(let xs): return anyOf("settings", profile.settings, xs)
        case .marketAny(let xs): return anyOf("markets", profile.markets, xs)
        case .audienceOutside(let xs): return outside("audience", profile.audience, xs)
        case .settingOutside(let xs): return outside("settings", profile.settings, xs)
        case .autonomyAtLeast(let level):
            guard let declared = profile.autonomy,
                  let have = vocabulary.autonomyRank(declared.value),
                  let want = vocabulary.autonomyRank(level) else {
                return Evaluation(holds: false, reads: [], unmet: ["needs \(summary) (autonomy: not declared)"])
            }
            let read = FieldRead(field: "autonomy", value: declared.value, location: declared.location)
            if have >= want { return Evaluation(holds: true, reads: [read], unmet: []) }
            return Evaluation(holds: false, reads: [], unmet: ["needs \(summary) (autonomy: \(declared.value))"])
        case .controlMissing(let id):
            if let c = profile.control(id), !c.evidence.isEmpty {
                return Evaluation(holds: false, reads: [], unmet: ["control `\(id)` is declared with evidence"])
            }
            let loc = profile.control(id)?.id.location ?? profile.location(ofKey: "controls")
            return Evaluation(holds: true, reads: [FieldRead(field: "controls", value: id, location: loc)], unmet: [])
        case .all(let ps):
            var reads: [FieldRead] = []
            var unmet: [String] = []
            for p in ps {
                let e = p.evaluate(profile, vocabulary: vocabulary)
                reads += e.reads
                unmet += e.unmet
            }
            return Evaluation(holds: unmet.isEmpty, reads: unmet.isEmpty ? reads : [], unmet: unmet)
        case .any(let ps):
            var reads: [FieldRead] = []
            var unmet: [String] = []
            var held = false
            for p in ps {
                let e = p.evaluate(profile, vocabulary: vocabulary)
                if e.holds {
                    held = true
                    reads += e.reads
                } else {
                    unmet += e.unmet
                }
            }
            if !held {
                return Evaluation(holds: false, reads: [], unmet: unmet.isEmpty ? ["needs \(summary)"] : ["needs one of: " + unmet.joined(separator: " | ")])
            }
            return Evaluation(holds: true, reads: reads, unmet: [])
        case .not(let p):
            let e = p.evaluate(profile, vocabulary: vocabulary)
            if e.holds { return Evaluation(holds: false, reads: [], unmet: ["needs \(summary)"]) }
            return Evaluation(holds: true, reads: [], unmet: [])
        }
    }
}
