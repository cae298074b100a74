import Foundation
import Testing

@testable import ASLMHGuard

@Suite("Crisis resources")
struct CrisisResourceTests {
    @Test func tableHasAtLeastFifteenCountriesWithSourcesAndDates() throws {
        let table = try LexiconData.embedded().resources
        let countries = Set(table.resources.map(\.country)).subtracting(["EU", "INTL"])
        #expect(countries.count >= 15)
        for r in table.resources {
            #expect(r.source.hasPrefix("https://"), "\(r.country) source")
            #expect(r.verified.count == 10 && r.verified.split(separator: "-").count == 3, "\(r.country) verified date")
            #expect(!r.verification.isEmpty && !r.contacts.isEmpty)
        }
    }

    @Test func staleNumbersAreAbsent() throws {
        let table = try LexiconData.embedded().resources
        let numbers = table.resources.flatMap { $0.contacts.map(\.value) }
        #expect(!numbers.contains { $0.contains("1393") })
        #expect(!numbers.contains { $0.contains("833-456-4566") || $0.contains("833 456 4566") })
        #expect(table.resources(forLocale: "ko-KR").first?.contacts.first?.value == "109")
        #expect(table.resources(forLocale: "fr-CA").first?.contacts.first?.value == "988")
    }

    @Test(arguments: [
        ("en-US", "US"), ("en_GB", "GB"), ("fr-CA", "CA"), ("de", "DE"), ("pt", "BR"), ("pt-PT", "EU"),
        ("it-IT", "EU"), ("ja", "JP"), ("zz", "INTL"), ("", "INTL"), ("AU", "AU"),
    ])
    func localeFallbacks(locale: String, country: String) throws {
        let table = try LexiconData.embedded().resources
        #expect(table.resources(forLocale: locale).first?.country == country)
    }

    @Test func resultCarriesResourcesForTheConfiguredLocale() throws {
        let g = try Guard(configuration: .default(forTier: 3, locale: "es-ES"))
        let r = g.check("quiero morirme", role: .user)
        #expect(r.resources.first?.country == "ES")
    }
}
