/// What changed between an approval and the profile as it is now, in words a reviewer reads.
public enum ApprovalDiff {
    public static func changes(_ a: Approval, now report: ProfileReport, catalogVersion: String) -> [String] {
        var out: [String] = []
        let tier = report.classification.tier
        if a.tier != tier { out.append("tier \(a.tier) → \(tier)") }
        if a.catalogVersion != catalogVersion { out.append("catalogue \(a.catalogVersion) → \(catalogVersion)") }
        let was = a.declared
        let now = ApprovedDeclaration(report.profile)
        list("capability", was.capabilities, now.capabilities, into: &out)
        list("audience", was.audience, now.audience, into: &out)
        list("setting", was.settings, now.settings, into: &out)
        list("market", was.markets, now.markets, into: &out)
        list("locale", was.locales, now.locales, into: &out)
        if was.autonomy != now.autonomy { out.append("autonomy \(was.autonomy ?? "none given") → \(now.autonomy ?? "none given")") }
        if was.tierOverride != now.tierOverride {
            out.append("tier override \(was.tierOverride.map(String.init) ?? "none") → \(now.tierOverride.map(String.init) ?? "none")")
        }
        for id in Set(was.controls.keys).union(now.controls.keys).sorted() {
            switch (was.controls[id], now.controls[id]) {
            case (nil, .some): out.append("control `\(id)` added")
            case (.some, nil): out.append("control `\(id)` removed")
            case (let w?, let n?):
                if w.evidence != n.evidence { out.append("control `\(id)` evidence changed") }
                if w.owner != n.owner { out.append("control `\(id)` owner changed") }
                if w.reviewed != n.reviewed {
                    out.append("control `\(id)` reviewed \(w.reviewed?.description ?? "never") → \(n.reviewed?.description ?? "never")")
                }
                if w.reviewCycleDays != n.reviewCycleDays { out.append("control `\(id)` review cycle changed") }
            default: break
            }
        }
        if out.isEmpty && a.profileSHA256 != CanonicalProfile.digest(report.profile) {
            out.append("profile content changed (intended use, product name, team, contact or override reason)")
        }
        return out
    }

    static func list(_ noun: String, _ was: [String], _ now: [String], into out: inout [String]) {
        let w = Set(was), n = Set(now)
        for v in n.subtracting(w).sorted() { out.append("\(noun) `\(v)` added") }
        for v in w.subtracting(n).sorted() { out.append("\(noun) `\(v)` removed") }
    }
}
