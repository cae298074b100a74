/// The JSON contract documented in the README: one document for `classify` and `check`.
public struct JSONReporter: ReportStream {
    private var count = 0

    public init() {}

    public static func render(_ run: RunResult) -> String {
        var r = JSONReporter()
        return r.renderRun(run)
    }

    // The document's keys are sorted: asOf, catalogVersion, command, failOn, profiles, schema,
    // summary. `profiles` comes before the summary, so entries stream in between.
    public func header(_ c: RunContext) -> String {
        var out = "{\n"
        for (k, v) in [("asOf", c.asOf.description), ("catalogVersion", c.catalogVersion), ("command", c.command.rawValue), ("failOn", c.failOn.rawValue)] {
            out += "  "
            JSON.escape(k, into: &out)
            out += ": "
            JSON.escape(v, into: &out)
            out += ",\n"
        }
        return out + "  \"profiles\": ["
    }

    public func fragment(_ e: RunResult.Entry, _ c: RunContext) -> String {
        var out = ""
        Self.entry(c, e).write(into: &out, indent: 2)
        return out
    }

    public mutating func entry(_ e: RunResult.Entry, fragment: String, _ c: RunContext) -> String {
        defer { count += 1 }
        return (count == 0 ? "\n    " : ",\n    ") + fragment
    }

    public mutating func footer(_ s: RunSummary, _ c: RunContext) -> String {
        var out = count == 0 ? "],\n" : "\n  ],\n"
        out += "  \"schema\": \"aslmh/result/v1\",\n  \"summary\": "
        var byTier: [String: JSON] = [:]
        for (tier, n) in s.byTier { byTier[String(tier)] = .int(n) }
        var counts: [String: JSON] = [:]
        for sev in Severity.allCases { counts[sev.rawValue] = .int(s.findings[sev] ?? 0) }
        JSON.object([
            "profiles": .int(s.profiles),
            "passed": .int(s.passed),
            "failed": .int(s.failed),
            "inputErrors": .int(s.withInputErrors),
            "byTier": .object(byTier),
            "findings": .object(counts),
            "exitCode": .int(Int(s.exitCode)),
        ]).write(into: &out, indent: 1)
        return out + "\n}\n"
    }

    static func entry(_ run: RunContext, _ entry: RunResult.Entry) -> JSON {
        switch entry {
        case .failure(let path, let errors):
            return .object([
                "path": .string(path), "product": .null, "tier": .null, "status": .string("error"),
                "matchedRules": .array([]), "findings": .array([]),
                "errors": .array(errors.map(error)),
            ])
        case .report(let r):
            let c = r.classification
            var o: [String: JSON] = [
                "path": .string(r.profile.path),
                "product": product(r.profile),
                "tier": .int(c.tier),
                "computedTier": .int(c.computedTier),
                "tierName": .string(r.tierName),
                "status": .string(run.status(entry)),
                "matchedRules": .array(c.matchedRules.map(ruleMatch)),
                "nextTier": c.nextTierMisses.isEmpty ? .null : .object([
                    "tier": .int(c.nextTierMisses[0].tier),
                    "unmatchedRules": .array(c.nextTierMisses.map { m in
                        .object(["id": .string(m.ruleId), "title": .string(m.title), "unmet": .array(m.unmet.map(JSON.string))])
                    }),
                ]),
                "override": c.overriddenBy.map { o in
                    .object(["tier": .int(o.tier.value), "reason": .from(o.reason?.value), "approver": .from(o.approver?.value),
                             "location": location(o.tier.location)])
                } ?? .null,
                "findings": .array(r.findings.map(finding)),
                "errors": .array([]),
            ]
            if run.command == .check {
                o["jurisdictions"] = .array(r.jurisdictions.map(Self.jurisdiction))
                o["controls"] = .array(r.controls.map { s in
                    .object(["id": .string(s.controlId), "tier": .int(s.tier), "title": .string(s.title),
                             "state": .string(s.state.rawValue), "evidence": .array(s.evidence.map(JSON.string)),
                             "location": location(s.location)])
                })
            }
            return .object(o)
        }
    }

    public static func jurisdiction(_ v: JurisdictionVerdict) -> JSON {
        .object([
            "id": .string(v.overlayId),
            "name": .string(v.name),
            "law": .object(["title": .string(v.law.title), "citation": .string(v.law.citation), "url": .string(v.law.url),
                            "effective": .string(v.law.effective.description)]),
            "verified": .string(v.verified.description),
            "market": .object(["value": .string(v.market.value), "location": location(v.market.location)]),
            "inForce": .bool(v.inForce),
            "inScope": .bool(v.inScope),
            "scopeReads": .array(v.scopeReads.map { .object(["field": .string($0.field), "value": .string($0.value), "location": location($0.location)]) }),
            "scopeUnmet": .array(v.scopeUnmet.map(JSON.string)),
            "obligations": .array(v.obligations.map { o in
                .object(["id": .string(o.id), "kind": .string(o.kind.rawValue), "title": .string(o.title), "status": .string(o.status.rawValue),
                         "effective": .string(o.effective.description), "control": .from(o.control),
                         "source": .object(["document": .string(o.source.document), "quote": .string(o.source.quote)]),
                         "guard": .object(Dictionary(uniqueKeysWithValues: o.guardEffects.map { ($0.name, JSON.int($0.value)) }))])
            }),
        ])
    }

    static func product(_ p: Profile) -> JSON {
        .object(["id": .from(p.product.id?.value), "name": .from(p.product.name?.value),
                 "version": .from(p.product.version?.value), "team": .from(p.product.team?.value),
                 "contact": .from(p.product.contact?.value)])
    }

    static func ruleMatch(_ m: RuleMatch) -> JSON {
        .object(["id": .string(m.ruleId), "tier": .int(m.tier), "title": .string(m.title),
                 "reads": .array(m.reads.map { .object(["field": .string($0.field), "value": .string($0.value), "location": location($0.location)]) })])
    }

    public static func finding(_ f: Finding) -> JSON {
        .object(["id": .string(f.id), "kind": .string(f.kind.rawValue), "severity": .string(f.severity.rawValue),
                 "message": .string(f.message), "remediation": .string(f.remediation), "location": location(f.location)])
    }

    static func error(_ e: InputError) -> JSON {
        .object(["code": .string(e.code), "message": .string(e.message), "suggestion": .from(e.suggestion), "location": location(e.location)])
    }

    public static func location(_ l: SourceLocation) -> JSON {
        .object(["path": .string(l.path), "line": .int(l.line), "column": .int(l.column)])
    }
}
