import Foundation

/// `csv`: one finding per row for spreadsheets (RFC 4180: CRLF rows, a header row, fields
/// quoted when they hold a comma, a quote or a line break). The file starts with a UTF-8
/// byte order mark, without which spreadsheet programs read Vietnamese as mojibake. Cells
/// that a spreadsheet would take for a formula are neutralised (OWASP "CSV injection").
public struct CSVReporter: Reporter {
    public static let id = "csv"
    public static let summary = LocalizedText(en: "one finding per row, for spreadsheets (formula-safe)",
                                              vi: "mỗi dòng một phát hiện, để mở bằng bảng tính (chống chèn công thức)")
    public init() {}

    static let columns: [PeopleWording.Field] = [
        .severity, .code, .what, .plan, .rule, .title, .unit, .indicator, .period, .due, .expected, .actual,
        .owner, .message, .hint, .file, .line,
    ]

    public func render(_ report: Report, options: RenderOptions) -> RenderedOutput {
        let l = options.language
        var out = "\u{FEFF}"
        Self.appendRow(Self.columns.map { $0.label(l) }, to: &out)
        for f in report.findings {
            Self.appendRow(Self.columns.map { Self.cell($0, f, l) }, to: &out)
        }
        return .text(out)
    }

    /// A finding's cell for one column. Dates stay ISO and numbers keep `.` in both
    /// languages, so that a spreadsheet sorts and sums them whatever its locale.
    static func cell(_ column: PeopleWording.Field, _ f: Finding, _ l: Language) -> String {
        switch column {
        case .severity: f.severity.name(l)
        case .code: f.code.rawValue
        case .what: PeopleWording.code(f.code, l)
        case .plan: f.plan ?? ""
        case .rule: f.rule ?? ""
        case .title: f.title ?? ""
        case .unit: f.unit ?? ""
        case .indicator: f.indicator ?? ""
        case .period: f.period ?? ""
        case .due: f.due?.iso ?? ""
        case .expected: f.expected ?? ""
        case .actual: TextReporter.actual(f.actual) ?? ""
        case .owner: f.owner ?? ""
        case .message: f.message.text(l)
        case .hint: f.hint?.text(l) ?? ""
        case .file: f.location?.file ?? ""
        case .line: f.location?.line.map(String.init) ?? ""
        }
    }

    static func appendRow(_ cells: [String], to out: inout String) {
        for (i, c) in cells.enumerated() {
            if i > 0 { out += "," }
            out += field(neutralised(c))
        }
        out += "\r\n"
    }

    /// A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a
    /// formula by some spreadsheet; a leading `'` makes it text (OWASP). Plain numbers
    /// (`-1.5`) are left alone: they cannot run anything and must stay numbers.
    static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return isPlainNumber(s) ? s : "'" + s
    }

    static func isPlainNumber(_ s: String) -> Bool {
        var digits = 0, dots = 0
        for (i, u) in s.unicodeScalars.enumerated() {
            switch u {
            case "-" where i == 0: continue
            case ".": dots += 1
            case "0"..."9": digits += 1
            default: return false
            }
        }
        return digits > 0 && dots <= 1 && s.last != "."
    }

    /// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
    static func field(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
