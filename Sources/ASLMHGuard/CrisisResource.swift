/// A way to reach a crisis line.
public struct CrisisContact: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case call, text, chat, web }
    public var kind: Kind
    public var value: String
    public var note: String?

    public init(kind: Kind, value: String, note: String? = nil) {
        self.kind = kind
        self.value = value
        self.note = note
    }
}

/// One crisis line for a country or region, with where the number comes from and when it was
/// last checked.
public struct CrisisResource: Codable, Sendable, Equatable {
    /// ISO 3166-1 alpha-2 code, or `EU` / `INTL` for the fallbacks.
    public var country: String
    public var name: String
    public var contacts: [CrisisContact]
    public var languages: [String]
    public var source: String
    /// ISO date (YYYY-MM-DD) the entry was last verified.
    public var verified: String
    /// What the verification was checked against.
    public var verification: String

    public init(
        country: String, name: String, contacts: [CrisisContact], languages: [String], source: String,
        verified: String, verification: String
    ) {
        self.country = country
        self.name = name
        self.contacts = contacts
        self.languages = languages
        self.source = source
        self.verified = verified
        self.verification = verification
    }
}

/// The crisis-resources table (`lexicons/crisis-resources.json`) and the locale fallback rules:
/// 1. the locale's region (`en-CA`, `fr_CA` → CA) if the table has it;
/// 2. a language-only locale uses its usual country (`de` → DE, `pt` → BR, `en` → US, …);
/// 3. a European Union country missing from the table gets the `EU` entry (112, 116 123);
/// 4. anything else gets the `INTL` entry (local emergency number).
public struct CrisisResourceTable: Codable, Sendable, Equatable {
    public var schema: String
    public var resources: [CrisisResource]

    static let defaultCountryForLanguage: [String: String] = [
        "en": "US", "es": "ES", "fr": "FR", "de": "DE", "pt": "BR", "nl": "NL", "ja": "JP", "ko": "KR",
        "hi": "IN", "ga": "IE", "mi": "NZ",
    ]
    static let euCountries: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ]

    /// The country code a locale resolves to (before fallbacks), e.g. `"fr-CA"` → `"CA"`.
    public static func country(forLocale locale: String) -> String {
        let parts = locale.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).map(String.init)
        // A bare upper-case code is a country: "US", "GB".
        if parts.count == 1, locale.count == 2, locale == locale.uppercased() { return locale }
        if let region = parts.dropFirst().first(where: { $0.count == 2 && $0.allSatisfy(\.isLetter) }) {
            return region.uppercased()
        }
        if let language = parts.first?.lowercased(), let country = defaultCountryForLanguage[language] {
            return country
        }
        return "INTL"
    }

    /// Resources for a locale, following the fallback rules above.
    public func resources(forLocale locale: String) -> [CrisisResource] {
        let country = Self.country(forLocale: locale)
        let direct = resources.filter { $0.country == country }
        if !direct.isEmpty { return direct }
        if Self.euCountries.contains(country) {
            let eu = resources.filter { $0.country == "EU" }
            if !eu.isEmpty { return eu }
        }
        return resources.filter { $0.country == "INTL" }
    }
}
