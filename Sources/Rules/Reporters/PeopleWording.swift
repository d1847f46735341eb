import Foundation

/// The vocabulary of the formats written for people (csv, markdown, email, html), in the
/// words the plans and the communes' reports use: one place, so that every format calls a
/// missing report "thiếu báo cáo" and a deadline "hạn chót" alike.
enum PeopleWording {
    static func severities(_ s: Severity, _ l: Language) -> String {
        switch s {
        case .violation: l == .en ? "violations" : "vi phạm"
        case .warning: l == .en ? "warnings" : "cảnh báo"
        }
    }

    /// What a finding code means, in a few words; unknown codes read as themselves.
    static func code(_ c: FindingCode, _ l: Language) -> String {
        let table: [String: (String, String)] = [
            "target-missed": ("target missed", "không đạt chỉ tiêu"),
            "milestone-missed": ("milestone missed", "không đạt mốc"),
            "no-data": ("no data", "thiếu số liệu"),
            "behind-pace": ("behind pace", "chậm tiến độ"),
            "forecast-miss": ("forecast to miss", "dự báo không đạt"),
            "due-soon": ("due soon", "sắp đến hạn"),
            "maintain-broken": ("level not maintained", "không duy trì được"),
            "change-missed": ("change not achieved", "không đạt mức thay đổi"),
            "task-overdue": ("task overdue", "nhiệm vụ quá hạn"),
            "task-late": ("task completed late", "nhiệm vụ hoàn thành chậm"),
            "task-due-soon": ("task due soon", "nhiệm vụ sắp đến hạn"),
            "report-missing": ("report missing", "thiếu báo cáo"),
            "report-late": ("report late", "báo cáo nộp chậm"),
            "report-due-soon": ("report due soon", "báo cáo sắp đến hạn"),
            "report-incomplete": ("report incomplete", "báo cáo thiếu chỉ tiêu"),
            "data-invalid": ("invalid data", "số liệu không hợp lệ"),
            "unknown-indicator": ("unknown indicator", "chỉ tiêu không xác định"),
        ]
        guard let t = table[c.rawValue] else { return c.rawValue }
        return l == .en ? t.0 : t.1
    }

    static func status(_ s: ProgressStatus, _ l: Language) -> String {
        switch s {
        case .violation: l == .en ? "violation" : "vi phạm"
        case .warning: l == .en ? "warning" : "cảnh báo"
        case .passed: l == .en ? "met" : "đạt"
        case .pending: l == .en ? "not yet due" : "chưa đến hạn"
        }
    }

    static func timeliness(_ t: Timeliness, _ l: Language) -> String {
        switch t {
        case .onTime: l == .en ? "on time" : "đúng hạn"
        case .late: l == .en ? "late" : "nộp chậm"
        case .missing: l == .en ? "missing" : "chưa nộp"
        case .dueSoon: l == .en ? "due soon" : "sắp đến hạn"
        case .notDue: l == .en ? "not due yet" : "chưa đến hạn"
        }
    }

    /// Labels of a finding's fields.
    enum Field: CaseIterable {
        case severity, code, what, plan, rule, title, unit, indicator, period, due, expected, actual, owner,
             message, hint, file, line

        func label(_ l: Language) -> String {
            switch self {
            case .severity: l == .en ? "severity" : "mức độ"
            case .code: l == .en ? "code" : "mã"
            case .what: l == .en ? "finding" : "nội dung phát hiện"
            case .plan: l == .en ? "plan" : "kế hoạch"
            case .rule: l == .en ? "rule" : "quy tắc"
            case .title: l == .en ? "title" : "tên nhiệm vụ, chỉ tiêu"
            case .unit: l == .en ? "unit" : "đơn vị"
            case .indicator: l == .en ? "indicator" : "chỉ tiêu"
            case .period: l == .en ? "period" : "kỳ"
            case .due: l == .en ? "due" : "hạn chót"
            case .expected: l == .en ? "expected" : "yêu cầu"
            case .actual: l == .en ? "actual" : "thực tế"
            case .owner: l == .en ? "owner" : "đơn vị chủ trì"
            case .message: l == .en ? "message" : "diễn giải"
            case .hint: l == .en ? "hint" : "gợi ý"
            case .file: l == .en ? "file" : "tệp"
            case .line: l == .en ? "line" : "dòng"
            }
        }
    }

    /// `2026-07-01` in English, `01/07/2026` in Vietnamese.
    static func date(_ d: CivilDate, _ l: Language) -> String { l == .en ? d.iso : d.vietnamese }

    /// `2026-Q2` in English, `quý II/2026` in Vietnamese; ids that are not periods as written.
    static func period(_ id: String, _ l: Language) -> String {
        guard l == .vi, let p = PeriodID.period(id) else { return id }
        return Wording.period(p).vi
    }

    /// A number the way each language writes it: `2.4` and `2,4` (no grouping, so that
    /// years and ids never look like thousands).
    static func number(_ x: Double, _ l: Language) -> String {
        let s = NumberFormat.plain(x)
        return l == .en ? s : s.replacingOccurrences(of: ".", with: ",")
    }

    static func actual(_ a: Actual, _ l: Language) -> String? {
        switch a {
        case .number(let x): return number(x, l)
        case .date(let d): return date(d, l)
        case .none: return nil
        }
    }

    /// Messages and titles may hold line breaks (from data notes or titles); in a list
    /// entry, a table cell or a mail line they become spaces.
    static func oneLine(_ s: String) -> String {
        var out = ""
        var lastWasBreak = false
        for c in s {
            if c.isNewline {
                if !lastWasBreak { out.append(" ") }
                lastWasBreak = true
            } else {
                out.append(c)
                lastWasBreak = false
            }
        }
        return out
    }

    /// C0 and C1 control characters (other than tab and line breaks) shown as U+FFFD:
    /// they cannot appear in XML at all and mean nothing to a reader.
    static func visible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(isControl(u) ? "\u{FFFD}" : u) }
        return String(out)
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\t" && u != "\n" && u != "\r") || (0x7F...0x9F).contains(u.value)
            || u.value == 0xFFFE || u.value == 0xFFFF
    }

    /// `3 violations, 1 warning` / `3 vi phạm, 1 cảnh báo`.
    static func counts(violations v: Int, warnings w: Int, _ l: Language) -> String {
        l == .en
            ? "\(v) \(v == 1 ? "violation" : "violations"), \(w) \(w == 1 ? "warning" : "warnings")"
            : "\(v) vi phạm, \(w) cảnh báo"
    }

    /// The one-line summary of a whole run.
    static func summary(_ r: Report, _ l: Language) -> String {
        l == .en
            ? "\(r.plans) \(r.plans == 1 ? "plan" : "plans"), \(r.units) \(r.units == 1 ? "unit" : "units"), \(r.checks) \(r.checks == 1 ? "check" : "checks"): \(counts(violations: r.violations, warnings: r.warnings, l)), \(r.passedCount) met, \(r.pendingCount) not yet due"
            : "\(r.plans) kế hoạch, \(r.units) đơn vị, \(r.checks) nội dung kiểm tra: \(counts(violations: r.violations, warnings: r.warnings, l)), \(r.passedCount) đạt, \(r.pendingCount) chưa đến hạn"
    }

    /// The name people know a finding by: the rule's title, else the rule id, else what it is.
    static func name(_ f: Finding, _ l: Language) -> String {
        f.title ?? f.rule ?? f.indicator.map { "'\($0)'" } ?? code(f.code, l)
    }
}
