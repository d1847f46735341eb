/// A deadline as written in a rules file (spec §4.2), before any working-day roll.
public struct Deadline: Hashable, Sendable {
    public enum Form: Hashable, Sendable {
        /// "chậm nhất ngày 31/01/2026", "by 2026-01-31", a bare date: that day is included.
        case by
        /// "trước ngày 03/02/2026": the day before the date written.
        case before(written: CivilDate)
        /// "quý I/2026", "6 tháng đầu năm": the last day of the period.
        case period(Period)
    }

    /// The last day on which it is on time, before the working-day roll.
    public var nominal: CivilDate
    public var form: Form
    public var written: String

    public init(nominal: CivilDate, form: Form, written: String) {
        self.nominal = nominal
        self.form = form
        self.written = written
    }
}

/// When the report for a period is due (spec §4.3), relative to that period.
public enum DueRule: Hashable, Sendable {
    /// Day N of the period's last month ("by day N", "chậm nhất ngày N", "ngày N hàng tháng");
    /// `before`: day N − 1 ("trước ngày N hàng tháng", "trước ngày N tháng cuối quý").
    case dayOfLastMonth(Int, before: Bool)
    /// Day N (or N − 1 when `before`) of the month after the period.
    case dayOfNextMonth(Int, before: Bool)
    /// N calendar days after the period's last day; 0 is the last day itself ("cuối kỳ").
    case daysAfter(Int)
    /// N working days after the period's last day (counted in the plan's calendar).
    case workingDaysAfter(Int)
    /// The same deadline for every period.
    case fixed(Deadline)
}

/// The number style of a plan's thresholds or of data files (spec §3.4).
public enum NumberStyle: String, Hashable, Sendable, CaseIterable {
    /// `.` groups thousands, `,` is the decimal mark (Luật Kế toán 2015).
    case vi
    /// `,` groups thousands, `.` is the decimal mark.
    case en
    /// Decide from the number itself; an ambiguous `5.320` is an error.
    case auto
}

/// A phrase of the rules language that could not be read. The loader adds the file and
/// JSON path; this says what was expected and what was found.
public struct LanguageError: Error, Hashable, Sendable {
    /// Stable code, one of: `rules.bad-number` (a malformed number), `rules.ambiguous-number`
    /// (`5.320` under `"numbers": "auto"`), `rules.missing-number` (a keyword with no number
    /// after it), `rules.bad-threshold`, `rules.unit-mismatch`, `rules.bad-date`,
    /// `rules.bad-period`, `rules.bad-deadline`, `rules.bad-due-rule`.
    public var code: String
    public var message: LocalizedText
    public var hint: LocalizedText?

    public init(code: String, message: LocalizedText, hint: LocalizedText? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }
}
