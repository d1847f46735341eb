/// What a change is measured from.
public enum Baseline: Hashable, Sendable {
    /// A number in the indicator's unit ("baseline": 1840).
    case value(Double)
    /// A number per unit, for plans that bind several units.
    case perUnit([String: Double])
    /// The indicator aggregated over a past period ("2025"), as for a target.
    case period(Period)
    /// The latest known value of another indicator: an amount the document refers to but
    /// does not give ("tăng 10% so với chỉ tiêu tỉnh giao"), reported once in the data.
    case indicator(String)
}

/// `change`: the change of the indicator from its baseline must satisfy the threshold by
/// the due date ("tăng 10%", "giảm tỷ lệ hộ nghèo 2%").
public struct ChangeRule: RuleKind {
    public static let missed = FindingCode("change-missed")

    public static let descriptor = RuleKindDescriptor(
        shapeKey: "change",
        keys: ["indicator", "change", "baseline", "due", "pace"],
        summary: LocalizedText(
            en: "the change from the baseline must satisfy the threshold by the due date (% = relative, or points on a % indicator)",
            vi: "mức tăng/giảm so với giá trị gốc phải đạt yêu cầu trước hạn (% = tương đối, hoặc điểm phần trăm với chỉ tiêu tính bằng %)"),
        examples: [
            #"{"id": "budget", "indicator": "domestic_revenue", "change": "≥ +10%", "baseline": 1840, "due": "2026-12-31"}"#,
            #"{"id": "poverty", "indicator": "poverty_rate", "change": "giảm 2%", "baseline": "2025"}"#,
            #"{"id": "revenue", "indicator": "domestic_revenue", "change": "tăng tối thiểu 10%", "baseline": {"indicator": "domestic_revenue_assigned"}}"#,
        ],
        codes: [missed, .noData, .dueSoon, .behindPace])

    public var indicator: String
    public var change: ChangeThreshold
    public var baseline: Baseline
    public var due: Deadline
    public var pace: Bool?

    public init(indicator: String, change: ChangeThreshold, baseline: Baseline, due: Deadline, pace: Bool? = nil) {
        self.indicator = indicator
        self.change = change
        self.baseline = baseline
        self.due = due
        self.pace = pace
    }

    public static func load(_ f: inout RuleFields) -> ChangeRule? {
        let indicator = f.indicator()
        let due = f.deadline("due", required: false, fallback: f.endOfYear)
        let pace = f.bool("pace")
        let baseline = loadBaseline(&f)
        guard let indicator else { _ = f.value("change"); return nil }
        guard let change = f.changeThreshold("change", indicator: indicator), let due, let baseline else { return nil }
        if case .period(let p) = baseline, p.end >= due.nominal {
            f.diagnostics.append(.error("rules.baseline-after-due", at: f.object.node["baseline"]?.location,
                                        LocalizedText(en: "the baseline period \(p.id) does not end before the due date \(due.nominal.iso)",
                                                      vi: "kỳ gốc \(Wording.period(p).vi) không kết thúc trước thời hạn \(due.nominal.vietnamese)")))
            return nil
        }
        return ChangeRule(indicator: indicator, change: change, baseline: baseline, due: due, pace: pace)
    }

    /// `baseline`: a number, a `{unit: number}` map, or a period such as "2025".
    static func loadBaseline(_ f: inout RuleFields) -> Baseline? {
        guard let node = f.value("baseline") else {
            f.diagnostics.append(f.object.missing("baseline"))
            return nil
        }
        switch node.value {
        case .number(let n):
            return .value(n.double)
        case .string(let s):
            if let p = PeriodParser.parse(s, defaultYear: nil) { return .period(p) }
            f.diagnostics.append(.error("rules.bad-baseline", at: node.location,
                                        LocalizedText(en: "baseline: expected a number, a {unit: number} map or a period such as \"2025\", found '\(s)'",
                                                      vi: "baseline: cần một số, một bảng {đơn vị: số} hoặc một kỳ như \"2025\", nhưng gặp '\(s)'"),
                                        hint: LocalizedText(en: "write numbers without quotes: \"baseline\": 1840",
                                                            vi: "viết số không có dấu nháy: \"baseline\": 1840")))
            return nil
        case .object(let members):
            if members.count == 1, members[0].key == "indicator", let id = members[0].value.stringValue {
                guard Loading.isIndicatorSlug(id) else {
                    f.diagnostics.append(.error("rules.bad-slug", at: members[0].value.location,
                                                LocalizedText(en: "'\(id)' is not an indicator id", vi: "'\(id)' không phải mã chỉ tiêu")))
                    return nil
                }
                return .indicator(id)
            }
            var map: [String: Double] = [:]
            var ok = true
            for m in members {
                guard let v = m.value.doubleValue else {
                    f.diagnostics.append(Loading.wrongType(m.value, expected: LocalizedText(en: "a number", vi: "một số")))
                    ok = false
                    continue
                }
                map[m.key] = v
            }
            return ok ? .perUnit(map) : nil
        default:
            f.diagnostics.append(Loading.wrongType(node, expected: LocalizedText(
                en: "a number, a {unit: number} map or a period", vi: "một số, một bảng {đơn vị: số} hoặc một kỳ")))
            return nil
        }
    }

    public var indicatorsRead: [String] {
        if case .indicator(let other) = baseline { return [indicator, other] }
        return [indicator]
    }

