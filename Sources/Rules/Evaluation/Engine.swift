/// What to check and how: everything that is not the rules or the data.
public struct CheckOptions: Sendable {
    public var asOf: CivilDate
    /// Overrides every plan's `warnDays`.
    public var warnDays: Int?
    /// Only these units, plans, owners (empty = all).
    public var units: Set<String>
    public var plans: Set<String>
    public var owners: Set<String>
    /// Also list the checks that found nothing (`--all`).
    public var keepPassed: Bool
    /// Fill `Report.details` (values, goal lines, report timeliness) for formats that draw progress.
    public var details: Bool
    /// How many threads may judge units at once; the report is the same whatever the number.
    public var threads: Int
    /// The one language the findings' messages will be shown in, so that they are composed
    /// in it alone; nil composes both (for callers that show either).
    public var messageLanguage: Language?

    public init(asOf: CivilDate, warnDays: Int? = nil, units: Set<String> = [], plans: Set<String> = [],
                owners: Set<String> = [], keepPassed: Bool = false, details: Bool = false, threads: Int = 1) {
        self.details = details
        self.threads = threads
        self.asOf = asOf
        self.warnDays = warnDays
        self.units = units
        self.plans = plans
        self.owners = owners
        self.keepPassed = keepPassed
    }
}

/// Judges every rule and report schedule of the selected plans for every unit they bind.
/// Pure: the as-of date is an input and nothing is read from the clock or printed.
public enum Engine {
    /// The units `plan` binds on this run: its list, or every unit in the data for `"*"`,
    /// narrowed by `--unit`.
    public static func units(of plan: Plan, data: ProgressData, options: CheckOptions) -> [String] {
        let all: [String]
        switch plan.units {
        case .listed(let list): all = list.sorted()
        case .everyUnitInData: all = data.units
        }
        return options.units.isEmpty ? all : all.filter(options.units.contains)
    }

    public static func selectedPlans(_ rules: RuleSet, options: CheckOptions) -> [Plan] {
        rules.plans.filter { options.plans.isEmpty || options.plans.contains($0.id) }
    }

    public static func run(_ rules: RuleSet, data: ProgressData, dataFindings: [Finding] = [],
                           options: CheckOptions) -> Report {
        judge(rules, data: data, dataFindings: dataFindings, options: options).report()
    }

    /// Judges everything, leaving the findings unsorted: a caller that holds a large
    /// `ProgressData` can let it go before `Judgement.report()` sorts them. `streamed`: the
    /// units already judged while the data was read (`UnitJudging`), which `data` then
    /// holds no rows of; their checks join this judgement.
    public static func judge(_ rules: RuleSet, data: ProgressData, dataFindings: [Finding] = [],
                             options: CheckOptions, streamed: StreamedUnits? = nil) -> Judgement {
        var recorder = CheckRecorder(keepsPassed: options.keepPassed, logging: options.details)
        var unitsSeen = Set<String>()
        var owners: [String: Owner] = [:]
        var details = options.details ? DetailsBuilder() : nil
        var dataOwners: [String: String] = [:]
        let plans = selectedPlans(rules, options: options)
        var work: [(plan: Plan, unit: String)] = []
        let judgedAlready = Set(streamed?.units ?? [])
        for plan in plans {
            for owner in plan.owners where owners[owner.id] == nil { owners[owner.id] = owner }
            for unit in units(of: plan, data: data, options: options) where !judgedAlready.contains(unit) {
                unitsSeen.insert(unit)
                if dataOwners[unit] == nil, let owner = plan.defaultOwner { dataOwners[unit] = owner }
                work.append((plan, unit))
            }
        }
        var findingParts: [[Finding]] = []
        if var builder = details {
            for (plan, unit) in work {
                let logged = recorder.log?.count ?? 0
                evaluate(plan, unit: unit, rules: rules, data: data, options: options, only: nil, into: &recorder)
                builder.add(plan, unit: unit, rules: rules, data: data, options: options, checks: recorder.log?[logged...] ?? [])
            }
            details = builder
        } else {
            // Units are independent: judge them in chunks on several threads, and join the
            // chunks in order (findings are sorted afterwards anyway).
            let chunks = options.threads > 1 && work.count > 1 ? min(work.count, options.threads * 8) : 1
            let size = (work.count + chunks - 1) / max(chunks, 1)
            let pairs = work
            var parts = Parallel.map(chunks, threads: options.threads) { c in
                var part = CheckRecorder(keepsPassed: options.keepPassed)
                var memos: [String: DueMemo] = [:]
                for (plan, unit) in pairs[min(c * size, pairs.count)..<min((c + 1) * size, pairs.count)] {
                    let memo = memos[plan.id] ?? DueMemo()
                    memos[plan.id] = memo
                    evaluate(plan, unit: unit, rules: rules, data: data, options: options, only: nil, into: &part, dues: memo)
                }
                return part
            }
            for i in parts.indices {
                findingParts.append(parts[i].takeFindings())
                recorder.merge(parts[i])
            }
        }
        if let streamed {
            for unit in streamed.units {
                unitsSeen.insert(unit)
                if dataOwners[unit] == nil, let owner = streamed.setup.dataOwner(of: unit) { dataOwners[unit] = owner }
            }
            for part in streamed.recorders { recorder.merge(part) }
            findingParts.append(streamed.duplicates)
        }
        findingParts.append(recorder.takeFindings())
        if options.owners.isEmpty {
            findingParts.append(dataFindings.filter { options.units.isEmpty || options.units.contains($0.unit ?? "") })
        }
        return Judgement(findingParts: findingParts, presorted: streamed?.runs ?? [], recorder: recorder, plans: plans.count, units: unitsSeen.count,
                         owners: owners, details: details?.details, dataOwners: dataOwners, options: options)
    }

