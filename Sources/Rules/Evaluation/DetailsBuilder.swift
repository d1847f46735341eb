/// One check as evaluation decided it: its subject and what it found. Logged only when a
/// format draws progress, so that the picture is built from the judgments themselves.
public struct LoggedCheck: Hashable, Sendable {
    public var result: CheckResult
    public var findings: [Finding]

    public init(result: CheckResult, findings: [Finding]) {
        self.result = result
        self.findings = findings
    }
}

/// Builds `ReportDetails` plan by plan and unit by unit, right after the engine has judged
/// them: statuses and report timeliness come from the logged checks; values and goal lines
/// from the same series and thresholds the rules read.
struct DetailsBuilder {
    private(set) var sections: [ReportDetails.Section] = []

    var details: ReportDetails {
        ReportDetails(sections: sections.sorted { ($0.unit, $0.plan) < ($1.unit, $1.plan) })
    }

    mutating func add(_ plan: Plan, unit: String, rules: RuleSet, data: ProgressData, options: CheckOptions,
                      checks: ArraySlice<LoggedCheck>) {
        let ctx = UnitContext(plan: plan, unit: unit, asOf: options.asOf, warnDays: options.warnDays ?? plan.warnDays,
                              calendar: rules.calendar(for: plan), data: data, reportPeriodEnded: false)
        var byRule: [String: [LoggedCheck]] = [:]
        for c in checks { byRule[c.result.rule, default: []].append(c) }

        var section = ReportDetails.Section(plan: plan.id, planTitle: plan.title, unit: unit)
        for rule in plan.rules where rule.applies(to: unit)
            && Engine.selects(owner: rule.owner ?? plan.defaultOwner, options: options) {
            section.rules.append(progress(rule, ctx: ctx, checks: byRule[rule.id] ?? []))
        }
        for schedule in plan.reports where schedule.applies(to: unit)
            && Engine.selects(owner: schedule.owner ?? plan.defaultOwner, options: options) {
            section.reports.append(timeline(schedule, ctx: ctx, checks: byRule[schedule.id] ?? []))
        }
        sections.append(section)
    }

    func progress(_ rule: Rule, ctx: UnitContext, checks: [LoggedCheck]) -> RuleProgress {
        let shape = type(of: rule.kind).descriptor.shapeKey
        let title = rule.title ?? (rule.kind as? TaskRule)?.task
        var p = RuleProgress(rule: rule.id, title: title, shape: shape, indicator: rule.indicator,
                             unitLabel: ctx.unitLabel(rule.indicator), status: Self.status(checks))
        if let chart = rule.kind as? any ProgressCharting {
            let drawn = chart.chart(in: ctx)
            p.expected = drawn.goal?.text
            p.due = drawn.goal?.due
            p.goal = drawn.goal
            p.milestones = drawn.milestones
            p.values = Self.values(ctx.series(rule.indicator), aggregate: ctx.plan.indicator(rule.indicator).aggregate,
                                   window: drawn.window, asOf: ctx.asOf)
        } else {
            // A task: its deadline and completion are what the check judged.
            let last = checks.last?.result
            p.expected = last?.expected
            p.due = last?.due
            if case .date(let d)? = last?.actual { p.completed = d }
        }
        return p
    }

    /// The worst of what the checks found; a rule with no judged check is pending.
    static func status(_ checks: [LoggedCheck]) -> ProgressStatus {
        var status = ProgressStatus.pending
        for c in checks {
            let s: ProgressStatus
            if c.findings.contains(where: { $0.severity == .violation }) { s = .violation }
            else if !c.findings.isEmpty { s = .warning }
            else { s = c.result.status == .passed ? .passed : .pending }
            status = min(status, s)
        }
        return status
    }

    /// The values known by the as-of date, one per period end (the shortest period wins a
    /// tie, as for `latest`); for `sum` indicators the running total over the finest periods.
    static func values(_ series: Series, aggregate: Indicator.Aggregate, window: ClosedRange<CivilDate>,
                       asOf: CivilDate) -> [ValuePoint] {
        let known = series.points(in: window, upTo: asOf).filter { !$0.value.isNaN }
        switch aggregate {
        case .latest:
            var out: [ValuePoint] = []
            for point in known {
                let period = series.period(of: point)
                // Of periods ending together the shortest counts, and it comes last.
                if let last = out.last, last.end == period.end { out.removeLast() }
                out.append(ValuePoint(period: period.id, end: period.end, value: point.value))
            }
            return out
        case .sum:
            var running = 0.0
            return series.sumCover(known)
                .sorted { series.period(of: $0.point) < series.period(of: $1.point) }
                .map { part in
                    running += part.amount
                    let period = series.period(of: part.point)
                    return ValuePoint(period: period.id, end: period.end, value: running)
                }
        }
    }

