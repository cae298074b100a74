import ASLMHGuard
import ArgumentParser
import Foundation

/// Plain options for the guard commands.
struct GuardSettings {
    var configPath: String?
    var tier: Int?
    var locale: String?
    var isResearch: Bool
}

/// The edge of the guard: files, standard streams and exit codes. The checking itself is the
/// library's (`Guard`, `GuardScanner`, `GuardEvaluation`).
enum GuardRunner {
    struct Summary {
        var lines: Int
        var malformedLines: Int
    }

    struct EvalOutcome {
        var malformedLines: Int
        var gateFailures: [String]
    }

    /// Builds the guard, printing configuration problems and exiting with 2.
    static func makeGuard(_ settings: GuardSettings) throws -> Guard {
        do {
            var configuration: GuardConfiguration
            if let path = settings.configPath {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw GuardError.invalidConfiguration("cannot read \(path)")
                }
                configuration = try GuardConfiguration.decode(json: String(decoding: data, as: UTF8.self))
            } else if let tier = settings.tier {
                configuration = .default(forTier: tier)
            } else {
                configuration = .standard
            }
            if let locale = settings.locale { configuration.locale = locale }
            return try Guard(configuration: configuration, environment: GuardEnvironment(isResearch: settings.isResearch))
        } catch let error as GuardError {
            let prefix = settings.configPath.map { "\($0): " } ?? ""
            GuardOutput.error("error: \(prefix)\(error)")
            throw ExitCode(2)
        }
    }

    static func scan(input: String, settings: GuardSettings) throws -> Summary {
        let safetyGuard = try makeGuard(settings)
        let reader = try openReader(input)
        var scanner = GuardScanner(safetyGuard: safetyGuard)
        var out = GuardOutput()
        var number = 0
        while let line = reader.nextLine() {
            number += 1
            let result = scanner.scan(line: line, number: number)
            if let text = result.output { out.writeLine(text) }
            report(result, path: input, line: number)
        }
        out.flush()
        if scanner.malformedLines > 0 {
            GuardOutput.error("\(scanner.malformedLines) malformed line(s) of \(number)")
        }
        return Summary(lines: number, malformedLines: scanner.malformedLines)
    }

    static func evaluate(
        file: String, settings: GuardSettings, minRecall: Double?, maxFalseAlarms: Double?, format: GuardReportFormat
    ) throws -> EvalOutcome {
        let safetyGuard = try makeGuard(settings)
        let reader = try openReader(file)
        var scanner = GuardScanner(safetyGuard: safetyGuard)
        var evaluation = GuardEvaluation()
        var number = 0
        while let line = reader.nextLine() {
            number += 1
            let result = scanner.scan(line: line, number: number)
            report(result, path: file, line: number)
            if let record = result.record, let r = result.result { evaluation.add(line: number, record: record, result: r) }
        }
        var out = GuardOutput()
        let failures = evaluation.gateFailures(minRecall: minRecall, maxFalseAlarms: maxFalseAlarms)
        switch format {
        case .text:
            out.write(evaluation.textReport())
            if minRecall != nil || maxFalseAlarms != nil {
                out.writeLine(failures.isEmpty ? "gate: passed" : "gate: FAILED — " + failures.joined(separator: "; "))
            }
        case .json:
            out.writeLine(evaluation.jsonReport())
        }
        out.flush()
        return EvalOutcome(malformedLines: scanner.malformedLines, gateFailures: failures)
    }

    static func check(text: String, role: Role, settings: GuardSettings) throws {
        let safetyGuard = try makeGuard(settings)
        let result = safetyGuard.check(text, role: role)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var out = GuardOutput()
        out.writeLine(String(decoding: try encoder.encode(result), as: UTF8.self))
        out.flush()
    }

    /// `path:line:column` for a message on standard error (`<stdin>` for `-`).
    static func location(_ path: String, _ line: Int, _ column: Int) -> String {
        "\(path == "-" ? "<stdin>" : path):\(line):\(column)"
    }

    /// A malformed line on standard error, located; its JSONL error line carries the same message.
    static func report(_ result: ScanLine, path: String, line: Int) {
        guard let error = result.lineError else { return }
        GuardOutput.error("\(location(path, line, error.column)): \(error.message)")
    }

    static func openReader(_ path: String) throws -> GuardLineReader {
        if path == "-" {
            guard let input = fdopen(0, "rb") else { throw ExitCode(2) }
            return GuardLineReader(file: input, owned: false)
        }
        guard let file = fopen(path, "rb") else {
            GuardOutput.error("error: cannot read \(path)")
            throw ExitCode(2)
        }
        return GuardLineReader(file: file, owned: true)
    }

    /// One line per input line: the id and the sorted features of its text.
    static func features(input: String) throws {
        let safetyGuard = try Guard.featureReader()
        let reader = try openReader(input)
        var out = GuardOutput()
        var number = 0
        var malformed = 0
        while let line = reader.nextLine() {
            number += 1
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let record: GuardInputRecord
            do {
                record = try GuardInputRecord.decode(line)
            } catch {
                malformed += 1
                GuardOutput.error("\(location(input, number, error.column)): \(error.message)")
                continue
            }
            let value = safetyGuard.features(record.text, role: record.role)
            let data = try JSONSerialization.data(
                withJSONObject: ["id": record.idText, "features": value], options: [.sortedKeys])
            out.writeLine(String(decoding: data, as: UTF8.self))
        }
        out.flush()
        if malformed > 0 { throw ExitCode(2) }
    }
}
