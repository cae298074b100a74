import Foundation
import Testing

@testable import ASLMHGuard

/// One guard for all tests: built once, immutable, shared.
let standardGuard: Guard = {
    do { return try Guard() } catch { fatalError("the embedded lexicons do not load: \(error)") }
}()

/// The package root, found from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The development set beside the repository (present in CI).
let devSetURL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/guard-dev/messages.jsonl")
let heldOutURL = packageRoot.appendingPathComponent("Tests/ASLMHGuardTests/Fixtures/heldout.jsonl")

func readLines(_ url: URL) -> [String]? {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

/// Runs a labelled JSONL file through a scanner and returns the evaluation and the per-line results.
func evaluate(_ lines: [String], using safetyGuard: Guard = standardGuard)
    -> (GuardEvaluation, [(line: Int, record: GuardInputRecord, result: GuardResult)])
{
    var scanner = GuardScanner(safetyGuard: safetyGuard)
    var evaluation = GuardEvaluation()
    var rows: [(Int, GuardInputRecord, GuardResult)] = []
    for (n, line) in lines.enumerated() {
        let out = scanner.scan(line: line, number: n + 1)
        if let record = out.record, let result = out.result {
            evaluation.add(line: n + 1, record: record, result: result)
            rows.append((n + 1, record, result))
        }
    }
    return (evaluation, rows)
}

extension GuardResult {
    /// Whether an entry fired without any context lowering it.
    func fired(_ rule: String) -> Bool {
        matches.contains { $0.rule == rule && $0.context == nil }
    }
}
