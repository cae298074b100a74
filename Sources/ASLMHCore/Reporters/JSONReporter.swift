/// The JSON contract documented in the README: one document for `classify` and `check`.
public struct JSONReporter: ReportStream {
    private var count = 0
    private var hasher = CanonicalJSONHasher()

    public init() {}

    public static func render(_ run: RunResult) -> String {
        var r = JSONReporter()
        return r.renderRun(run)
    }

    // The document's keys are sorted (asOf, catalogVersion, command, failOn, profiles, schema,
    // summary), so entries stream in between; `digest` comes last, once everything before it has
    // been hashed: the SHA-256 of the canonical JSON of the document without `digest`.
    public mutating func header(_ c: RunContext) -> String {
        var out = "{\n"
        for (k, v) in [("asOf", c.asOf.description), ("catalogVersion", c.catalogVersion), ("command", c.command.rawValue), ("failOn", c.failOn.rawValue)] {
            out += "  "
            JSON.escape(k, into: &out)
            out += ": "
            JSON.escape(v, into: &out)
            out += ",\n"
        }
        out += "  \"profiles\": ["
        hasher.update(out)
        return out
    }

    /// The entry pretty-printed, and its canonical (compact) form for the digest: both rendered on
    /// the worker threads.
    public func fragment(_ e: RunResult.Entry, _ c: RunContext) -> ReportFragment {
        let (pretty, canonical) = Self.entry(c, e).writePrettyAndCanonical(indent: 2)
        return ReportFragment(pretty, canonical: canonical)
    }

    public mutating func entry(_ e: RunResult.Entry, fragment: ReportFragment, _ c: RunContext) -> String {
        defer { count += 1 }
        if count > 0 { hasher.updateCanonical([UInt8(ascii: ",")]) }
        hasher.updateCanonical(fragment.canonical ?? CanonicalJSONHasher.compact(fragment.text))
        return (count == 0 ? "\n    " : ",\n    ") + fragment.text
    }

    public mutating func footer(_ s: RunSummary, _ c: RunContext) -> String { finish(s, c).text }

    /// The closing text and the result's digest: other formats report the same digest, so an
    /// audit can recompute it from `--format json` output.
    public mutating func finish(_ s: RunSummary, _ c: RunContext) -> (text: String, digest: String) {
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
        hasher.update(out + "}")
        let digest = hasher.finalizeHex()
        return (out + ",\n  \"digest\": \"\(digest)\"\n}\n", digest)
    }

    /// The digest of a whole in-memory run's JSON result.
    public static func digest(_ run: RunResult) -> String {
        var r = JSONReporter()
        _ = r.header(run.context)
        var summary = RunSummary()
        for e in run.entries {
            summary.add(e, run.context)
            _ = r.entry(e, fragment: r.fragment(e, run.context), run.context)
        }
        return r.finish(summary, run.context).digest
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
                o["ledger"] = r.ledger.map { Self.ledgerSummary($0) } ?? .null
                o["controls"] = .array(r.controls.map { s in
                    .object(["id": .string(s.controlId), "tier": .int(s.tier), "title": .string(s.title),
                             "state": .string(s.state.rawValue), "evidence": .array(s.evidence.map(JSON.string)),
                             "location": location(s.location)])
                })
            }
            return .object(o)
        }
    }

    /// The ledger as `check` reports it: section statuses and the index (`aslmh ledger` has the details).
    public static func ledgerSummary(_ l: LedgerScore) -> JSON {
        .object([
            "id": .string(l.ledgerId), "version": .string(l.version), "applies": .bool(l.applies),
            "caci": .int(l.caci), "caciMax": .int(l.caciMax),
            "sectionsPassed": .int(l.sectionsPassed), "sectionsPartial": .int(l.sectionsPartial), "sectionsFailed": .int(l.sectionsFailed),
            "testsPassed": .int(l.testsPassed), "testsTotal": .int(l.testsTotal),
            "minimumStructuralConditionsMet": .bool(l.minimumStructuralConditionsMet),
            "sections": .array(l.sections.map { .object(["id": .string($0.id), "title": .string($0.title), "status": .string($0.status.rawValue)]) }),
        ])
    }

    /// The full scorecard (`aslmh ledger --format json`): every test with its evidence or reasons.
    public static func ledgerDetail(_ l: LedgerScore) -> JSON {
        guard case .object(var o) = ledgerSummary(l) else { return .null }
        o["sections"] = .array(l.sections.map { s in
            .object(["id": .string(s.id), "title": .string(s.title), "status": .string(s.status.rawValue),
                     "tests": .array(s.tests.map { t in
                         .object(["id": .string(t.id), "question": .string(t.question), "result": .string(t.passed ? "PASS" : "FAIL"),
                                  "evidence": .array(t.evidence.map(JSON.string)), "reasons": .array(t.reasons.map(JSON.string))])
                     })])
        })
        o["suites"] = .array(l.suites.map { .object(["suite": .string($0.suite), "cases": .int($0.cases), "passed": .bool($0.passed),
                                                     "failures": .array($0.failures.map(JSON.string)), "source": .string($0.source)]) })
        return .object(o)
    }

    public static func jurisdiction(_ v: JurisdictionVerdict) -> JSON {
        .object([
            "id": .string(v.overlayId),
            "name": .string(v.name),
            "law": .object(["citation": .string(v.law.citation), "effective": .string(v.law.effective.description)]),
            "verified": .string(v.verified.description),
            "market": .object(["value": .string(v.market.value), "location": location(v.market.location)]),
            "inForce": .bool(v.inForce),
            "inScope": .bool(v.inScope),
            "scopeReads": .array(v.scopeReads.map { .object(["field": .string($0.field), "value": .string($0.value), "location": location($0.location)]) }),
            "scopeUnmet": .array(v.scopeUnmet.map(JSON.string)),
            "obligations": .array(v.obligations.map { o in
                // The obligation's text and source sentence are catalogue data: `aslmh explain ID`.
                .object(["id": .string(o.id), "kind": .string(o.kind.rawValue), "status": .string(o.status.rawValue),
                         "effective": .string(o.effective.description), "control": .from(o.control), "source": .string(o.source.document)])
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
