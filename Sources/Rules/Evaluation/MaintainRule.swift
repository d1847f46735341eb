/// `maintain`: every value reported inside the window must satisfy the threshold ("duy trì").
public struct MaintainRule: RuleKind {
    public static let broken = FindingCode("maintain-broken")

    public static let descriptor = RuleKindDescriptor(
        shapeKey: "maintain",
        keys: ["indicator", "maintain", "from", "to"],
        summary: LocalizedText(
            en: "every value reported inside the window (default: the plan year) must satisfy the threshold",
            vi: "mọi giá trị báo cáo trong khoảng thời gian (mặc định: năm kế hoạch) phải duy trì mức yêu cầu"),
        examples: [
            #"{"id": "online-tthc", "indicator": "online_tthc_rate", "maintain": "từ 90% trở lên"}"#,
            #"{"id": "htx", "indicator": "cooperatives", "maintain": "duy trì 04 HTX", "from": "2026-Q2"}"#,
        ],
        codes: [broken, .noData])

    public var indicator: String
    public var maintain: Threshold
    /// First and last day of the window; nil = the plan year's.
    public var from: CivilDate?
    public var to: CivilDate?

    public init(indicator: String, maintain: Threshold, from: CivilDate? = nil, to: CivilDate? = nil) {
        self.indicator = indicator
        self.maintain = maintain
        self.from = from
        self.to = to
    }

    public static func load(_ f: inout RuleFields) -> MaintainRule? {
        let indicator = f.indicator()
        let from = f.windowBound("from", end: false)
        let to = f.windowBound("to", end: true)
        guard let indicator else { _ = f.value("maintain"); return nil }
        guard let threshold = f.threshold("maintain", shape: .maintain, indicator: indicator) else { return nil }
        if let from, let to, from > to {
            f.diagnostics.append(.error("rules.empty-window", at: f.object.node["to"]?.location,
                                        LocalizedText(en: "'to' (\(to.iso)) is before 'from' (\(from.iso))",
                                                      vi: "'to' (\(to.vietnamese)) trước 'from' (\(from.vietnamese))")))
            return nil
        }
        return MaintainRule(indicator: indicator, maintain: threshold, from: from, to: to)
    }

    public func evaluate(_ rule: Rule, in ctx: UnitContext, into recorder: inout CheckRecorder) {
        let start = from ?? ctx.plan.yearStart, end = to ?? ctx.plan.yearEnd
        guard start <= ctx.asOf else {
            recorder.explain(LocalizedText(en: "the window starts \(start.iso): nothing to judge yet",
                                           vi: "khoảng thời gian bắt đầu từ \(start.vietnamese): chưa có gì để đánh giá"))
            return
        }
        let series = ctx.series(indicator)
        let unit = maintain.unit ?? ctx.unitLabel(indicator)
        let factory = FindingFactory(rule: rule, context: ctx)
        let window = start...max(start, end)
        var judged = 0
        recorder.explain(LocalizedText(
            en: "window \(start.iso)..\(end.iso): every value reported must satisfy \(maintain.canonical)",
            vi: "khoảng \(start.vietnamese)..\(end.vietnamese): mọi giá trị báo cáo phải đạt \(maintain.canonical)"))
        // One pass over the series, building a finding or a result only where one is kept.
        for point in series.points where !point.value.isNaN {
            let period = series.period(of: point)
            guard period.start >= window.lowerBound, period.end <= window.upperBound, period.end <= ctx.asOf else { continue }
            judged += 1
            if recorder.countsOnly && maintain.isSatisfied(by: point.value) {
                recorder.countPassed()
                continue
            }
            let m = Measurement(compared: point.value, actual: .number(point.value), evidence: point,
                                display: .quantity(point.value, unit: unit))
            if maintain.isSatisfied(by: point.value) {
                recorder.check(factory.result(due: period.end, expected: maintain.canonical, measurement: m), findings: [])
            } else {
                recorder.check(factory.result(due: period.end, expected: maintain.canonical, measurement: m), findings: [factory.finding(
                    MaintainRule.broken, severity: rule.severity, due: nil, expected: maintain.canonical, measurement: m,
                    message: LocalizedText(in: ctx.language,
                                           en: "\(period.id): \(m.shown(.en)) breaks the required \(maintain.text(.en))",
                                           vi: "\(Wording.period(period).vi): \(m.shown(.vi)), không duy trì được mức \(maintain.text(.vi))"))])
            }
        }
        if judged == 0 {
            let noValue = series.points(in: ctx.window(), upTo: ctx.asOf).allSatisfy { $0.value.isNaN }
            let findings = ctx.reportPeriodEnded && noValue
                ? [NoDataWarning.finding(rule: rule, ctx: ctx, due: end, expected: maintain.canonical)] : []
            recorder.check(factory.result(due: end, expected: maintain.canonical, pending: true), pending: true, findings: findings)
        }
    }
}
