/// JUnit XML for a gate run: a suite per profile, a test case for the approval and one per
/// finding. Blocking findings fail; waived and baselined ones are skipped with the reason.
public enum GateJUnit {
    public static func render(_ g: GateResult) -> String {
        let xml = JUnitReporter.xml
        var suites: [String] = []
        var total = 0, failures = 0, errors = 0, skipped = 0
        for e in g.entries {
            var cases: [String] = []
            var sF = 0, sE = 0, sS = 0
            let cls = xml(e.productId ?? e.path)
            if e.report == nil {
                sE = 1
                let body = e.inputErrors.map { "\($0.location): \($0.message)" }.joined(separator: "\n")
                cases.append("    <testcase classname=\"\(cls)\" name=\"profile is valid\">\n      <error type=\"input-error\" message=\"\(xml(e.inputErrors.first?.message ?? "input error"))\">\(xml(body))</error>\n    </testcase>")
            } else {
                let approvalItems = e.items.filter { $0.kind == GateFindings.approvalKind }
                if let a = approvalItems.first {
                    sF += 1
                    cases.append("    <testcase classname=\"\(cls)\" name=\"approval\">\n      <failure type=\"\(xml(a.id))\" message=\"\(xml(a.message))\">\(xml("\(a.location): \(a.message)\nFix: \(a.remediation)"))</failure>\n    </testcase>")
                } else {
                    cases.append("    <testcase classname=\"\(cls)\" name=\"approval\"/>")
                }
                for i in e.items where i.kind != GateFindings.approvalKind {
                    let name = xml("\(i.id) [\(i.disposition.rawValue)]")
                    switch i.disposition {
                    case .blocking:
                        sF += 1
                        cases.append("    <testcase classname=\"\(cls)\" name=\"\(name)\">\n      <failure type=\"\(xml(i.id))\" message=\"\(xml(i.message))\">\(xml("\(i.location): [\(i.severity.rawValue)] \(i.message)\nFix: \(i.remediation)"))</failure>\n    </testcase>")
                    case .waived, .baselined:
                        sS += 1
                        let why = i.disposition == .waived ? "waived by \(i.waiver!.approver) until \(i.waiver!.expires): \(i.waiver!.justification)" : "in the baseline"
                        cases.append("    <testcase classname=\"\(cls)\" name=\"\(name)\">\n      <skipped message=\"\(xml(why))\"/>\n    </testcase>")
                    case .nonBlocking:
                        cases.append("    <testcase classname=\"\(cls)\" name=\"\(name)\"/>")
                    }
                }
            }
            total += cases.count
            failures += sF
            errors += sE
            skipped += sS
            suites.append("  <testsuite name=\"\(xml(e.path))\" tests=\"\(cases.count)\" failures=\"\(sF)\" errors=\"\(sE)\" skipped=\"\(sS)\">\n" + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"aslmh gate (catalogue \(xml(g.catalogVersion)), as of \(g.asOf)): \(g.decision.rawValue), digest sha256:\(GateJSON.digest(g))\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">\n"
            + suites.joined(separator: "\n") + (suites.isEmpty ? "" : "\n") + "</testsuites>\n"
    }
}
