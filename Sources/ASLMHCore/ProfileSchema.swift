/// The profile format as JSON Schema (draft 2020-12), generated from the catalogue so editors
/// autocomplete exactly the vocabulary the engine accepts.
public enum ProfileSchema {
    /// `extraControls`: the jurisdiction-overlay and ledger controls a profile may also declare.
    public static func document(_ catalog: Catalog, extraControls: [OverlayControl] = []) -> JSON {
        func str(_ description: String) -> JSON { .object(["type": .string("string"), "minLength": .int(1), "description": .string(description)]) }
        func terms(_ ts: [Term], _ description: String) -> JSON {
            .object([
                "type": .string("array"), "minItems": .int(1), "uniqueItems": .bool(true), "description": .string(description),
                "items": .object(["oneOf": .array(ts.map { .object(["const": .string($0.id), "title": .string($0.title), "description": .string($0.description)]) })]),
            ])
        }
        let evidenceItem: JSON = .object(["type": .string("string"), "minLength": .int(1),
                                          "description": .string("A URL (http/https) or a path relative to the profile's folder.")])
        let control: JSON = .object([
            "type": .array([.string("object"), .string("null")]),
            "additionalProperties": .bool(false),
            "properties": .object([
                "evidence": .object(["description": .string("Where a reviewer can confirm the control: URL(s) or repository path(s)."),
                                     "oneOf": .array([evidenceItem, .object(["type": .string("array"), "items": evidenceItem, "minItems": .int(1)])])]),
                "owner": str("The person or team accountable for the control."),
                "reviewed": .object(["type": .string("string"), "pattern": .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), "description": .string("Date of the last review, YYYY-MM-DD.")]),
                "review_cycle_days": .object(["type": .string("integer"), "minimum": .int(1), "maximum": .int(3650),
                                              "description": .string("How often the control is reviewed; the catalogue's maximum still applies.")]),
                "notes": .object(["type": .string("string")]),
            ]),
        ])
        var controls: [String: JSON] = [:]
        for c in catalog.controls {
            var schema: [String: JSON] = ["description": .string("\(c.title) (mandatory from ASL-MH \(c.tier)). \(c.description) Satisfied by: \(c.satisfiedBy)")]
            schema["$ref"] = .string("#/$defs/control")
            controls[c.id] = .object(schema)
        }
        for c in extraControls where controls[c.id] == nil {
            controls[c.id] = .object(["$ref": .string("#/$defs/control"),
                                      "description": .string("\(c.title) (required by a law or the Therapy Mode Safety Ledger). \(c.description) Satisfied by: \(c.satisfiedBy)")])
        }
        return .object([
            "$schema": .string("https://json-schema.org/draft/2020-12/schema"),
            "$id": .string("urn:aslmh:profile:v1"),
            "title": .string("aslmh product profile (schema aslmh/profile/v1, catalogue \(catalog.version))"),
            "type": .string("object"),
            "additionalProperties": .bool(false),
            "required": .array(["schema", "product", "intended_use", "audience", "settings", "capabilities", "autonomy"].map(JSON.string)),
            "$defs": .object(["control": control]),
            "properties": .object([
                "schema": .object(["const": .string("aslmh/profile/v1")]),
                "product": .object([
                    "type": .string("object"), "additionalProperties": .bool(false),
                    "required": .array(["id", "name", "version", "team", "contact"].map(JSON.string)),
                    "properties": .object([
                        "id": .object(["type": .string("string"), "pattern": .string("^[a-z0-9_-]+$"), "description": .string("Stable product id (lowercase slug).")]),
                        "name": str("Product name as users see it."),
                        "version": str("The product version this profile describes."),
                        "team": str("The owning team."),
                        "contact": str("How to reach the owning team (email or URL)."),
                    ]),
                ]),
                "intended_use": str("What the product is for, in plain words."),
                "audience": terms(catalog.vocabulary.audiences, "Who can use the product."),
                "settings": terms(catalog.vocabulary.settings, "Where the product is deployed."),
                "capabilities": terms(catalog.vocabulary.capabilities, "What the product does, from the catalogue's closed vocabulary."),
                "autonomy": .object(["enum": .array(catalog.vocabulary.autonomy.map { .string($0.id) }),
                                     "description": .string("How far the product acts on its own, from least to most: " + catalog.vocabulary.autonomy.map(\.id).joined(separator: " < "))]),
                "markets": .object(["type": .string("array"), "uniqueItems": .bool(true), "description": .string("Where the product ships: ISO 3166 codes (US, US-CA, DE) or EU."),
                                    "items": .object(["type": .string("string"), "pattern": .string("^[A-Z]{2}(-[A-Z0-9]{1,3})?$")])]),
                "locales": .object(["type": .string("array"), "uniqueItems": .bool(true), "description": .string("Languages and regions the product serves (en, en-US, es-MX)."),
                                    "items": .object(["type": .string("string"), "pattern": .string("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")])]),
                "controls": .object(["type": .string("object"), "additionalProperties": .bool(false),
                                     "description": .string("Controls the product has in place, each with evidence."),
                                     "properties": .object(controls)]),
                "tier_override": .object([
                    "type": .string("object"), "additionalProperties": .bool(false),
                    "required": .array(["tier", "reason", "approver"].map(JSON.string)),
                    "description": .string("A reviewer's decision to raise the tier. Lowering is refused."),
                    "properties": .object([
                        "tier": .object(["type": .string("integer"), "minimum": .int(1), "maximum": .int(catalog.maxTier)]),
                        "reason": str("Why the tier is raised."),
                        "approver": str("Who approved it."),
                    ]),
                ]),
                "guard_config": str("Path to the runtime guard configuration the product deploys."),
            ]),
        ])
    }
}
