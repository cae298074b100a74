/// `aslmh explain ID`: a rule, control, prohibition, tier, vocabulary term or finding id, with
/// its source sentence and examples.
public enum Explainer {
    public static func explain(_ rawId: String, catalog: Catalog, overlays: OverlaySet = .empty, ledger: Ledger? = nil) -> String? {
        var id = rawId
        // A finding id (`missing-control/crisis_escalation`) explains its subject.
        var preface = ""
        if let slash = id.firstIndex(of: "/"), let kind = FindingKind(rawValue: String(id[..<slash])) {
            preface = "Finding `\(rawId)`: \(kind.help)\n\n"
            id = String(id[id.index(after: slash)...])
        }
        if let level = Int(id.hasPrefix("T") || id.hasPrefix("t") ? String(id.dropFirst()) : id), let t = catalog.tier(level) {
            return preface + tier(t, catalog: catalog)
        }
        if let r = catalog.rules.first(where: { $0.id == id }) {
            return preface + """
            Rule \(r.id) (ASL-MH \(r.tier)): \(r.title)
            Matches when: \(r.when.summary)
            \(cite(r.source))
            Defined at: \(r.location)

            \(examples(r.examples, yes: "Matches", no: "Does not match"))
            """
        }
        if let c = catalog.control(id) {
            return preface + """
            Control \(c.id): \(c.title) — mandatory from ASL-MH \(c.tier) up (\(c.severity.rawValue) when missing)
            \(c.description)
            Satisfied by: \(c.satisfiedBy)
            \(c.requiresOwner ? "Needs an accountable owner.\n" : "")\(c.maxReviewAgeDays.map { "Review at least every \($0) days.\n" } ?? "")\(cite(c.source))
            Defined at: \(c.location)

            \(examples(c.examples, yes: "Satisfied by", no: "Not satisfied by"))
            """
        }
        if let p = catalog.prohibitions.first(where: { $0.id == id }) {
            return preface + """
            Prohibition \(p.id) (at ASL-MH \(p.appliesToTiers.map(String.init).joined(separator: ", "))): \(p.title)
            Triggers when: \(p.when.summary)
            Remediation: \(p.remediation)
            \(cite(p.source))
            Defined at: \(p.location)

            \(examples(p.examples, yes: "Triggers on", no: "Does not trigger on"))
            """
        }
        if let o = overlays.overlays.first(where: { $0.id == id }) {
            var out = preface + "Jurisdiction \(o.id): \(o.name)\n\(o.law.title) (\(o.law.citation)), effective \(o.law.effective)\n\(o.law.url)\n"
            out += "Verified \(o.verified) against: \(o.verifiedAgainst)\nApplies to markets: \(o.markets.joined(separator: ", "))\n"
            out += "In scope when: \(o.scope.summary)\n\(o.scopeDescription)\n\nObligations:\n"
            for ob in o.obligations {
                out += "  \(ob.id)  [\(ob.kind.rawValue)] \(ob.title)\(ob.effective.map { " (from \($0))" } ?? "")\n"
            }
            return out
        }
        if let (o, ob) = overlays.overlays.lazy.flatMap({ o in o.obligations.map { (o, $0) } }).first(where: { $0.1.id == id }) {
            var out = preface + "Obligation \(ob.id) of \(o.id) (\(o.name)) — \(ob.kind.rawValue): \(ob.title)\n"
            out += "In force from \(ob.effective ?? o.law.effective)\(ob.until.map { " until \($0)" } ?? "")\n"
            if let w = ob.when { out += "Applies when: \(w.summary)\n" }
            if let c = ob.control { out += "Satisfied by control `\(c)`" + (overlays.control(c).map { ": \($0.satisfiedBy)" } ?? "") + "\n" }
            if let r = ob.remediation { out += "Remediation: \(r)\n" }
            if !ob.guardEffects.isEmpty { out += "Guard effects: " + ob.guardEffects.map { "\($0.name)=\($0.value)" }.joined(separator: ", ") + "\n" }
            out += cite(ob.source) + "\nDefined at: \(ob.location)\n\n"
            out += ob.kind == .obligation ? examples(ob.examples, yes: "Satisfied by", no: "Not satisfied by") : examples(ob.examples, yes: "Triggers on", no: "Does not trigger on")
            return out
        }
        if let ledger, let section = ledger.sections.first(where: { $0.id == id }) {
            var out = preface + "Ledger section \(section.id): \(section.title) (\(ledger.title) v\(ledger.version))\n\"\(section.quote)\"\nTests:\n"
            for t in section.tests { out += "  \(t.id)  \(t.question)\n" }
            return out
        }
        if let ledger, let test = ledger.tests.first(where: { $0.id == id }) {
            var out = preface + "Ledger test \(test.id): \(test.question)\nPasses only when all of these are confirmed (cannot be confirmed defaults to FAIL):\n"
            for c in test.controls { out += "  control `\(c)` declared with evidence\n" }
            for g in test.guardRequirements { out += "  guard requirement `\(g)` holds in the derived guard configuration\n" }
            for s in test.suites { out += "  suite `suites/\(s).jsonl` passes through the derived guard configuration\n" }
            return out + "Defined at: \(test.location)\n"
        }
        if let ledger, let c = ledger.controls.first(where: { $0.id == id }) {
            let tests = ledger.tests.filter { $0.controls.contains(id) }.map(\.id)
            return preface + "Ledger control \(c.id): \(c.title)\n\(c.description)\nSatisfied by: \(c.satisfiedBy)\nAnswers: \(tests.joined(separator: ", "))\n"
        }
        if let c = overlays.control(id) {
            return preface + "Legal control \(c.id): \(c.title)\n\(c.description)\nSatisfied by: \(c.satisfiedBy)\n"
        }
        let v = catalog.vocabulary
        for (field, terms) in [("capability", v.capabilities), ("audience", v.audiences), ("setting", v.settings), ("autonomy", v.autonomy)] {
            if let t = terms.first(where: { $0.id == id }) {
                let rules = catalog.rules.filter { $0.when.mentions(t.id) }.map(\.id)
                var out = preface + "\(field) `\(t.id)`: \(t.title)\n\(t.description)\n"
                if let source = t.source { out += cite(source) + "\n" }
                out += rules.isEmpty ? "Raises no tier by itself.\n" : "Read by rules: " + rules.joined(separator: ", ") + "\n"
                return out
            }
        }
        return nil
    }

