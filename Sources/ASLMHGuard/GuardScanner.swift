/// What the scanner made of one line.
public struct ScanLine: Sendable {
    /// The JSONL output line (without newline); nil for a blank input line.
    public var output: String?
    public var record: GuardInputRecord?
    public var result: GuardResult?
    public var error: String?
    /// For a malformed line, what is wrong and where (for `path:line:column` messages).
    public var lineError: GuardLineError?
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
            return ScanLine(output: w.out, record: nil, result: nil, error: message, lineError: error)
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
            if let e = m.evidence {
                w.raw(",\"evidence\":")
                w.stringArray(e)
            }
            w.raw(",\"level\":")
            w.string(m.level.rawValue)
            w.raw(",\"rule\":")
            w.string(m.rule)
            if let score = m.score { w.raw(",\"score\":\(score)") }
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
