import Foundation
import Testing

@testable import ASLMHGuard

@Suite("Development set")
struct DevSetTests {
    /// Every line of ../shared/guard-dev/messages.jsonl: level exactly and categories as a set,
    /// conversations processed in file order.
    @Test func everyDevelopmentCaseIsRight() throws {
        guard let lines = readLines(devSetURL) else {
            Issue.record("development set not found at \(devSetURL.path); it is required in CI")
            return
        }
        let (evaluation, rows) = evaluate(lines)
        #expect(rows.count >= 60)
        for row in rows {
            #expect(row.result.level == row.record.expect, "\(row.record.idText): level \(row.result.level), expected \(row.record.expect?.rawValue ?? "?")")
            #expect(Set(row.result.categories) == Set(row.record.expectedCategories ?? []), "\(row.record.idText): categories \(row.result.categories.map(\.rawValue)), expected \((row.record.expectedCategories ?? []).map(\.rawValue))")
        }
        #expect(evaluation.exact == evaluation.total, "\(evaluation.textReport())")
    }
}