    public static func allIds(_ catalog: Catalog, overlays: OverlaySet = .empty, ledger: Ledger? = nil) -> [String] {
        (ledger.map { l in l.sections.map(\.id) + l.tests.map(\.id) + l.controls.map(\.id) } ?? []) + baseIds(catalog, overlays: overlays)
    }

    static func baseIds(_ catalog: Catalog, overlays: OverlaySet) -> [String] {
        catalog.rules.map(\.id) + catalog.controls.map(\.id) + catalog.prohibitions.map(\.id)
            + catalog.vocabulary.capabilities.map(\.id) + catalog.tiers.map { "T\($0.level)" }
            + overlays.overlays.map(\.id) + overlays.obligations.map(\.id) + overlays.controls.map(\.id)
    }

    static func tier(_ t: TierDefinition, catalog: Catalog) -> String {
        var out = "ASL-MH \(t.level): \(t.name)\n\(t.summary)\n\(cite(t.source))\n\nRules:\n"
        for r in t.rules { out += "  \(r.id)  \(r.title)\n" }
        out += "Mandatory controls (cumulative):\n"
        for c in catalog.mandatoryControls(atTier: t.level) { out += "  \(c.id)  \(c.title) (from ASL-MH \(c.tier))\n" }
        let ps = catalog.prohibitions(atTier: t.level)
        if !ps.isEmpty {
            out += "Prohibitions:\n"
            for p in ps { out += "  \(p.id)  \(p.title)\n" }
        }
        return out
    }

    static func cite(_ c: Citation) -> String {
        "Source: \(c.document)\(c.locator.map { ", \($0)" } ?? ""): \"\(c.quote)\""
    }

    static func examples(_ e: Examples, yes: String, no: String) -> String {
        var out = ""
        if !e.triggering.isEmpty {
            out += "\(yes):\n" + e.triggering.map { "  " + fragment($0.profile) + "   (\($0.location))" }.joined(separator: "\n") + "\n"
        }
        if !e.nonTriggering.isEmpty {
            out += "\(no):\n" + e.nonTriggering.map { "  " + fragment($0.profile) + "   (\($0.location))" }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// A one-line YAML flow rendering of the parts of a profile fragment that are set.
    public static func fragment(_ p: Profile) -> String {
        var parts: [String] = []
        func list(_ key: String, _ xs: [Located<String>]) { if !xs.isEmpty { parts.append("\(key): [" + xs.map(\.value).joined(separator: ", ") + "]") } }
        list("capabilities", p.capabilities)
        list("audience", p.audience)
        list("settings", p.settings)
        if let a = p.autonomy { parts.append("autonomy: \(a.value)") }
        list("markets", p.markets)
        if !p.controls.isEmpty {
            let cs = p.controls.map { c -> String in
                var fields: [String] = []
                if !c.evidence.isEmpty { fields.append("evidence: " + c.evidence.map(\.reference.value).joined(separator: ", ")) }
                if let o = c.owner { fields.append("owner: \(o.value)") }
                if let r = c.reviewed { fields.append("reviewed: \(r.value)") }
                return "\(c.id.value): {" + fields.joined(separator: ", ") + "}"
            }
            parts.append("controls: {" + cs.joined(separator: ", ") + "}")
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
