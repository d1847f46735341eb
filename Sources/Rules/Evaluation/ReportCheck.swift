/// Judges a report schedule for one unit: each period's report must be submitted by its
/// due date (spec §4.3, §6).
public struct ReportCheck: Sendable {
    public static let missing = FindingCode("report-missing")
    public static let late = FindingCode("report-late")
    public static let dueSoon = FindingCode("report-due-soon")
    public static let incomplete = FindingCode("report-incomplete")

    public let schedule: ReportSchedule

    public init(schedule: ReportSchedule) { self.schedule = schedule }

    /// The due date of the report for `period`, after the working-day roll.
    public static func due(of schedule: ReportSchedule, for period: Period, plan: Plan,
                           calendar: any WorkingCalendar) -> DueDate {
        DueDate.resolve(schedule.due.nominalDue(for: period, calendar: calendar),
                        roll: plan.rollsToWorkingDay, calendar: calendar)
    }

    /// The submission that counts for `period`: rows sent under this schedule's id, and rows
    /// without a schedule id when this is the only schedule of the plan for that period.
    public static func submission(of schedule: ReportSchedule, unit: String, period: Period,
                                  ctx: UnitContext) -> Submission? {
        let named = ctx.data.submissions[SubmissionKey(unit: unit, report: schedule.id, period: period)]
        var unnamed: Submission? = nil
        if let s = ctx.data.submissions[SubmissionKey(unit: unit, report: "", period: period)] {
            var sharing = 0
            for other in ctx.plan.reports where other.applies(to: unit) && other.periods.contains(period) { sharing += 1 }
            if sharing == 1 { unnamed = s }
        }
        switch (named, unnamed) {
        case let (a?, b?):
            var both = earlier(a, b)
            both.indicators = a.indicators.union(b.indicators)
            return both
        case let (a?, nil): return a
        case let (nil, b?): return b
        default: return nil
        }
    }

    /// The earlier of two submissions; an undated one counts as on time, so it wins.
    static func earlier(_ a: Submission, _ b: Submission) -> Submission {
        guard let da = a.date else { return a }
        guard let db = b.date else { return b }
        return db < da ? b : a
    }

    /// The indicators every submitted report must contain (`requires`), sorted: a list, or
    /// with `"all"` every indicator the plan's rules read for the unit, tasks excepted.
    func required(for ctx: UnitContext) -> [String] {
        ReportCheck.required(by: schedule.requires, plan: ctx.plan, unit: ctx.unit)
    }

    /// The same, for a schedule's `requires` outside evaluation (`check template`).
    public static func required(by requires: ReportSchedule.RequiredIndicators, plan: Plan, unit: String) -> [String] {
        switch requires {
        case .none: return []
        case .listed(let ids): return ids.sorted()
        case .all:
            return Set(plan.rules.filter { $0.applies(to: unit) && !($0.kind is TaskRule) }.map(\.indicator)).sorted()
        }
    }

    public func evaluate(in ctx: UnitContext, into recorder: inout CheckRecorder) {
        let schedule = self.schedule
        let owner = schedule.owner ?? ctx.plan.defaultOwner
        let name = Wording.name(schedule.title, schedule.id)
        let needed = required(for: ctx)
        for period in schedule.periods where period.start <= ctx.asOf {
            let due = ctx.dues.report(schedule.id, period) {
                ReportCheck.due(of: schedule, for: period, plan: ctx.plan, calendar: ctx.calendar)
            }
            let dueDay = due.rolled
            recorder.explain(DeadlineExplanation.report(period: period, written: schedule.dueWritten, rule: schedule.due,
                                                        resolved: due, calendar: ctx.calendar))
            // Words for findings and kept results only: most periods need none of them.
            var p: LocalizedText { Wording.period(period) }
            var dueText: LocalizedText { Wording.date(dueDay) }
            var expected: String { "≤ \(dueDay.iso)" }
            func finding(_ code: FindingCode, _ severity: Severity, actual: Actual, location: SourceLocation?,
                         _ message: LocalizedText) -> Finding {
                Finding(severity: severity, code: code, plan: ctx.plan.id, rule: schedule.id, title: schedule.title,
                        unit: ctx.unit, period: period.id, due: dueDay, expected: expected, actual: actual, owner: owner,
                        message: message, location: location, ruleLocation: schedule.location)
            }
            func result(_ actual: Actual, pending: Bool) -> CheckResult {
                CheckResult(plan: ctx.plan.id, rule: schedule.id, title: schedule.title, unit: ctx.unit, period: period.id,
                            due: dueDay, expected: expected, actual: actual, owner: owner, status: pending ? .pending : .passed)
            }
            let submission = ReportCheck.submission(of: schedule, unit: ctx.unit, period: period, ctx: ctx)
            if let submission {
                let actual: Actual = submission.date.map { .date($0) } ?? .none
                if let date = submission.date, date > dueDay {
                    let late = Wording.days(dueDay.days(to: date))
                    recorder.check(result(actual, pending: false), findings: [finding(
                        ReportCheck.late, schedule.severity, actual: actual,
                        location: ctx.data.location(file: submission.file, line: submission.line),
                        LocalizedText(in: ctx.language,
                            en: "'\(name)' for \(p.en) submitted \(date.iso), \(late.en) after the deadline \(dueText.en)",
                            vi: "'\(name)' kỳ \(p.vi) nộp chậm ngày \(date.vietnamese), chậm \(late.vi) so với hạn chót \(dueText.vi)"))])
                } else {
                    recorder.check(result(actual, pending: false), findings: [])
                }
                let missing = needed.filter { !submission.indicators.contains($0) }
                if missing.isEmpty && !needed.isEmpty {
                    recorder.check(result(actual, pending: false), findings: [])
                } else if !missing.isEmpty {
                    let list = missing.map { "'\($0)'" }.joined(separator: ", ")
                    recorder.check(result(actual, pending: false), findings: [finding(
                        ReportCheck.incomplete, schedule.severity, actual: actual,
                        location: ctx.data.location(file: submission.file, line: submission.line),
                        LocalizedText(in: ctx.language,
                            en: "'\(name)' for \(p.en) lacks \(missing.count == 1 ? "the indicator" : "\(missing.count) indicators") it must contain: \(list)",
                            vi: "'\(name)' kỳ \(p.vi) thiếu \(missing.count) chỉ tiêu bắt buộc: \(list)"))])
                }
            } else if ctx.isJudged(dueDay) {
                recorder.check(result(.none, pending: false), findings: [finding(
                    ReportCheck.missing, schedule.severity, actual: .none, location: nil,
                    LocalizedText(in: ctx.language, en: "'\(name)' for \(p.en) not submitted; the deadline was \(dueText.en)",
                                  vi: "thiếu báo cáo: '\(name)' kỳ \(p.vi) chưa nộp, hạn chót \(dueText.vi)"))])
            } else if ctx.isDueSoon(dueDay) {
                let left = Wording.days(ctx.asOf.days(to: dueDay))
                recorder.check(result(.none, pending: true), pending: true, findings: [finding(
                    ReportCheck.dueSoon, .warning, actual: .none, location: nil,
                    LocalizedText(in: ctx.language, en: "'\(name)' for \(p.en) is due \(dueText.en) (\(left.en) left)",
                                  vi: "'\(name)' kỳ \(p.vi) sắp đến hạn nộp \(dueText.vi) (còn \(left.vi))"))])
            } else {
                recorder.check(result(.none, pending: true), pending: true, findings: [])
            }
        }
    }
}
