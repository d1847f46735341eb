/// Everything a rule needs to judge one unit: the plan, the unit, the as-of date, the
/// calendar and the unit's data. Evaluation never reads the clock; `asOf` is given.
///
/// A class, so that handing it to each rule and finding costs one reference, not a copy
/// of the plan and the data.
public final class UnitContext: Sendable {
    public let plan: Plan
    public let unit: String
    public let asOf: CivilDate
    public let warnDays: Int
    public let calendar: any WorkingCalendar
    public let data: ProgressData
    /// Whether a period of one of the plan's report schedules has ended for this unit by
    /// the as-of date: only then is missing data worth a `no-data` warning (spec §6).
    public let reportPeriodEnded: Bool
    /// Deadlines already rolled, shared by the units one thread judges (the calendar is
    /// asked once per date, not once per unit).
    let dues: DueMemo
    /// The language findings' messages are composed in (`CheckOptions.messageLanguage`).
    public let language: Language?

    public convenience init(plan: Plan, unit: String, asOf: CivilDate, warnDays: Int, calendar: any WorkingCalendar,
                            data: ProgressData, reportPeriodEnded: Bool) {
        self.init(plan: plan, unit: unit, asOf: asOf, warnDays: warnDays, calendar: calendar, data: data,
                  reportPeriodEnded: reportPeriodEnded, dues: DueMemo())
    }

    /// The unit's id in the data, looked up once for all its rules.
    private let unitID: Int32?

    public func series(_ indicator: String) -> Series { data.series(unitID: unitID, indicator: indicator) }

    /// `series(indicator).value(aggregate, in: window, upTo: cutoff)?.value`, without building
    /// the series where the aggregate allows (`latest`).
    func value(_ indicator: String, _ aggregate: Indicator.Aggregate, in window: ClosedRange<CivilDate>,
               upTo cutoff: CivilDate) -> Double? {
        switch aggregate {
        case .latest: return data.latestValue(unitID: unitID, indicator: indicator, in: window, upTo: cutoff)
        case .sum: return series(indicator).value(.sum, in: window, upTo: cutoff)?.value
        }
    }

    /// The id of a period of the data (`2026-06`).
    public func periodID(_ index: Int32) -> String { data.periodIDs[Int(index)] }

    init(plan: Plan, unit: String, asOf: CivilDate, warnDays: Int, calendar: any WorkingCalendar,
         data: ProgressData, reportPeriodEnded: Bool, dues: DueMemo, language: Language? = nil) {
        self.plan = plan
        self.unit = unit
        self.asOf = asOf
        self.warnDays = warnDays
        self.calendar = calendar
        self.data = data
        self.reportPeriodEnded = reportPeriodEnded
        self.dues = dues
        self.language = language
        self.unitID = data.unitID(unit)
    }

    /// The deadline after the plan's working-day roll.
    public func resolve(_ deadline: Deadline) -> DueDate {
        dues.resolve(deadline.nominal) {
            DueDate.resolve(deadline.nominal, roll: plan.rollsToWorkingDay, calendar: calendar)
        }
    }

    /// Whether `due` is judged today: a deadline is judged from the day after it (D > due).
    public func isJudged(_ due: CivilDate) -> Bool { asOf > due }

    /// Whether `due` falls in the due-soon window: D ≤ due ≤ D + warnDays.
    public func isDueSoon(_ due: CivilDate) -> Bool { asOf <= due && due <= asOf.adding(days: warnDays) }

    /// The plan year, the window whose periods count for a rule (earlier years serve only as
    /// baselines). A rule due after the plan year (a term target) extends it to its due date.
    public func window(from start: CivilDate? = nil, through due: CivilDate? = nil) -> ClosedRange<CivilDate> {
        let lower = start ?? plan.yearStart
        let upper = max(plan.yearEnd, due ?? plan.yearEnd)
        return lower...max(lower, upper)
    }

    public func location(of point: SeriesPoint) -> SourceLocation? {
        data.location(file: point.file, line: point.line)
    }

    public func ownerID(of rule: Rule) -> String? { rule.owner ?? plan.defaultOwner }

    /// The rule's unit of measure, for messages.
    public func unitLabel(_ indicator: String) -> String? { plan.indicator(indicator).unit }
}

/// Rolled deadlines remembered by nominal date, for one plan and one thread: the working-day
/// calendar (with its lock and caches) is asked once per date instead of once per unit.
final class DueMemo: @unchecked Sendable {
    private var byNominal: [Int32: DueDate] = [:]
    private var reports: [ReportDueKey: DueDate] = [:]

    struct ReportDueKey: Hashable {
        var schedule: String
        var period: Period
    }

    /// The deadline asked for last: the rules of a plan often share one (the plan year's end).
    private var last: DueDate?

    func resolve(_ nominal: CivilDate, _ compute: () -> DueDate) -> DueDate {
        if let last, last.nominal == nominal { return last }
        let d: DueDate
        if let known = byNominal[nominal.dayNumber] {
            d = known
        } else {
            d = compute()
            byNominal[nominal.dayNumber] = d
        }
        last = d
        return d
    }

    func report(_ schedule: String, _ period: Period, _ compute: () -> DueDate) -> DueDate {
        let key = ReportDueKey(schedule: schedule, period: period)
        if let d = reports[key] { return d }
        let d = compute()
        reports[key] = d
        return d
    }
}
