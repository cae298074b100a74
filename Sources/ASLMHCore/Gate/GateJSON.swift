/// The gate result as JSON (schema `aslmh/gate/v1`) with its `digest`.
///
/// Digest recipe: take the document, remove the top-level `digest` key, write the rest as compact
/// canonical JSON (`JSON.rendered(pretty: false)`: object keys sorted by code point, no whitespace,
/// strings escaped as `\"`, `\\`, `\n`, `\r`, `\t`, other control characters as `\u00xx`, all
/// other characters as UTF-8), and take the SHA-256 of those bytes, in lowercase hex.
/// Python: `hashlib.sha256(json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()`.
public enum GateJSON {
    public static let schemaID = "aslmh/gate/v1"

    /// The document without its digest: what the digest is computed over.
    public static func body(_ g: GateResult) -> [String: JSON] {
        [
            "schema": .string(schemaID),
            "asOf": .string(g.asOf.description),
            "catalogVersion": .string(g.catalogVersion),
            "policy": .object(["failOn": .string(g.policy.failOn.rawValue), "minApprovalTier": .int(g.policy.minApprovalTier)]),
            "inputs": .object(["approvals": .from(g.inputs.approvals), "waivers": .from(g.inputs.waivers), "baseline": .from(g.inputs.baseline)]),
            "decision": .string(g.decision.rawValue),
            "products": .array(g.entries.map(entry)),
            "summary": .object([
                "profiles": .int(g.entries.count), "ship": .int(g.count(.ship)), "blocked": .int(g.count(.blocked)),
                "inputErrors": .int(g.count(.error)),
                "findings": .object([
                    "blocking": .int(g.entries.map { $0.count(.blocking) }.reduce(0, +)),
                    "waived": .int(g.entries.map { $0.count(.waived) }.reduce(0, +)),
                    "baselined": .int(g.entries.map { $0.count(.baselined) }.reduce(0, +)),
                    "nonBlocking": .int(g.entries.map { $0.count(.nonBlocking) }.reduce(0, +)),
                ]),
                "exitCode": .int(Int(g.exitCode)),
            ]),
        ]
    }

    /// SHA-256 of the canonical JSON of `body`.
    public static func digest(_ g: GateResult) -> String { digest(body: .object(body(g))) }

    /// SHA-256 of a document's canonical form with any top-level `digest` removed: how an audit recomputes it.
    public static func digest(body: JSON) -> String {
        var doc = body
        if case .object(var o) = doc {
            o["digest"] = nil
            doc = .object(o)
        }
        return SHA256.hex(doc.rendered(pretty: false))
    }

    public static func render(_ g: GateResult) -> String {
        var o = body(g)
        o["digest"] = .string(digest(body: .object(o)))
        return JSON.object(o).rendered()
    }

    static func entry(_ e: GateEntry) -> JSON {
        var o: [String: JSON] = [
            "path": .string(e.path),
            "decision": .string(e.decision.rawValue),
            "reasons": .array(e.reasons.map(JSON.string)),
            "errors": .array(e.inputErrors.map(JSONReporter.error)),
            "findings": .array(e.items.map(item)),
            "approval": approval(e.approval),
            "unusedWaivers": .array(e.unusedWaivers.map(waiver)),
        ]
        if let r = e.report {
            o["product"] = JSONReporter.product(r.profile)
            o["tier"] = .int(r.classification.tier)
            o["tierName"] = .string(r.tierName)
            o["profileSHA256"] = .string(CanonicalProfile.digest(r.profile))
        } else {
            o["product"] = .null
            o["tier"] = .null
        }
        return .object(o)
    }

    static func item(_ i: GateItem) -> JSON {
        .object([
            "id": .string(i.id), "kind": .string(i.kind), "severity": .string(i.severity.rawValue),
            "message": .string(i.message), "remediation": .string(i.remediation),
            "location": JSONReporter.location(i.location), "source": .string(i.source.rawValue),
            "disposition": .string(i.disposition.rawValue), "waiver": i.waiver.map(waiver) ?? .null,
        ])
    }

    static func waiver(_ w: Waiver) -> JSON {
        .object([
            "product": .string(w.productId), "finding": .string(w.findingId), "justification": .string(w.justification),
            "approver": .string(w.approver), "granted": .string(w.granted.description), "expires": .string(w.expires.description),
            "location": JSONReporter.location(w.location),
        ])
    }

    static func approval(_ s: ApprovalState) -> JSON {
        var o: [String: JSON] = ["status": .string(s.name)]
        if let a = s.approval {
            o["reviewer"] = .string(a.reviewer)
            o["date"] = .string(a.date.description)
            o["note"] = .string(a.note)
            o["tier"] = .int(a.tier)
            o["catalogVersion"] = .string(a.catalogVersion)
            o["profileSHA256"] = .string(a.profileSHA256)
            o["acceptedFindings"] = .array(a.acceptedFindings.map(JSON.string))
        }
        if case .stale(_, let changes) = s { o["changes"] = .array(changes.map(JSON.string)) }
        return .object(o)
    }
}
