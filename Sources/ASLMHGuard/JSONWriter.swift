/// Writes JSON with keys in the order given (callers pass them sorted) and minimal escaping.
struct JSONWriter {
    var out = ""

    mutating func string(_ s: String) {
        out.append("\"")
        var needsEscape = false
        for u in s.utf8 where u < 0x20 || u == 0x22 || u == 0x5C {
            needsEscape = true
            break
        }
        if !needsEscape {
            out.append(s)
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out.append("\\\"")
                case "\\": out.append("\\\\")
                case "\n": out.append("\\n")
                case "\r": out.append("\\r")
                case "\t": out.append("\\t")
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        out.append("\"")
    }

    mutating func raw(_ s: String) { out.append(s) }

    mutating func stringArray(_ items: [String]) {
        out.append("[")
        for (n, item) in items.enumerated() {
            if n > 0 { out.append(",") }
            string(item)
        }
        out.append("]")
    }

    mutating func value(_ v: JSONValue) {
        switch v {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let d):
            if d == d.rounded(), abs(d) < 1e15 { out.append(String(Int64(d))) } else { out.append(String(d)) }
        case .string(let s): string(s)
        case .array(let items):
            out.append("[")
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(",") }
                value(item)
            }
            out.append("]")
        case .object(let members):
            out.append("{")
            for (n, key) in members.keys.sorted().enumerated() {
                if n > 0 { out.append(",") }
                string(key)
                out.append(":")
                value(members[key]!)
            }
            out.append("}")
        }
    }
}