    /// Whether `--owner` keeps a rule or schedule answered for by `owner`.
    static func selects(owner: String?, options: CheckOptions) -> Bool {
        options.owners.isEmpty || owner.map(options.owners.contains) == true
    }

    /// Judges one plan for one unit; `only` restricts it to one rule or schedule id (for
    /// `check explain`).
    public static func evaluate(_ plan: Plan, unit: String, rules: RuleSet, data: ProgressData,
                                options: CheckOptions, only: String?, into recorder: inout CheckRecorder) {
        evaluate(plan, unit: unit, rules: rules, data: data, options: options, only: only, into: &recorder, dues: DueMemo())
    }

    static func evaluate(_ plan: Plan, unit: String, rules: RuleSet, data: ProgressData, options: CheckOptions,
                         only: String?, into recorder: inout CheckRecorder, dues: DueMemo) {
        let calendar = rules.calendar(for: plan)
        let ownerOK: (String?) -> Bool = { selects(owner: $0, options: options) }
        let reportPeriodEnded = plan.reports.contains { schedule in
            schedule.applies(to: unit) && schedule.periods.contains { $0.end <= options.asOf }
        }
        let ctx = UnitContext(plan: plan, unit: unit, asOf: options.asOf, warnDays: options.warnDays ?? plan.warnDays,
                              calendar: calendar, data: data, reportPeriodEnded: reportPeriodEnded, dues: dues,
                              language: options.messageLanguage)
        for rule in plan.rules where rule.applies(to: unit) && ownerOK(rule.owner ?? plan.defaultOwner)
            && (only == nil || only == rule.id) {
            rule.kind.evaluate(rule, in: ctx, into: &recorder)
        }
        for schedule in plan.reports where schedule.applies(to: unit) && ownerOK(schedule.owner ?? plan.defaultOwner)
            && (only == nil || only == schedule.id) {
            ReportCheck(schedule: schedule).evaluate(in: ctx, into: &recorder)
        }
    }
}

/// What `Engine.judge` found, before the findings are put in order.
public struct Judgement: Sendable {
    var findingParts: [[Finding]]
    /// Findings in canonical order run by run (`StreamedUnits.runs`).
    var presorted: [[Finding]]
    var recorder: CheckRecorder
    var plans: Int
    var units: Int
    var owners: [String: Owner]
    var details: ReportDetails?
    var dataOwners: [String: String]
    var options: CheckOptions

    /// The report, findings in canonical order (spec §6).
    public consuming func report() -> Report {
        let findings = FindingOrder.sorted(findingParts, presorted: presorted, threads: options.threads)
        let passed = recorder.passed.sorted {
            ($0.unit, $0.plan, $0.rule) != ($1.unit, $1.plan, $1.rule)
                ? ($0.unit, $0.plan, $0.rule) < ($1.unit, $1.plan, $1.rule)
                : Finding.periodOrder($0.period ?? "", $1.period ?? "")
        }
        var report = Report(asOf: options.asOf, plans: plans, units: units, checks: recorder.checks,
                            findings: findings, passed: passed, passedCount: recorder.passedCount,
                            pendingCount: recorder.pendingCount, owners: owners,
                            keepsPassed: options.keepPassed, details: details)
        report.dataOwners = dataOwners
        return report
    }
}
