/// One input line of the JSONL contract, decoded.
public struct GuardInputRecord: Sendable, Equatable {
    public var id: JSONValue
    public var role: Role
    public var text: String
    public var conversation: String?
    public var replyTo: String?
    /// Labels used by `eval`; ignored by `scan`.
    public var expect: RiskLevel?
    public var expectedCategories: [GuardCategory]?

    /// The id as text (numbers without a fraction print as integers).
    public var idText: String {
        switch id {
        case .string(let s): return s
        default:
            var w = JSONWriter()
            w.value(id)
            return w.out
        }
    }

    /// Decodes a line; the error message says which field is wrong.
    public static func decode(_ line: String) throws(GuardLineError) -> GuardInputRecord {
        let value: JSONValue
        do {
            value = try JSONValue.parse(line)
        } catch let e as JSONParseError {
            throw GuardLineError(id: nil, message: "invalid JSON at \(e)")
        } catch {
            throw GuardLineError(id: nil, message: "invalid JSON")
        }
        guard case .object(let o) = value else { throw GuardLineError(id: nil, message: "expected a JSON object") }
        let id = o["id"]
        guard let id, id != .null else { throw GuardLineError(id: nil, message: "missing \"id\"") }
        switch id {
        case .string, .number: break
        default: throw GuardLineError(id: nil, message: "\"id\" must be a string or a number")
        }
        guard let roleText = o["role"]?.stringValue else {
            throw GuardLineError(id: id, message: "missing or non-string \"role\" (user or assistant)")
        }
        guard let role = Role(rawValue: roleText) else {
            throw GuardLineError(id: id, message: "\"role\" is '\(roleText)', expected user or assistant")
        }
        guard let text = o["text"]?.stringValue else {
            throw GuardLineError(id: id, message: "missing or non-string \"text\"")
        }
        var record = GuardInputRecord(id: id, role: role, text: text)
        switch o["conversation"] {
        case nil, .null?: break
        case .string(let s)?: record.conversation = s
        case .number?: record.conversation = GuardInputRecord(id: o["conversation"]!, role: role, text: "").idText
        default: throw GuardLineError(id: id, message: "\"conversation\" must be a string or a number")
        }
        switch o["reply_to"] {
        case nil, .null?: break
        case .string(let s)?: record.replyTo = s
        case .number?: record.replyTo = GuardInputRecord(id: o["reply_to"]!, role: role, text: "").idText
        default: throw GuardLineError(id: id, message: "\"reply_to\" must be a string or a number")
        }
        if let e = o["expect"], e != .null {
            guard let s = e.stringValue, let level = RiskLevel(rawValue: s) else {
                throw GuardLineError(id: id, message: "\"expect\" must be one of critical, high, medium, low, none")
            }
            record.expect = level
        }
        if let c = o["categories"], c != .null {
            guard case .array(let items) = c else { throw GuardLineError(id: id, message: "\"categories\" must be an array") }
            var cats: [GuardCategory] = []
            for item in items {
                guard let s = item.stringValue, let cat = GuardCategory(rawValue: s), !cat.isSignal else {
                    throw GuardLineError(id: id, message: "unknown category in \"categories\"")
                }
                cats.append(cat)
            }
            record.expectedCategories = cats
        }
        return record
    }

    public init(id: JSONValue, role: Role, text: String, conversation: String? = nil, replyTo: String? = nil) {
        self.id = id
        self.role = role
        self.text = text
        self.conversation = conversation
        self.replyTo = replyTo
    }
}

/// A line that could not be read.
public struct GuardLineError: Error, Equatable, Sendable {
    public var id: JSONValue?
    public var message: String
}

/// What the scanner made of one line.
public struct ScanLine: Sendable {
    /// The JSONL output line (without newline); nil for a blank input line.
    public var output: String?
    public var record: GuardInputRecord?
    public var result: GuardResult?
    public var error: String?
}

/// Streams JSONL lines through a guard, keeping only per-conversation state (bounded), so memory
/// stays constant on any input size. Message text is never logged.
public struct GuardScanner: Sendable {
    public let safetyGuard: Guard
    /// Most conversations and high/critical user turns remembered at once (oldest are forgotten first).
    public static let maxConversations = 50_000
    public static let maxRememberedTurns = 100_000

    private var conversations: [String: Conversation] = [:]
    private var conversationOrder: [String] = []
    private var conversationHead = 0
    private var userLevels: [String: RiskLevel] = [:]
    private var userOrder: [String] = []
    private var userHead = 0
    public private(set) var malformedLines = 0
    public private(set) var lines = 0

    public init(safetyGuard: Guard) { self.safetyGuard = safetyGuard }

