/// JUnit XML: a test suite per profile, a test case per mandatory control and per prohibition.
public enum JUnitReporter {
    public static func render(_ run: RunResult, catalog: Catalog) -> String {
        var suites: [String] = []
        var total = 0, failures = 0, errors = 0
        for entry in run.entries {
            var cases: [String] = []
            var sFail = 0, sErr = 0
            switch entry {
            case .failure(let path, let errs):
                sErr = 1
                let body = errs.map { "\($0.location): \($0.message)" + ($0.suggestion.map { " (\($0))" } ?? "") }.joined(separator: "\n")
                cases.append("    <testcase classname=\"\(xml(path))\" name=\"profile is valid\">\n      <error type=\"input-error\" message=\"\(xml(errs.first?.message ?? "input error"))\">\(xml(body))</error>\n    </testcase>")
            case .report(let r):
                let cls = xml(r.profile.displayName)
                var byControl: [String: [Finding]] = [:]
                var other: [Finding] = []
                for f in r.findings {
                    let subject = String(f.id.split(separator: "/", maxSplits: 1).last ?? "")
                    if catalog.control(subject) != nil { byControl[subject, default: []].append(f) } else { other.append(f) }
                }
                func testcase(_ name: String, _ found: [Finding]) -> String {
                    let failing = found.filter { $0.severity >= run.failOn }
                    if failing.isEmpty { return "    <testcase classname=\"\(cls)\" name=\"\(xml(name))\"/>" }
                    sFail += 1
                    let body = failing.map { "\($0.location): [\($0.severity.rawValue)] \($0.id): \($0.message)\nFix: \($0.remediation)" }.joined(separator: "\n")
                    return "    <testcase classname=\"\(cls)\" name=\"\(xml(name))\">\n      <failure type=\"\(xml(failing[0].id))\" message=\"\(xml(failing[0].message))\">\(xml(body))</failure>\n    </testcase>"
                }
                cases.append(testcase("tier: ASL-MH \(r.classification.tier) \(r.tierName)", other.filter { $0.kind == .downwardOverride || $0.kind == .tierOverride }))
                if run.command == .check {
                    for s in r.controls { cases.append(testcase("control: \(s.controlId)", byControl[s.controlId] ?? [])) }
                    for p in catalog.prohibitions(atTier: r.classification.tier) {
                        cases.append(testcase("prohibition: \(p.id)", other.filter { $0.id == "prohibited/\(p.id)" }))
                    }
                }
            }
            total += cases.count
            failures += sFail
            errors += sErr
            suites.append("  <testsuite name=\"\(xml(entry.path))\" tests=\"\(cases.count)\" failures=\"\(sFail)\" errors=\"\(sErr)\" skipped=\"0\">\n" + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"aslmh \(run.command.rawValue) (catalogue \(xml(run.catalogVersion)), as of \(run.asOf), result digest \(JSONReporter.digest(run)))\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
            + suites.joined(separator: "\n") + (suites.isEmpty ? "" : "\n") + "</testsuites>\n"
    }

    static func xml(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                // XML 1.0 forbids most control characters even as references.
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

/// A stream for reporters that need the whole run before they can write (their totals come
/// first): it collects the entries and renders once at the end.
public struct CollectingReportStream: ReportStream {
    let render: @Sendable (RunResult) -> String
    private var entries: [RunResult.Entry] = []

    public init(render: @escaping @Sendable (RunResult) -> String) { self.render = render }

    public static func junit(catalog: Catalog) -> CollectingReportStream { .init { JUnitReporter.render($0, catalog: catalog) } }

    public static func markdown() -> CollectingReportStream { .init { MarkdownReporter.render($0) } }

    public func header(_ c: RunContext) -> String { "" }

    public func fragment(_ e: RunResult.Entry, _ c: RunContext) -> ReportFragment { ReportFragment("") }

    public mutating func entry(_ e: RunResult.Entry, fragment: ReportFragment, _ c: RunContext) -> String {
        entries.append(e)
        return ""
    }

    public mutating func footer(_ s: RunSummary, _ c: RunContext) -> String {
        render(RunResult(command: c.command, catalogVersion: c.catalogVersion, asOf: c.asOf, failOn: c.failOn, entries: entries))
    }
}