    /// The baseline value for the context's unit, nil when it is not known.
    func baselineValue(_ ctx: UnitContext, series: Series, aggregate: Indicator.Aggregate) -> Double? {
        switch baseline {
        case .value(let x): return x
        case .perUnit(let map): return map[ctx.unit]
        case .period(let p): return series.value(aggregate, in: p.start...p.end, upTo: min(p.end, ctx.asOf))?.value
        case .indicator(let id):
            let other = ctx.series(id)
            let known = other.points.filter { !$0.value.isNaN && other.period(of: $0).end <= ctx.asOf }
            return known.max { other.period(of: $0) < other.period(of: $1) }?.value
        }
    }

    public func evaluate(_ rule: Rule, in ctx: UnitContext, into recorder: inout CheckRecorder) {
        let ind = ctx.plan.indicator(indicator)
        let series = ctx.series(indicator)
        let due = ctx.resolve(self.due)
        var windowStart: CivilDate? = nil
        if case .period(let p) = baseline { windowStart = max(p.end.adding(days: 1), ctx.plan.yearStart) }
        let window = ctx.window(from: windowStart, through: due.rolled)
        let unit = ind.unit ?? change.unit
        let base = baselineValue(ctx, series: series, aggregate: ind.aggregate)
        let baseText: LocalizedText = switch baseline {
        case .period(let p): Wording.period(p)
        case .indicator(let id): LocalizedText(en: "the latest value of '\(id)'", vi: "giá trị mới nhất của '\(id)'")
        default: LocalizedText(en: "the baseline", vi: "giá trị gốc")
        }
        recorder.explain(DeadlineExplanation.text(for: self.due, resolved: due, calendar: ctx.calendar,
                                                    rolls: ctx.plan.rollsToWorkingDay))
        recorder.explain(LocalizedText(
            en: "baseline (\(baseText.en)): \(base.map { Wording.quantity($0, unit).en } ?? "no value")",
            vi: "giá trị gốc (\(baseText.vi)): \(base.map { Wording.quantity($0, unit).vi } ?? "chưa có số liệu")"))

        func current(_ cutoff: CivilDate) -> (Double, SeriesPoint)? {
            series.value(ind.aggregate, in: window, upTo: min(cutoff, ctx.asOf))
        }
        func measure(_ cutoff: CivilDate) -> Measurement? {
            guard let base, let (cur, evidence) = current(cutoff) else { return nil }
            switch change.measure {
            case .relative:
                guard base != 0 else {
                    let from = Wording.quantity(base, unit), to = Wording.quantity(cur, unit)
                    return Measurement(compared: 0, actual: .number(cur), evidence: evidence,
                                       display: .text(LocalizedText(en: "\(from.en) → \(to.en)", vi: "\(from.vi) → \(to.vi)")),
                                       impossible: LocalizedText(
                                        en: "the baseline is 0, so a relative change of \(change.text(.en)) cannot be measured (\(from.en) → \(to.en))",
                                        vi: "giá trị gốc bằng 0 nên không tính được mức thay đổi tương đối \(change.text(.vi)) (\(from.vi) → \(to.vi))"))
                }
                let pct = (cur - base) / abs(base) * 100
                return Measurement(compared: pct, actual: .number(NumberFormat.roundedValue(pct, digits: 4)), evidence: evidence,
                                   display: .change(pct, suffix: "%", from: base, to: cur, unit: unit))
            case .points, .absolute:
                let d = cur - base
                let suffix = change.measure == .points ? " pp" : (unit.map { $0 == "%" ? "%" : " " + $0 } ?? "")
                return Measurement(compared: d, actual: .number(NumberFormat.roundedValue(d, digits: 4)), evidence: evidence,
                                   display: .change(d, suffix: suffix, from: base, to: cur, unit: unit))
            }
        }
        let noDataReason: (CivilDate) -> LocalizedText? = { cutoff in
            if base == nil {
                return LocalizedText(en: "no baseline value (\(baseText.en))", vi: "chưa có giá trị gốc (\(baseText.vi))")
            }
            return nil
        }
        let check = MeasuredCheck(missCode: ChangeRule.missed, due: due, requirement: change.requirement,
                                  expected: change.canonical, expectedText: change.localized, measure: measure, label: nil,
                                  noDataReason: noDataReason)
        let outcome = check.run(rule, ctx, &recorder)
        guard !outcome.judged else { return outcome.commit(to: &recorder) }

        let factory = FindingFactory(rule: rule, context: ctx)
        var warnings: [Finding] = []
        let now = current(ctx.asOf)
        if now == nil, !outcome.dueSoon, ctx.reportPeriodEnded {
            warnings.append(NoDataWarning.finding(rule: rule, ctx: ctx, due: due.rolled, expected: change.canonical))
        }
        if pace ?? ctx.plan.pace, let base, let (cur, evidence) = now, let goal = PacePath.goal(of: change.requirement) {
            let end: Double = switch change.measure {
            case .relative: base * (1 + goal.value / 100)
            case .points, .absolute: base + goal.value
            }
            let start = ind.aggregate == .sum ? 0 : base
            let path = PacePath(knots: [(window.lowerBound, start), (due.rolled, end)])
            let m = Measurement(compared: cur, actual: .number(cur), evidence: evidence, display: .quantity(cur, unit: unit))
            if let f = paceFinding(ctx, path: path, current: m, prefersHigher: goal.prefersHigher, unit: unit,
                                   factory: factory, due: due.rolled, recorder: &recorder) {
                warnings.append(f)
            }
        }
        outcome.commit(to: &recorder, adding: warnings)
    }

}