    /// Processes line `number` (1-based).
    public mutating func scan(line: String, number: Int) -> ScanLine {
        lines += 1
        if line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            return ScanLine(output: nil, record: nil, result: nil, error: nil)
        }
        let record: GuardInputRecord
        do {
            record = try GuardInputRecord.decode(line)
        } catch {
            malformedLines += 1
            let message = "line \(number): \(error.message)"
            var w = JSONWriter()
            w.raw("{\"error\":")
            w.string(message)
            w.raw(",\"id\":")
            w.value(error.id ?? .null)
            w.raw("}")
            return ScanLine(output: w.out, record: nil, result: nil, error: message)
        }
        let result = check(record)
        return ScanLine(output: Self.encode(id: record.id, result: result), record: record, result: result, error: nil)
    }

    private mutating func check(_ record: GuardInputRecord) -> GuardResult {
        var result: GuardResult
        if let key = record.conversation {
            var state = conversations[key] ?? Conversation()
            if record.role == .assistant, let replyTo = record.replyTo, let level = userLevels[replyTo] {
                result = safetyGuard.check(record.text, role: .assistant, replyingTo: level)
            } else {
                result = state.process(record.text, role: record.role, using: safetyGuard)
            }
            if conversations[key] == nil { remember(conversation: key) }
            conversations[key] = state
        } else if record.role == .assistant {
            let level = record.replyTo.flatMap { userLevels[$0] }
            result = safetyGuard.check(record.text, role: .assistant, replyingTo: level)
        } else {
            result = safetyGuard.check(record.text, role: .user)
        }
        // Only turns an assistant reply can mishandle are remembered (bounded, oldest forgotten).
        if record.role == .user && result.level >= .high { remember(user: record.idText, level: result.level) }
        return result
    }

    private mutating func remember(conversation key: String) {
        conversationOrder.append(key)
        if conversationOrder.count - conversationHead > Self.maxConversations {
            conversations[conversationOrder[conversationHead]] = nil
            conversationHead += 1
        }
        if conversationHead > 4096 && conversationHead * 2 > conversationOrder.count {
            conversationOrder.removeFirst(conversationHead)
            conversationHead = 0
        }
    }

    private mutating func remember(user id: String, level: RiskLevel) {
        if userLevels.updateValue(level, forKey: id) == nil { userOrder.append(id) }
        if userOrder.count - userHead > Self.maxRememberedTurns {
            userLevels[userOrder[userHead]] = nil
            userHead += 1
        }
        if userHead > 4096 && userHead * 2 > userOrder.count {
            userOrder.removeFirst(userHead)
            userHead = 0
        }
    }

    /// The output line: sorted keys, `resources` and `rules` only when not empty.
    public static func encode(id: JSONValue, result: GuardResult) -> String {
        var w = JSONWriter()
        w.raw("{\"action\":")
        w.stringArray(result.actions.map(\.rawValue))
        w.raw(",\"categories\":")
        w.stringArray(result.categories.map(\.rawValue))
        w.raw(",\"id\":")
        w.value(id)
        w.raw(",\"matches\":[")
        for (n, m) in result.matches.enumerated() {
            if n > 0 { w.raw(",") }
            w.raw("{\"category\":")
            w.string(m.category.rawValue)
            if let c = m.context {
                w.raw(",\"context\":")
                w.string(c)
            }
            w.raw(",\"level\":")
            w.string(m.level.rawValue)
            w.raw(",\"rule\":")
            w.string(m.rule)
            w.raw(",\"span\":{\"codepoints\":[\(m.span.codepointStart),\(m.span.codepointEnd)],\"utf8\":[\(m.span.utf8Start),\(m.span.utf8End)]}")
            w.raw(",\"text\":")
            w.string(m.text)
            w.raw("}")
        }
        w.raw("]")
        if !result.resources.isEmpty {
            w.raw(",\"resources\":[")
            for (n, r) in result.resources.enumerated() {
                if n > 0 { w.raw(",") }
                w.raw("{\"contacts\":[")
                for (k, c) in r.contacts.enumerated() {
                    if k > 0 { w.raw(",") }
                    w.raw("{\"kind\":")
                    w.string(c.kind.rawValue)
                    if let note = c.note {
                        w.raw(",\"note\":")
                        w.string(note)
                    }
                    w.raw(",\"value\":")
                    w.string(c.value)
                    w.raw("}")
                }
                w.raw("],\"country\":")
                w.string(r.country)
                w.raw(",\"name\":")
                w.string(r.name)
                w.raw(",\"source\":")
                w.string(r.source)
                w.raw(",\"verified\":")
                w.string(r.verified)
                w.raw("}")
            }
            w.raw("]")
        }
        w.raw(",\"risk\":")
        w.string(result.level.rawValue)
        if !result.rules.isEmpty {
            w.raw(",\"rules\":")
            w.stringArray(result.rules)
        }
        if result.truncated { w.raw(",\"truncated\":true") }
        w.raw("}")
        return w.out
    }
}
