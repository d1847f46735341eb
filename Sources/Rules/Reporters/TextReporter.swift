/// `text`: for people at a terminal. Findings grouped by unit, then severity
/// (violations first), each with its message and evidence; a summary line at the end.
public struct TextReporter: Reporter {
    public static let id = "text"
    public static let summary = LocalizedText(en: "findings grouped by unit and severity, for people (default)",
                                              vi: "các phát hiện theo đơn vị và mức độ, để đọc (mặc định)")
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> RenderedOutput {
        let l = options.language
        let paint = Paint(enabled: options.color)
        var out = ""
        let header = LocalizedText(
            en: "as of \(report.asOf.iso): \(Self.count(report.plans, "plan", "plans")), \(Self.count(report.units, "unit", "units")), \(Self.count(report.checks, "check", "checks"))",
            vi: "tính đến ngày \(report.asOf.vietnamese): \(report.plans) kế hoạch, \(report.units) đơn vị, \(report.checks) nội dung kiểm tra")
        out += paint.dim(header.text(l)) + "\n"

        var byUnit: [(String, [Finding])] = []
        for f in report.findings {
            let unit = f.unit ?? ""
            if byUnit.last?.0 == unit { byUnit[byUnit.count - 1].1.append(f) } else { byUnit.append((unit, [f])) }
        }
        for (unit, findings) in byUnit {
            out += "\n" + paint.bold(unit.isEmpty ? (l == .en ? "(no unit)" : "(không rõ đơn vị)") : unit) + "\n"
            for severity in Severity.allCases {
                for f in findings where f.severity == severity {
                    out += line(f, options: options, paint: paint)
                }
            }
        }
        if !report.passed.isEmpty {
            out += "\n" + paint.bold(l == .en ? "checks with no finding" : "nội dung không có phát hiện") + "\n"
            for r in report.passed {
                let status = r.status == .passed ? (l == .en ? "passed" : "đạt") : (l == .en ? "pending" : "chưa đến hạn")
                var s = "  \(paint.green(status))  \(r.unit)  \(r.plan)/\(r.rule)"
                if let p = r.period { s += "  \(p)" }
                if let e = r.expected { s += "  \(l == .en ? "expected" : "yêu cầu") \(e)" }
                if let a = Self.actual(r.actual, l) { s += ", \(l == .en ? "actual" : "thực tế") \(a)" }
                out += s + "\n"
            }
        }
        let v = report.violations, w = report.warnings
        let summary = LocalizedText(
            en: "\(Self.count(v, "violation", "violations")), \(Self.count(w, "warning", "warnings")), \(report.passedCount) passed, \(report.pendingCount) not yet due",
            vi: "\(v) vi phạm, \(w) cảnh báo, \(report.passedCount) đạt, \(report.pendingCount) chưa đến hạn")
        let painted = v > 0 ? paint.red(summary.text(l)) : (w > 0 ? paint.yellow(summary.text(l)) : paint.green(summary.text(l)))
        out += "\n" + painted + "\n"
        return .text(out)
    }

    func line(_ f: Finding, options: RenderOptions, paint: Paint) -> String {
        let l = options.language
        let label = f.severity == .violation
            ? paint.red(l == .en ? "violation" : "vi phạm  ")
            : paint.yellow(l == .en ? "warning  " : "cảnh báo ")
        var head = "  \(label) \(paint.bold(f.code.rawValue))"
        if let plan = f.plan, let rule = f.rule { head += "  \(plan)/\(rule)" }
        if let p = f.period { head += "  \(p)" }
        if let d = f.due { head += "  \(l == .en ? "due" : "hạn") \(l == .en ? d.iso : d.vietnamese)" }
        var s = head + "\n"
        s += "      " + Self.oneLine(f.message.text(l)) + "\n"
        var facts: [String] = []
        if let t = f.title { facts.append(Self.oneLine(t)) }
        if let e = f.expected { facts.append("\(l == .en ? "expected" : "yêu cầu") \(e)") }
        if let a = Self.actual(f.actual, l) { facts.append("\(l == .en ? "actual" : "thực tế") \(a)") }
        if let o = f.owner { facts.append("\(l == .en ? "owner" : "phụ trách") \(o)") }
        if let loc = f.location { facts.append(loc.description) }
        if !facts.isEmpty { s += "      " + paint.dim(facts.joined(separator: " · ")) + "\n" }
        if let h = f.hint { s += "      " + paint.dim((l == .en ? "hint: " : "gợi ý: ") + h.text(l)) + "\n" }
        return s
    }

    static func actual(_ a: Actual, _ language: Language = .en) -> String? {
        switch a {
        case .number(let x): return NumberFormat.formatter(for: language)(x)
        case .date(let d): return d.iso
        case .none: return nil
        }
    }

    /// Messages and titles may hold line breaks (from data notes or titles); a finding stays one block.
    static func oneLine(_ s: String) -> String {
        s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}

/// ANSI styling that disappears when colour is off.
struct Paint {
    let enabled: Bool
    func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func red(_ s: String) -> String { wrap(s, "31") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func green(_ s: String) -> String { wrap(s, "32") }
    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
}
