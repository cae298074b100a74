extension GuardEvaluation {
    /// A plain-text report (no message text, only ids).
    public func textReport() -> String {
        var s = "Guard evaluation: \(exact)/\(total) cases right (level and categories)"
        if unlabelled > 0 { s += ", \(unlabelled) unlabelled lines skipped" }
        s += "\n\n"
        s += "critical recall (user):   \(Self.ratio(criticalRecall)) (\(userCriticalCaught)/\(userCritical))\n"
        s += "output-check recall:      \(Self.ratio(outputRecall)) (\(outputCaught)/\(outputPositives))\n"
        s += "false alarms (high+ on none/low): \(Self.ratio(falseAlarmRate)) (\(falseAlarms)/\(benign))\n\n"
        s += "level     recall   precision  tp  fp  fn\n"
        for level in RiskLevel.allCases.reversed() {
            let c = levels[level] ?? Counts()
            s += pad(level.rawValue, 10) + pad(Self.ratio(c.recall), 9) + pad(Self.ratio(c.precision), 11)
                + pad("\(c.truePositives)", 4) + pad("\(c.falsePositives)", 4) + "\(c.falseNegatives)\n"
        }
        s += "\ncategory              recall   precision  tp  fp  fn\n"
        for cat in (GuardCategory.userCategories + GuardCategory.outputCategories) where categories[cat] != nil {
            let c = categories[cat]!
            s += pad(cat.rawValue, 22) + pad(Self.ratio(c.recall), 9) + pad(Self.ratio(c.precision), 11)
                + pad("\(c.truePositives)", 4) + pad("\(c.falsePositives)", 4) + "\(c.falseNegatives)\n"
        }
        s += "\nconfusion (rows expected, columns got)\n" + pad("", 10)
        let order = RiskLevel.allCases.reversed()
        for got in order { s += pad(got.rawValue, 10) }
        s += "\n"
        for expected in order {
            s += pad(expected.rawValue, 10)
            for got in order { s += pad("\(confusion[expected]?[got] ?? 0)", 10) }
            s += "\n"
        }
        if misses.isEmpty {
            s += "\nmisses: none\n"
        } else {
            s += "\nmisses (\(misses.count)):\n"
            for m in misses {
                s += "  line \(m.line) \(m.id) [\(m.role.rawValue)]: expected \(m.expected.rawValue) "
                    + "\(m.expectedCategories.map(\.rawValue)), got \(m.got.rawValue) \(m.gotCategories.map(\.rawValue))\n"
            }
        }
        return s
    }

    /// The same figures as JSON (sorted keys).
    public func jsonReport() -> String {
        func counts(_ c: Counts) -> JSONValue {
            .object([
                "tp": .number(Double(c.truePositives)), "fp": .number(Double(c.falsePositives)),
                "fn": .number(Double(c.falseNegatives)), "recall": c.recall.map(JSONValue.number) ?? .null,
                "precision": c.precision.map(JSONValue.number) ?? .null,
            ])
        }
        var confusionJSON: [String: JSONValue] = [:]
        for (e, row) in confusion {
            confusionJSON[e.rawValue] = .object(Dictionary(uniqueKeysWithValues: row.map { ($0.key.rawValue, JSONValue.number(Double($0.value))) }))
        }
        let report: JSONValue = .object([
            "total": .number(Double(total)), "exact": .number(Double(exact)), "unlabelled": .number(Double(unlabelled)),
            "criticalRecall": criticalRecall.map(JSONValue.number) ?? .null,
            "outputRecall": outputRecall.map(JSONValue.number) ?? .null,
            "falseAlarmRate": falseAlarmRate.map(JSONValue.number) ?? .null,
            "levels": .object(Dictionary(uniqueKeysWithValues: levels.map { ($0.key.rawValue, counts($0.value)) })),
            "categories": .object(Dictionary(uniqueKeysWithValues: categories.map { ($0.key.rawValue, counts($0.value)) })),
            "confusion": .object(confusionJSON),
            "misses": .array(misses.map { m in
                .object([
                    "line": .number(Double(m.line)), "id": .string(m.id), "role": .string(m.role.rawValue),
                    "expected": .string(m.expected.rawValue), "got": .string(m.got.rawValue),
                    "expectedCategories": .array(m.expectedCategories.map { .string($0.rawValue) }),
                    "gotCategories": .array(m.gotCategories.map { .string($0.rawValue) }),
                ])
            }),
        ])
        var w = JSONWriter()
        w.value(report)
        return w.out
    }

    private func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
    }
}
