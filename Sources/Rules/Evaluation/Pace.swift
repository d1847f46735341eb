/// The expected path of a `pace` rule (spec §6.1): linear from the plan's start value
/// through each milestone to the target at the due date.
struct PacePath {
    /// Knots in date order; the first is the start.
    var knots: [(day: CivilDate, value: Double)]

    /// The path's value on `day`, flat before the first knot and after the last.
    func value(at day: CivilDate) -> Double {
        guard let first = knots.first else { return 0 }
        if day <= first.day { return first.value }
        for (a, b) in zip(knots, knots.dropFirst()) where day <= b.day {
            let span = Double(a.day.days(to: b.day))
            guard span > 0 else { return b.value }
            return a.value + (b.value - a.value) * Double(a.day.days(to: day)) / span
        }
        return knots[knots.count - 1].value
    }

    /// The bound a requirement's path aims at, or nil where pace does not apply
    /// (ranges and `=` targets have no pace).
    static func goal(of requirement: Requirement) -> (value: Double, prefersHigher: Bool)? {
        switch requirement {
        case .compare(let c, let x) where c != .equal: return (x, c.prefersHigher)
        case .aimed(let c, let bound, _) where c != .equal: return (bound, c.prefersHigher)
        default: return nil
        }
    }

    /// A `behind-pace` warning when `actual` is worse than the path by more than 10 % of
    /// the distance from start to target.
    func check(actual: Double, at day: CivilDate, prefersHigher: Bool) -> (expected: Double, behind: Bool) {
        let expected = value(at: day)
        let start = knots.first?.value ?? 0, goal = knots.last?.value ?? 0
        let tolerance = 0.1 * abs(goal - start)
        let shortfall = prefersHigher ? expected - actual : actual - expected
        let behind = shortfall > tolerance && !Requirement.nearlyEqual(shortfall, tolerance)
        return (expected, behind)
    }
}

extension RuleKind {
    /// Runs the pace check shared by target and change rules.
    func paceFinding(_ ctx: UnitContext, path: PacePath, current: Measurement?,
                     prefersHigher: Bool, unit: String?, factory: FindingFactory,
                     due: CivilDate, recorder: inout CheckRecorder) -> Finding? {
        guard let current, let evidence = current.evidence, current.impossible == nil else { return nil }
        guard case .number(let actual) = current.actual else { return nil }
        let day = ctx.data.periods[Int(evidence.period)].end
        let (expected, behind) = path.check(actual: actual, at: day, prefersHigher: prefersHigher)
        let expectedText = "\(prefersHigher ? "≥" : "≤") \(NumberFormat.attachUnit(NumberFormat.rounded(expected), unit)) by now"
        let path = Wording.roundedQuantity(expected, unit)
        recorder.explain(LocalizedText(
            en: "pace: the path expects \(path.en) on \(day.iso), reported \(current.shown.en)\(behind ? " (behind)" : "")",
            vi: "tiến độ: lộ trình cần \(path.vi) vào \(day.vietnamese), báo cáo \(current.shown.vi)\(behind ? " (chậm)" : "")"))
        guard behind else { return nil }
        let period = Wording.period(ctx.data.periods[Int(evidence.period)])
        return factory.finding(
            .behindPace, severity: .warning, due: due, expected: expectedText, measurement: current,
            message: LocalizedText(in: ctx.language,
                en: "behind pace: \(current.shown.en) in \(period.en), the path to the target by \(due.iso) expects \(path.en)",
                vi: "chậm tiến độ: \(period.vi) đạt \(current.shown.vi), theo lộ trình đến hạn \(due.vietnamese) cần \(path.vi)"))
    }
}