    func timeline(_ schedule: ReportSchedule, ctx: UnitContext, checks: [LoggedCheck]) -> ReportTimeline {
        var cells: [ReportTimeline.Cell] = []
        for period in schedule.periods {
            let judged = checks.filter { $0.result.period == period.id }
            let due = judged.first?.result.due
                ?? ReportCheck.due(of: schedule, for: period, plan: ctx.plan, calendar: ctx.calendar).rolled
            var cell = ReportTimeline.Cell(period: period.id, due: due, status: .notDue)
            let codes = Set(judged.flatMap { $0.findings.map(\.code) })
            if case .date(let d)? = judged.first?.result.actual { cell.submitted = d }
            if codes.contains(ReportCheck.missing) { cell.status = .missing }
            else if codes.contains(ReportCheck.late) { cell.status = .late }
            else if codes.contains(ReportCheck.dueSoon) { cell.status = .dueSoon }
            else if judged.contains(where: { $0.result.status == .passed }) { cell.status = .onTime }
            cell.incomplete = codes.contains(ReportCheck.incomplete)
            cells.append(cell)
        }
        return ReportTimeline(schedule: schedule.id, title: schedule.title, cells: cells)
    }
}

/// Rule kinds whose requirement can be drawn as a line against reported values.
protocol ProgressCharting {
    func chart(in ctx: UnitContext) -> ProgressChart
}

/// The lines a rule holds its values against, and the window its values come from.
struct ProgressChart {
    var goal: GoalLine?
    var milestones: [GoalLine] = []
    var window: ClosedRange<CivilDate>

    /// A requirement as a line (or band), moved into the indicator's values by `map`.
    static func line(_ r: Requirement, due: CivilDate?, text: String, map: (Double) -> Double = { $0 }) -> GoalLine {
        switch r {
        case .compare(_, let x): return GoalLine(due: due, low: map(x), text: text)
        case .aimed(_, let bound, _): return GoalLine(due: due, low: map(bound), text: text)
        case .between(let lo, let hi):
            let a = map(lo), b = map(hi)
            return GoalLine(due: due, low: min(a, b), high: max(a, b), text: text)
        }
    }
}

extension TargetRule: ProgressCharting {
    func chart(in ctx: UnitContext) -> ProgressChart {
        let due = ctx.resolve(self.due).rolled
        let milestones = self.milestones.map {
            ProgressChart.line($0.target.requirement, due: ctx.resolve($0.due).rolled, text: $0.target.canonical)
        }
        return ProgressChart(goal: ProgressChart.line(target.requirement, due: due, text: target.canonical),
                             milestones: milestones, window: ctx.window(through: due))
    }
}

extension MaintainRule: ProgressCharting {
    func chart(in ctx: UnitContext) -> ProgressChart {
        let start = from ?? ctx.plan.yearStart, end = to ?? ctx.plan.yearEnd
        return ProgressChart(goal: ProgressChart.line(maintain.requirement, due: nil, text: maintain.canonical),
                             window: start...max(start, end))
    }
}

extension ChangeRule: ProgressCharting {
    /// The values are drawn as reported; the goal line is the baseline moved by the
    /// required change, when the baseline is known.
    func chart(in ctx: UnitContext) -> ProgressChart {
        let ind = ctx.plan.indicator(indicator)
        let due = ctx.resolve(self.due).rolled
        var start: CivilDate? = nil
        if case .period(let p) = baseline { start = max(p.end.adding(days: 1), ctx.plan.yearStart) }
        let window = ctx.window(from: start, through: due)
        guard let base = baselineValue(ctx, series: ctx.series(indicator), aggregate: ind.aggregate) else {
            return ProgressChart(goal: nil, window: window)
        }
        let relative = change.measure == .relative
        let goal = ProgressChart.line(change.requirement, due: due, text: change.canonical) {
            relative ? base * (1 + $0 / 100) : base + $0
        }
        return ProgressChart(goal: goal, window: window)
    }
}
