/// A dated milestone on the way to a target ("lane roads ≥ 3 km by Q2").
public struct Milestone: Hashable, Sendable {
    public var due: Deadline
    public var target: Threshold
    /// Nil: the rule's severity.
    public var severity: Severity?

    public init(due: Deadline, target: Threshold, severity: Severity? = nil) {
        self.due = due
        self.target = target
        self.severity = severity
    }
}

/// `target`: the indicator's value must satisfy the threshold by the due date, and each
/// milestone's threshold by its date (spec §2).
public struct TargetRule: RuleKind {
    public static let missed = FindingCode("target-missed")
    public static let milestoneMissed = FindingCode("milestone-missed")

    public static let descriptor = RuleKindDescriptor(
        shapeKey: "target",
        keys: ["indicator", "target", "due", "milestones", "pace", "forecast"],
        summary: LocalizedText(
            en: "the indicator's value must satisfy the target by the due date, and each milestone's target by its date",
            vi: "giá trị của chỉ tiêu phải đạt mức yêu cầu trước hạn, và đạt từng mốc theo thời hạn của mốc"),
        examples: [
            #"{"id": "lane-roads", "indicator": "lane_road_km", "target": "≥ 6 km", "due": "quý IV/2026", "milestones": [{"due": "Q2", "target": "tối thiểu 3 km", "severity": "warning"}], "pace": true}"#,
            #"{"id": "forest", "indicator": "forest_cover", "target": "đạt 52%"}"#,
            #"{"id": "bhyt", "indicator": "health_insurance_rate", "target": "trên 98%", "forecast": "trend"}"#,
        ],
        codes: [missed, milestoneMissed, .noData, .dueSoon, .behindPace, .forecastMiss])

    public var indicator: String
    public var target: Threshold
    public var due: Deadline
    public var milestones: [Milestone]
    /// Nil: the plan's `pace` default.
    public var pace: Bool?
    public var forecast: ForecastMethod?

    public init(indicator: String, target: Threshold, due: Deadline, milestones: [Milestone] = [],
                pace: Bool? = nil, forecast: ForecastMethod? = nil) {
        self.indicator = indicator
        self.target = target
        self.due = due
        self.milestones = milestones
        self.pace = pace
        self.forecast = forecast
    }

    public static func load(_ f: inout RuleFields) -> TargetRule? {
        let indicator = f.indicator()
        let due = f.deadline("due", required: false, fallback: f.endOfYear)
        let pace = f.bool("pace")
        let forecast = f.choice("forecast", ForecastMethod.allCases.map(\.rawValue)).flatMap(ForecastMethod.init)
        guard let indicator else {
            _ = (f.value("target"), f.value("milestones"))
            return nil
        }
        let target = f.threshold("target", shape: .target, indicator: indicator)
        var milestones: [Milestone] = []
        var milestonesOK = true
        if let node = f.value("milestones") {
            if let elements = node.elements {
                for element in elements {
                    guard var m = ObjectFields(element, what: LocalizedText(en: "a milestone", vi: "một mốc"),
                                               diagnostics: &f.diagnostics) else { milestonesOK = false; continue }
                    let dueText = m.string("due", required: true, diagnostics: &f.diagnostics)
                    let targetText = m.string("target", required: true, diagnostics: &f.diagnostics)
                    let severity = m.choice("severity", Severity.allCases.map(\.rawValue), diagnostics: &f.diagnostics)
                        .flatMap(Severity.init)
                    m.finish(allowed: ["due", "target", "severity"], diagnostics: &f.diagnostics)
                    guard let dueText, let targetText, let dueNode = element["due"], let targetNode = element["target"],
                          let mDue = f.deadline(dueText, at: dueNode, key: "due"),
                          let mTarget = f.threshold(targetText, at: targetNode, key: "target", shape: .milestone,
                                                    indicator: indicator) else { milestonesOK = false; continue }
                    if let due, mDue.nominal > due.nominal {
                        f.diagnostics.append(.error(
                            "rules.milestone-after-due", at: dueNode.location,
                            LocalizedText(en: "the milestone's date \(mDue.nominal.iso) is after the rule's due date \(due.nominal.iso)",
                                          vi: "thời hạn của mốc \(mDue.nominal.vietnamese) sau thời hạn của quy tắc \(due.nominal.vietnamese)")))
                        milestonesOK = false
                    }
                    milestones.append(Milestone(due: mDue, target: mTarget, severity: severity))
                }
            } else {
                f.diagnostics.append(Loading.wrongType(node, expected: LocalizedText(
                    en: "an array of milestones ({\"due\": …, \"target\": …})", vi: "một mảng các mốc ({\"due\": …, \"target\": …})")))
                milestonesOK = false
            }
        }
        guard let target, let due, milestonesOK else { return nil }
        return TargetRule(indicator: indicator, target: target, due: due,
                          milestones: milestones.sorted { $0.due.nominal < $1.due.nominal }, pace: pace, forecast: forecast)
    }

