/// `task`: a one-off task must be completed by its deadline ("chậm nhất ngày 31/01/2026").
public struct TaskRule: RuleKind {
    public static let overdue = FindingCode("task-overdue")
    public static let late = FindingCode("task-late")
    public static let dueSoon = FindingCode("task-due-soon")

    public static let descriptor = RuleKindDescriptor(
        shapeKey: "task",
        keys: ["task", "due", "indicator"],
        summary: LocalizedText(
            en: "a one-off task must be completed by its deadline; data rows report it done or give the completion date",
            vi: "nhiệm vụ phải hoàn thành đúng hạn; số liệu ghi 'hoàn thành' hoặc ngày hoàn thành"),
        examples: [
            #"{"id": "election-team", "task": "Thành lập Tổ bầu cử", "due": "chậm nhất ngày 31/01/2026"}"#,
            #"{"id": "voter-list", "task": "Niêm yết danh sách cử tri", "due": "trước ngày 03/02/2026"}"#,
        ],
        codes: [overdue, late, dueSoon])

    public var task: String
    public var due: Deadline
    public var indicator: String

    public init(task: String, due: Deadline, indicator: String) {
        self.task = task
        self.due = due
        self.indicator = indicator
    }

    public static func load(_ f: inout RuleFields) -> TaskRule? {
        let task = f.string("task", required: true)
        let due = f.deadline("due", required: true)
        let indicator = f.indicator(default: f.ruleID)
        guard let task, let due, let indicator else { return nil }
        return TaskRule(task: task, due: due, indicator: indicator)
    }

    public func evaluate(_ rule: Rule, in ctx: UnitContext, into recorder: inout CheckRecorder) {
        let due = ctx.resolve(self.due)
        let dueDay = due.rolled
        let factory = FindingFactory(rule: rule, context: ctx)
        recorder.explain(DeadlineExplanation.text(for: self.due, resolved: due, calendar: ctx.calendar,
                                                    rolls: ctx.plan.rollsToWorkingDay))
        // The earliest completion known by the as-of date.
        let series = ctx.series(indicator)
        let completion = series.points
            .filter { !$0.value.isNaN && CivilDate(dayNumber: Int32($0.value)) <= ctx.asOf }
            .min { $0.value < $1.value }
        let dueText = Wording.date(dueDay)
        let expected = "≤ \(dueDay.iso)"
        let name = Wording.name(rule.title, task)

        if let point = completion {
            let done = CivilDate(dayNumber: Int32(point.value))
            let period = series.period(of: point).id
            let result = factory.result(period: period, due: dueDay, expected: expected, actual: .date(done))
            recorder.explain(LocalizedText(en: "completed \(done.iso) (row \(point.line))",
                                           vi: "hoàn thành ngày \(done.vietnamese) (dòng \(point.line))"))
            if done <= dueDay {
                recorder.check(result, findings: [])
            } else {
                let late = Wording.days(dueDay.days(to: done))
                recorder.check(result, findings: [factory.finding(
                    TaskRule.late, severity: rule.severity, period: period, due: dueDay, expected: expected,
                    actual: .date(done), location: ctx.location(of: point),
                    message: LocalizedText(in: ctx.language,
                        en: "'\(name)' completed \(done.iso), \(late.en) after the deadline \(dueText.en)",
                        vi: "'\(name)' hoàn thành muộn ngày \(done.vietnamese), chậm \(late.vi) so với hạn chót \(dueText.vi)"))])
            }
            return
        }
        recorder.explain(LocalizedText(en: "no completion known by \(ctx.asOf.iso)",
                                       vi: "chưa có báo cáo hoàn thành đến ngày \(ctx.asOf.vietnamese)"))
        let result = factory.result(due: dueDay, expected: expected, pending: !ctx.isJudged(dueDay))
        if ctx.isJudged(dueDay) {
            recorder.check(result, findings: [factory.finding(
                TaskRule.overdue, severity: rule.severity, due: dueDay, expected: expected, actual: Actual.none,
                message: LocalizedText(in: ctx.language, en: "'\(name)' is overdue: not completed by the deadline \(dueText.en)",
                                       vi: "'\(name)' quá hạn: chưa hoàn thành, hạn chót \(dueText.vi)"))])
        } else if ctx.isDueSoon(dueDay) {
            let left = Wording.days(ctx.asOf.days(to: dueDay))
            recorder.check(result, findings: [factory.finding(
                TaskRule.dueSoon, severity: .warning, due: dueDay, expected: expected, actual: Actual.none,
                message: LocalizedText(in: ctx.language, en: "'\(name)' is due \(dueText.en) (\(left.en) left) and not yet completed",
                                       vi: "'\(name)' sắp đến hạn \(dueText.vi) (còn \(left.vi)), chưa hoàn thành"))])
        } else {
            recorder.check(result, pending: true, findings: [])
        }
    }
}
