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
            throw GuardLineError(id: nil, message: "invalid JSON at \(e)", column: e.column)
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
    /// 1-based byte column of the problem in the line (1 when it concerns the line as a whole).
    public var column: Int = 1
}
