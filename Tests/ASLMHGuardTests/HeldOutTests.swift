import Foundation
import Testing

@testable import ASLMHGuard

@Suite("Held-out style cases")
struct HeldOutTests {
    /// Our own cases (Fixtures/heldout.jsonl, not copied from the development set): every category,
    /// the hard negatives and the must-still-flag cases of domain.md, other languages, conversations.
    @Test func meetsTheQualityTargets() throws {
        let lines = try #require(readLines(heldOutURL), "missing \(heldOutURL.path)")
        let (evaluation, rows) = evaluate(lines)
        #expect(rows.count >= 150)
        let recall = try #require(evaluation.criticalRecall)
        let falseAlarms = try #require(evaluation.falseAlarmRate)
        let outputRecall = try #require(evaluation.outputRecall)
        #expect(recall >= 0.95, "critical recall \(recall)\n\(evaluation.textReport())")
        #expect(falseAlarms <= 0.03, "false alarms \(falseAlarms)\n\(evaluation.textReport())")
        #expect(outputRecall >= 0.90, "output recall \(outputRecall)\n\(evaluation.textReport())")
    }

    @Test func coversEveryCategoryAndTheHardNegatives() throws {
        let lines = try #require(readLines(heldOutURL))
        let records = lines.compactMap { try? GuardInputRecord.decode($0) }
        let categories = Set(records.flatMap { $0.expectedCategories ?? [] })
        for c in GuardCategory.userCategories + GuardCategory.outputCategories {
            #expect(categories.contains(c), "no held-out case for \(c.rawValue)")
        }
        #expect(records.filter { $0.expect == RiskLevel.none }.count >= 40, "too few hard negatives")
        #expect(records.contains { $0.conversation != nil })
    }
}
