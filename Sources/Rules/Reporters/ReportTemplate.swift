/// The CSV a unit fills in for one report (`check template`): the data header, then one
/// row per indicator the report must contain and one per task due in the period, with
/// `value` and `submitted` left empty and a `comment` column (which `check` does not read)
/// saying what each row asks for. What is submitted is then exactly what is checked.
///
/// Which indicators: the schedule's `requires` (a list, or `"all"`); a schedule without
/// `requires` gets what `"all"` would give, every indicator the plan's rules read for the
/// unit, tasks excepted. Which tasks: those applying to the unit whose deadline (after the
/// working-day roll) falls inside the period.
///
/// The file is RFC 4180 (CRLF line ends, cells with `,` `"` or line breaks quoted) with a
/// UTF-8 byte order mark, so that spreadsheet programs open the Vietnamese text correctly;
/// a cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) starts with `'`.
public struct ReportTemplate: Sendable {
    public struct Row: Hashable, Sendable {
        public var unit: String
        public var period: String
        public var indicator: String
        public var report: String
        public var comment: String
    }

    /// Why no template can be made: what was expected, what was found, and a remedy.
    public struct Failure: Error, Hashable, Sendable {
        public var message: LocalizedText
        public var hint: LocalizedText?
    }

    public static let columns = ["unit", "period", "indicator", "value", "submitted", "report", "note", "comment"]

    public var rows: [Row]

    public init(plan: Plan, schedule: ReportSchedule, unit: String, period: Period, calendar: any WorkingCalendar,
                language: Language, numbers: DataNumberStyle) {
        let l = language
        var indicators = ReportCheck.required(by: schedule.requires, plan: plan, unit: unit)
        if case .none = schedule.requires {
            indicators = ReportCheck.required(by: .all, plan: plan, unit: unit)
        }
        let decimal = numbers == .vi ? "," : "."
        var rows: [Row] = indicators.map { id in
            let declared = plan.indicators[id]
            let title = declared?.title ?? plan.rules.first { $0.indicator == id && $0.applies(to: unit) && $0.title != nil }?.title ?? id
            let indicator = plan.indicator(id)
            var what = ReportTemplate.oneLine(title)
            if let u = indicator.unit, !u.isEmpty { what += " (\(u))" }
            let meaning = indicator.aggregate == .sum
                ? LocalizedText(en: "amount for this period alone", vi: "số phát sinh trong kỳ")
                : LocalizedText(en: "value at the end of the period", vi: "số liệu đến cuối kỳ")
            let format = LocalizedText(en: "decimals with '\(decimal)'", vi: "số thập phân dùng dấu '\(decimal)'")
            return Row(unit: unit, period: period.id, indicator: id, report: schedule.id,
                       comment: "\(what): \(meaning.text(l)), \(format.text(l))")
        }
        let tasks = plan.rules.compactMap { rule -> (CivilDate, Rule, TaskRule)? in
            guard rule.applies(to: unit), let task = rule.kind as? TaskRule else { return nil }
            let due = DueDate.resolve(task.due.nominal, roll: plan.rollsToWorkingDay, calendar: calendar).rolled
            return period.start <= due && due <= period.end ? (due, rule, task) : nil
        }.sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }
        for (due, rule, task) in tasks {
            let comment = LocalizedText(
                en: "task: \(ReportTemplate.oneLine(rule.title ?? task.task)), due \(due.iso): write the completion date (YYYY-MM-DD) or 'done'; leave empty if not done",
                vi: "nhiệm vụ: \(ReportTemplate.oneLine(rule.title ?? task.task)), hạn \(due.vietnamese): ghi ngày hoàn thành (DD/MM/YYYY) hoặc 'xong'; để trống nếu chưa xong")
            rows.append(Row(unit: unit, period: period.id, indicator: task.indicator, report: schedule.id, comment: comment.text(l)))
        }
        self.rows = rows
    }

    /// The schedule the template is for: the one named, or else the one schedule of the
    /// plan that applies to the unit and has a report for the period.
    public static func schedule(_ id: String?, plan: Plan, unit: String, period: Period) throws(Failure) -> ReportSchedule {
        let applying = plan.reports.filter { $0.applies(to: unit) }
        if let id {
            guard let schedule = plan.reports.first(where: { $0.id == id }) else {
                throw Failure(message: LocalizedText(en: "--report: plan '\(plan.id)' has no report schedule '\(id)'",
                                                     vi: "--report: kế hoạch '\(plan.id)' không có lịch báo cáo '\(id)'"),
                              hint: DidYouMean.hint(id, from: plan.reports.map(\.id)) ?? listing(plan.reports))
            }
            guard schedule.applies(to: unit) else {
                throw Failure(message: LocalizedText(en: "report '\(id)' does not apply to unit '\(unit)'",
                                                     vi: "báo cáo '\(id)' không áp dụng cho đơn vị '\(unit)'"))
            }
            guard schedule.periods.contains(period) else {
                let some = schedule.periods.prefix(4).map(\.id).joined(separator: ", ")
                throw Failure(message: LocalizedText(en: "report '\(id)' has no report for \(period.id)",
                                                     vi: "báo cáo '\(id)' không có kỳ \(Wording.period(period).vi)"),
                              hint: LocalizedText(en: "its periods are \(some)\(schedule.periods.count > 4 ? ", …" : "")",
                                                  vi: "các kỳ của nó: \(some)\(schedule.periods.count > 4 ? ", …" : "")"))
            }
            return schedule
        }
        let candidates = applying.filter { $0.periods.contains(period) }
        guard let first = candidates.first else {
            throw Failure(message: LocalizedText(en: "no report of plan '\(plan.id)' is due for \(period.id)",
                                                 vi: "kế hoạch '\(plan.id)' không có báo cáo nào cho kỳ \(Wording.period(period).vi)"),
                          hint: applying.isEmpty ? nil : listing(applying))
        }
        guard candidates.count == 1 else {
            let ids = candidates.map(\.id).joined(separator: ", ")
            throw Failure(message: LocalizedText(en: "several reports of plan '\(plan.id)' are due for \(period.id): \(ids)",
                                                 vi: "kế hoạch '\(plan.id)' có nhiều báo cáo cho kỳ \(Wording.period(period).vi): \(ids)"),
                          hint: LocalizedText(en: "choose one with --report", vi: "chọn một báo cáo bằng --report"))
        }
        return first
    }

    static func listing(_ schedules: [ReportSchedule]) -> LocalizedText {
        let all = schedules.map { s in s.cadence.map { "\(s.id) (\($0.rawValue))" } ?? s.id }.joined(separator: ", ")
        return LocalizedText(en: "the plan's reports: \(all)", vi: "các báo cáo của kế hoạch: \(all)")
    }

    /// The file: byte order mark, header and rows, CRLF line ends.
    public var csv: String {
        var out = "\u{FEFF}" + ReportTemplate.columns.joined(separator: ",") + "\r\n"
        for r in rows {
            let cells = [r.unit, r.period, r.indicator, "", "", r.report, "", r.comment]
            out += cells.map(ReportTemplate.cell).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One RFC 4180 cell, defused for spreadsheets.
    static func cell(_ raw: String) -> String {
        var s = ControlCharacters.replaced(raw)
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func oneLine(_ s: String) -> String { TextReporter.oneLine(s) }
}
