import Foundation

/// Everything under `lexicons/`, decoded and checked: entries, context rules, word classes,
/// spellings and the crisis-resources table.
public struct LexiconData: Sendable {
    // Changing what the engine is compiled from starts a new engine cache.
    public var entries: [LexiconEntry] { didSet { engines = EngineCache() } }
    public var contexts: [ContextRule] { didSet { engines = EngineCache() } }
    public var classes: [String: [String]] { didSet { engines = EngineCache() } }
    public var spellings: [String: [String]] { didSet { engines = EngineCache() } }
    public var resources: CrisisResourceTable
    /// The statistical layer (`lexicons/model/`), when the data has one.
    public var model: GuardModel? { didSet { engines = EngineCache() } }
    /// The engine compiled from this data, shared by the guards made from it.
    var engines = EngineCache()
    /// Where each entry and context rule was defined (path under the package root).
    public var origin: [String: String]

    static let lexiconSchema = "aslmh/lexicon/v1"
    static let contextSchema = "aslmh/lexicon-contexts/v1"
    static let wordClassSchema = "aslmh/word-classes/v1"
    static let resourcesSchema = "aslmh/crisis-resources/v1"

    /// The data built into the library (decoded once per process).
    public static func embedded() throws -> LexiconData {
        try embeddedResult.get()
    }

    private static let embeddedResult: Result<LexiconData, any Error> = Result { try load(files: EmbeddedData.files) }

    /// Decodes a set of data files (`path`, `text`); `.md` files are documentation and skipped.
    public static func load(files: [(path: String, text: String)]) throws -> LexiconData {
        var data = LexiconData(
            entries: [], contexts: [], classes: [:], spellings: [:],
            resources: CrisisResourceTable(schema: resourcesSchema, resources: []), model: nil, origin: [:])
        let decoder = JSONDecoder()
        for file in files where file.path.hasSuffix(".json") {
            let bytes = Data(file.text.utf8)
            let schema: String
            do {
                guard let object = try JSONSerialization.jsonObject(with: bytes) as? [String: Any],
                    let s = object["schema"] as? String
                else { throw GuardError.invalidData(file: file.path, message: "expected an object with a 'schema' key") }
                schema = s
            } catch let error as GuardError {
                throw error
            } catch {
                throw GuardError.invalidData(file: file.path, message: "not valid JSON: \(error.localizedDescription)")
            }
            do {
                switch schema {
                case lexiconSchema:
                    let f = try decoder.decode(LexiconFile.self, from: bytes)
                    for e in f.entries { try data.register(e.id, file.path) }
                    data.entries += f.entries
                case contextSchema:
                    let f = try decoder.decode(ContextFile.self, from: bytes)
                    for r in f.rules { try data.register(r.id, file.path) }
                    data.contexts += f.rules
                case wordClassSchema:
                    let f = try decoder.decode(WordClassFile.self, from: bytes)
                    data.classes.merge(f.classes) { a, b in a + b }
                    data.spellings.merge(f.spellings) { a, b in a + b }
                case GuardModel.schema:
                    if data.model != nil { throw GuardError.invalidData(file: file.path, message: "a second model file") }
                    // The weight tables sit beside the model file (`<role>-weights.tsv`).
                    let folder = file.path.split(separator: "/").dropLast().joined(separator: "/")
                    data.model = try GuardModel.decode(bytes, file: file.path) { name in
                        files.first { $0.path == (folder.isEmpty ? name : folder + "/" + name) }?.text
                    }
                case resourcesSchema:
                    let f = try decoder.decode(CrisisResourceTable.self, from: bytes)
                    data.resources.resources += f.resources
                default:
                    throw GuardError.invalidData(file: file.path, message: "unknown schema '\(schema)'")
                }
            } catch let error as GuardError {
                throw error
            } catch let error as DecodingError {
                throw GuardError.invalidData(file: file.path, message: describe(error))
            }
        }
        try data.check()
        return data
    }

    private mutating func register(_ id: String, _ path: String) throws {
        if let earlier = origin[id] {
            throw GuardError.invalidData(file: path, message: "duplicate id '\(id)' (first in \(earlier))")
        }
        origin[id] = path
    }

    private func check() throws {
        for e in entries {
            let path = origin[e.id] ?? "lexicons"
            if e.patterns.isEmpty { throw GuardError.invalidData(file: path, message: "\(e.id): no patterns") }
            if e.examples.match.isEmpty { throw GuardError.invalidData(file: path, message: "\(e.id): no match examples") }
            if e.source.trimmingCharacters(in: .whitespaces).isEmpty {
                throw GuardError.invalidData(file: path, message: "\(e.id): empty source")
            }
        }
        for r in contexts where r.patterns.isEmpty || r.examples.match.isEmpty {
            throw GuardError.invalidData(file: origin[r.id] ?? "lexicons", message: "\(r.id): needs patterns and match examples")
        }
    }
}

func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
    switch error {
    case .keyNotFound(let key, let ctx): return "missing key '\(key.stringValue)' at \(path(ctx.codingPath))"
    case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
        return "\(ctx.debugDescription) at \(path(ctx.codingPath))"
    @unknown default: return "\(error)"
    }
}
