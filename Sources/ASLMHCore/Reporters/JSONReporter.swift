/// The JSON contract documented in the README: one document for `classify` and `check`.
public enum JSONReporter {
    public static func render(_ run: RunResult) -> String { document(run).rendered() }

    public static func document(_ run: RunResult) -> JSON {
        var byTier: [String: JSON] = [:]
        for r in run.reports {
            let key = String(r.classification.tier)
            if case .int(let n) = byTier[key] ?? .int(0) { byTier[key] = .int(n + 1) }
        }
        var counts: [String: JSON] = [:]
        for s in Severity.allCases {
            counts[s.rawValue] = .int(run.reports.reduce(0) { $0 + $1.findings.filter { $0.severity == s }.count })
        }
        let statuses = run.entries.map(run.status)
        return .object([
            "schema": .string("aslmh/result/v1"),
            "command": .string(run.command.rawValue),
            "catalogVersion": .string(run.catalogVersion),
            "asOf": .string(run.asOf.description),
            "failOn": .string(run.failOn.rawValue),
            "profiles": .array(run.entries.map { entry(run, $0) }),
            "summary": .object([
                "profiles": .int(run.entries.count),
                "passed": .int(statuses.filter { $0 == "pass" }.count),
                "failed": .int(statuses.filter { $0 == "fail" }.count),
                "inputErrors": .int(statuses.filter { $0 == "error" }.count),
                "byTier": .object(byTier),
                "findings": .object(counts),
                "exitCode": .int(Int(run.exitCode)),
            ]),
        ])
    }

    static func entry(_ run: RunResult, _ entry: RunResult.Entry) -> JSON {
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
                o["controls"] = .array(r.controls.map { s in
                    .object(["id": .string(s.controlId), "tier": .int(s.tier), "title": .string(s.title),
                             "state": .string(s.state.rawValue), "evidence": .array(s.evidence.map(JSON.string)),
                             "location": location(s.location)])
                })
            }
            return .object(o)
        }
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
