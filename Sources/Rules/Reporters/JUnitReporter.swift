/// `junit`: JUnit XML as CI servers read it (Jenkins, GitLab, GitHub test reporters): one
/// `<testsuite>` per unit, one `<testcase>` per rule (or report schedule) and unit, named
/// by the rule id, with `classname` `UNIT.PLAN`. A violation fails its test case; warnings
/// do not (unless `--strict`, which fails on them as the exit status does) and are listed
/// in `<system-out>`. A rule with nothing judged yet is `<skipped>`. Bad data rows of a
/// unit form one more test case, `data`. Times are 0: the check is not timed, and output
/// never depends on the clock.
///
/// Only elements and attributes of the common JUnit schema (Surefire's, which Jenkins
/// validates against) are written, and every text is XML-escaped (`XMLText`).
public struct JUnitReporter: Reporter {
    public static let id = "junit"
    public static let summary = LocalizedText(
        en: "JUnit XML: a test case per rule and unit, violations as failures, for CI test reports",
        vi: "JUnit XML: mỗi quy tắc của mỗi đơn vị là một test case, vi phạm là failure, dùng cho CI")
    public static let listsEveryCheck = true
    public init() {}

    /// One test case: the checks of one rule (or schedule) for one unit, or a unit's bad data rows.
    struct Case {
        var unit: String?
        var plan: String?
        var rule: String?
        var findings: [Finding] = []
        var passed = 0
        var pending = 0
    }

    struct Key: Hashable, Comparable {
        var unit: String
        var plan: String
        var rule: String
        static func < (a: Key, b: Key) -> Bool { (a.unit, a.plan, a.rule) < (b.unit, b.plan, b.rule) }
    }

    public func render(_ report: Report, options: RenderOptions) -> RenderedOutput {
        let l = options.language
        var cases: [Key: Case] = [:]
        for f in report.findings {
            let key = Key(unit: f.unit ?? "", plan: f.plan ?? "", rule: f.rule ?? "")
            cases[key, default: Case(unit: f.unit, plan: f.plan, rule: f.rule)].findings.append(f)
        }
        for r in report.passed {
            let key = Key(unit: r.unit, plan: r.plan, rule: r.rule)
            var c = cases[key, default: Case(unit: r.unit, plan: r.plan, rule: r.rule)]
            if r.status == .pending { c.pending += 1 } else { c.passed += 1 }
            cases[key] = c
        }
        var suites: [(String, [Case])] = []
        for key in cases.keys.sorted() {
            guard let c = cases[key] else { continue }
            if suites.last?.0 == key.unit { suites[suites.count - 1].1.append(c) } else { suites.append((key.unit, [c])) }
        }

        var body = ""
        var totals = (tests: 0, failures: 0)
        for (unit, members) in suites {
            let rendered = members.map { testCase($0, options: options) }
            let failures = rendered.filter { $0.outcome == .failed }.count
            let skipped = rendered.filter { $0.outcome == .skipped }.count
            totals.tests += members.count
            totals.failures += failures
            let name = unit.isEmpty ? (l == .en ? "(no unit)" : "(không rõ đơn vị)") : unit
            body += "  <testsuite name=\"\(XMLText.attribute(name))\" tests=\"\(members.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"0\">\n"
            body += "    <properties>\n"
            body += "      <property name=\"as-of\" value=\"\(report.asOf.iso)\"/>\n"
            body += "    </properties>\n"
            for r in rendered { body += r.xml }
            body += "  </testsuite>\n"
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"check\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"0\" time=\"0\">\n"
        out += body
        out += "</testsuites>\n"
        return .text(out)
    }

    enum Outcome { case passed, failed, skipped }

    func testCase(_ c: Case, options: RenderOptions) -> (xml: String, outcome: Outcome) {
        let l = options.language
        let failing = c.findings.filter { $0.severity == .violation || options.strict }
        let other = c.findings.filter { !($0.severity == .violation || options.strict) }
        let name = c.rule ?? "data"
        let classname = [c.unit, c.plan].compactMap { $0 }.joined(separator: ".")
        var s = "    <testcase name=\"\(XMLText.attribute(name))\" classname=\"\(XMLText.attribute(classname))\" time=\"0\""
        var inner = ""
        let outcome: Outcome
        if let first = failing.first {
            outcome = .failed
            var message = FindingFacts.oneLine(first.message.text(l))
            if failing.count > 1 {
                message += l == .en ? " (and \(failing.count - 1) more)" : " (và \(failing.count - 1) phát hiện khác)"
            }
            inner += "      <failure message=\"\(XMLText.attribute(message))\" type=\"\(XMLText.attribute(first.code.rawValue))\">"
            inner += XMLText.content(failing.map { block($0, options: options) }.joined(separator: "\n\n"))
            inner += "</failure>\n"
        } else if c.passed == 0 && c.pending > 0 {
            outcome = .skipped
            inner += "      <skipped message=\"\(l == .en ? "not yet due" : "chưa đến hạn")\"/>\n"
        } else {
            outcome = .passed
        }
        if !other.isEmpty {
            inner += "      <system-out>"
            inner += XMLText.content(other.map { block($0, options: options) }.joined(separator: "\n\n"))
            inner += "</system-out>\n"
        }
        s += inner.isEmpty ? "/>\n" : ">\n" + inner + "    </testcase>\n"
        return (s, outcome)
    }

    /// `violation milestone-missed at data/2026 Q2.csv:17`, then message, evidence and hint.
    func block(_ f: Finding, options: RenderOptions) -> String {
        let l = options.language
        var head = l == .en ? f.severity.rawValue : (f.severity == .violation ? "vi phạm" : "cảnh báo")
        head += " " + f.code.rawValue
        if let a = FindingAnchor.of(f, base: options.baseDirectory) {
            head += (l == .en ? " at " : " tại ") + a.path
            if let line = a.line { head += ":\(line)" }
        }
        return head + "\n" + FindingFacts.body(f, l)
    }
}
