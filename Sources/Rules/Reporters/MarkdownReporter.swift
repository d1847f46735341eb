import Foundation

/// `markdown`: GitHub-flavoured Markdown for chat tools and wikis: a summary table of the
/// units, then per unit a table of its findings, violations first. Every value is escaped
/// so that no user text can break a table, start a link, emphasis or HTML.
public struct MarkdownReporter: Reporter {
    public static let id = "markdown"
    public static let summary = LocalizedText(en: "a summary table per unit in Markdown, for chat tools and wikis",
                                              vi: "bảng tóm tắt theo từng đơn vị dạng Markdown, cho nhóm chat và wiki")
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> RenderedOutput {
        let l = options.language
        var out = "# " + (l == .en ? "Plan progress as of \(report.asOf.iso)"
                                   : "Kết quả kiểm tra tiến độ thực hiện kế hoạch đến ngày \(report.asOf.vietnamese)") + "\n\n"
        out += PeopleWording.summary(report, l) + "\n"
        guard !report.findings.isEmpty else {
            out += "\n" + (l == .en ? "No violations or warnings." : "Không có vi phạm hay cảnh báo nào.") + "\n"
            return .text(out)
        }
        let groups = Self.byUnit(report.findings)
        out += "\n| \(l == .en ? "unit" : "đơn vị") | \(PeopleWording.severities(.violation, l)) | \(PeopleWording.severities(.warning, l)) |\n"
        out += "|---|---:|---:|\n"
        for (unit, findings) in groups {
            let v = findings.count { $0.severity == .violation }
            out += "| \(Self.cell(Self.unitName(unit, l))) | \(v) | \(findings.count - v) |\n"
        }
        let columns: [PeopleWording.Field] = [.severity, .what, .title, .period, .due, .expected, .actual, .owner, .message]
        for (unit, findings) in groups {
            out += "\n## \(Self.cell(Self.unitName(unit, l)))\n\n"
            out += "| " + columns.map { $0.label(l) }.joined(separator: " | ") + " |\n"
            out += "|" + String(repeating: "---|", count: columns.count) + "\n"
            for severity in Severity.allCases {
                for f in findings where f.severity == severity {
                    out += "| " + columns.map { Self.value($0, f, l) }.joined(separator: " | ") + " |\n"
                }
            }
        }
        return .text(out)
    }

    static func byUnit(_ findings: [Finding]) -> [(String, [Finding])] {
        var groups: [(String, [Finding])] = []
        for f in findings {
            let unit = f.unit ?? ""
            if groups.last?.0 == unit { groups[groups.count - 1].1.append(f) } else { groups.append((unit, [f])) }
        }
        return groups
    }

    static func unitName(_ unit: String, _ l: Language) -> String {
        unit.isEmpty ? (l == .en ? "(no unit)" : "(không rõ đơn vị)") : unit
    }

    static func value(_ column: PeopleWording.Field, _ f: Finding, _ l: Language) -> String {
        switch column {
        case .severity: return (f.severity == .violation ? "🔴 " : "🟡 ") + f.severity.name(l)
        case .what: return "\(cell(PeopleWording.code(f.code, l))) (`\(cell(f.code.rawValue))`)"
        case .title:
            var s = cell(PeopleWording.name(f, l))
            if let plan = f.plan, let rule = f.rule { s += "<br>\(cell(plan))/\(cell(rule))" }
            return s
        case .period: return cell(f.period.map { PeopleWording.period($0, l) } ?? "")
        case .due: return cell(f.due.map { PeopleWording.date($0, l) } ?? "")
        case .expected: return cell(f.expected ?? "")
        case .actual: return cell(PeopleWording.actual(f.actual, l) ?? "")
        case .owner: return cell(f.owner ?? "")
        case .message:
            var s = cell(f.message.text(l))
            if let h = f.hint { s += "<br>\(cell(PeopleWording.Field.hint.label(l))): \(cell(h.text(l)))" }
            if let loc = f.location { s += "<br>\(cell(loc.description))" }
            return s
        default: return ""
        }
    }

    /// One table cell's text. `&` goes first so that the entities added after it are not
    /// escaped again; backslash escapes keep `|` from ending the cell and `*`, `_`, `[`,
    /// `` ` `` from starting markup; line breaks become `<br>`, which tables allow.
    static func cell(_ s: String) -> String {
        var out = ""
        for c in PeopleWording.visible(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "|", "`", "*", "_", "[", "]", "~", "#", "!": out += "\\" + String(c)
            case "\r\n", "\n", "\r":
                out += "<br>"
            default: out.append(c)
            }
        }
        return out
    }
}
