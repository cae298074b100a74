/// The semantic content of a profile as canonical JSON: what a reviewer judged, without
/// comments, whitespace, key order or list order. Its SHA-256 binds an approval to the profile.
///
/// Included: product id, name, team and contact; intended use; audience, settings, capabilities,
/// markets and locales (sorted); autonomy; each control's evidence (sorted), owner, reviewed date
/// and review cycle; the tier override. Left out on purpose: `product.version` (a release that
/// changes nothing the reviewer judged needs no new approval), control `notes`, and locations.
public enum CanonicalProfile {
    public static func json(_ p: Profile) -> JSON {
        var controls: [String: JSON] = [:]
        for c in p.controls {
            controls[c.id.value] = ApprovedControl(c).json
        }
        return .object([
            "product": .object([
                "id": .from(p.product.id?.value), "name": .from(p.product.name?.value),
                "team": .from(p.product.team?.value), "contact": .from(p.product.contact?.value),
            ]),
            "intendedUse": .from(p.intendedUse?.value),
            "audience": sorted(p.audience), "settings": sorted(p.settings), "capabilities": sorted(p.capabilities),
            "markets": sorted(p.markets), "locales": sorted(p.locales),
            "autonomy": .from(p.autonomy?.value),
            "controls": .object(controls),
            "tierOverride": p.tierOverride.map { o in
                .object(["tier": .int(o.tier.value), "reason": .from(o.reason?.value), "approver": .from(o.approver?.value)])
            } ?? .null,
        ])
    }

    /// The compact canonical text (`JSON.rendered(pretty: false)`: sorted keys, no whitespace).
    public static func text(_ p: Profile) -> String { json(p).rendered(pretty: false) }

    /// SHA-256 of the canonical text's UTF-8 bytes, 64 lowercase hex digits.
    public static func digest(_ p: Profile) -> String { SHA256.hex(text(p)) }

    static func sorted(_ values: [Located<String>]) -> JSON { .array(values.map(\.value).sorted().map(JSON.string)) }
}