    public func evaluate(_ rule: Rule, in ctx: UnitContext, into recorder: inout CheckRecorder) {
        let ind = ctx.plan.indicator(indicator)
        let due = ctx.resolve(self.due)
        let window = ctx.window(through: due.rolled)
        // The common case, kept cheap (a national run has hundreds of thousands of them):
        // judged, met, and nothing to list, trace or log.
        if milestones.isEmpty, recorder.countsOnly, ctx.isJudged(due.rolled),
           let v = ctx.value(indicator, ind.aggregate, in: window, upTo: due.rolled), target.isSatisfied(by: v) {
            recorder.countPassed()
            return
        }
        let series = ctx.series(indicator)
        let unit = target.unit ?? ind.unit
        func measure(_ cutoff: CivilDate) -> Measurement? {
            guard let (v, evidence) = series.value(ind.aggregate, in: window, upTo: min(cutoff, ctx.asOf)) else { return nil }
            return Measurement(compared: v, actual: .number(v), evidence: evidence, display: .quantity(v, unit: unit))
        }
        recorder.explain(DeadlineExplanation.text(for: self.due, resolved: due, calendar: ctx.calendar,
                                                    rolls: ctx.plan.rollsToWorkingDay))

        var milestoneNoData = false
        var anyDueSoon = false
        let resolvedMilestones = milestones.map { (milestone: $0, due: ctx.resolve($0.due)) }
        for (milestone, mDue) in resolvedMilestones {
            let check = MeasuredCheck(
                missCode: TargetRule.milestoneMissed, due: mDue, requirement: milestone.target.requirement,
                expected: milestone.target.canonical, expectedText: milestone.target.localized, measure: measure,
                label: LocalizedText(en: "milestone \(mDue.rolled.iso)", vi: "mốc \(mDue.rolled.vietnamese)"),
                severity: milestone.severity)
            let outcome = check.run(rule, ctx, &recorder)
            outcome.commit(to: &recorder)
            milestoneNoData = milestoneNoData || (outcome.noData)
            anyDueSoon = anyDueSoon || outcome.dueSoon
        }

        let main = MeasuredCheck(missCode: TargetRule.missed, due: due, requirement: target.requirement,
                                 expected: target.canonical, expectedText: target.localized, measure: measure, label: nil)
        let outcome = main.run(rule, ctx, &recorder)
        anyDueSoon = anyDueSoon || outcome.dueSoon
        guard !outcome.judged else { return outcome.commit(to: &recorder) }

        let factory = FindingFactory(rule: rule, context: ctx)
        var warnings: [Finding] = []
        let current = outcome.measurement
        if current == nil, !milestoneNoData, !anyDueSoon, ctx.reportPeriodEnded {
            warnings.append(NoDataWarning.finding(rule: rule, ctx: ctx, due: due.rolled, expected: target.canonical))
        }
        if let goal = PacePath.goal(of: target.requirement), pace ?? ctx.plan.pace, let current {
            let start: Double?
            switch ind.aggregate {
            case .sum: start = 0
            case .latest: start = series.points(in: window, upTo: ctx.asOf).first(where: { !$0.value.isNaN })?.value
            }
            if let start {
                var knots = [(day: window.lowerBound, value: start)]
                for (m, mDue) in resolvedMilestones.sorted(by: { $0.due.rolled < $1.due.rolled }) {
                    if let g = PacePath.goal(of: m.target.requirement) { knots.append((mDue.rolled, g.value)) }
                }
                knots.append((due.rolled, goal.value))
                if let f = paceFinding(ctx, path: PacePath(knots: knots), current: current,
                                       prefersHigher: goal.prefersHigher, unit: unit, factory: factory,
                                       due: due.rolled, recorder: &recorder) {
                    warnings.append(f)
                }
            }
        }
        if forecast == .trend {
            let points = series.trajectory(ind.aggregate, in: window, upTo: ctx.asOf)
            if let projected = Trend.project(points, to: due.rolled) {
                let shown = Wording.roundedQuantity(projected, unit)
                recorder.explain(LocalizedText(
                    en: "trend over \(points.count) values projects \(shown.en) on \(due.rolled.iso)",
                    vi: "xu hướng của \(points.count) giá trị dự báo đạt \(shown.vi) vào \(due.rolled.vietnamese)"))
                if !target.isSatisfied(by: projected) {
                    warnings.append(factory.finding(
                        .forecastMiss, severity: .warning, due: due.rolled, expected: target.canonical,
                        measurement: current, actual: .number(NumberFormat.roundedValue(projected)),
                        message: LocalizedText(in: ctx.language,
                            en: "at the current trend the value reaches \(shown.en) by \(due.rolled.iso), short of \(target.text(.en))",
                            vi: "theo xu hướng hiện tại, đến \(due.rolled.vietnamese) chỉ đạt \(shown.vi), không đạt yêu cầu \(target.text(.vi))")))
                }
            }
        }
        outcome.commit(to: &recorder, adding: warnings)
    }
}

/// The `no-data` warning before a deadline (spec §6): nothing known this year although a
/// report period has ended for the unit.
enum NoDataWarning {
    static func finding(rule: Rule, ctx: UnitContext, due: CivilDate, expected: String?) -> Finding {
        FindingFactory(rule: rule, context: ctx).finding(
            .noData, severity: .warning, due: due, expected: expected,
            message: LocalizedText(in: ctx.language,
                en: "no value of '\(rule.indicator)' reported this year although reports are due; deadline \(due.iso)",
                vi: "chưa có số liệu '\(rule.indicator)' trong năm dù đã đến kỳ báo cáo; hạn \(due.vietnamese)"))
    }
}
