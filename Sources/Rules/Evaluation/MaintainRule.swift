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
        let points = series.points(in: start...max(start, end), upTo: ctx.asOf).filter { !$0.value.isNaN }
        recorder.explain(LocalizedText(
            en: "window \(start.iso)..\(end.iso): \(points.count) values reported, each must satisfy \(maintain.canonical)",
            vi: "khoảng \(start.vietnamese)..\(end.vietnamese): \(points.count) giá trị đã báo cáo, mỗi giá trị phải đạt \(maintain.canonical)"))
        for point in points {
            let period = series.period(of: point)
            let shown = Wording.quantity(point.value, unit)
            let m = Measurement(compared: point.value, actual: .number(point.value), evidence: point, shown: shown)
            let result = factory.result(due: period.end, expected: maintain.canonical, measurement: m)
            if maintain.isSatisfied(by: point.value) {
                recorder.check(result, findings: [])
            } else {
                let p = Wording.period(period)
                recorder.check(result, findings: [factory.finding(
                    MaintainRule.broken, severity: rule.severity, due: nil, expected: maintain.canonical, measurement: m,
                    message: LocalizedText(en: "\(p.en): \(shown.en) breaks the required \(maintain.text(.en))",
                                           vi: "\(p.vi): \(shown.vi), không duy trì được mức \(maintain.text(.vi))"))])
            }
        }
        if points.isEmpty {
            let pending = factory.result(due: end, expected: maintain.canonical, pending: true)
            if ctx.reportPeriodEnded && series.points(in: ctx.window(), upTo: ctx.asOf).allSatisfy({ $0.value.isNaN }) {
                recorder.check(pending, findings: [NoDataWarning.finding(rule: rule, ctx: ctx, due: end, expected: maintain.canonical)])
            } else {
                recorder.check(pending, findings: [])
            }
        }
    }
}
