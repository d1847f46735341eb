/// What reading the data needs to know about the rules: which units are checked, which
/// indicators are tasks or percentages, and the as-of date that decides what is known.
public struct DataScope: Sendable {
    public var asOf: CivilDate
    public var numbers: DataNumberStyle
    /// Nil: every unit (a plan binds `"*"`).
    public var units: Set<String>?
    /// Indicators whose values are task completions.
    public var taskIndicators: Set<String>
    /// Indicators declared with a unit other than `%` (a `93.5%` value is then an error).
    public var nonPercentIndicators: [String: String]
    /// Whether some report schedule `requires` indicators, so the indicators of each
    /// submission must be remembered.
    public var tracksReportContents: Bool

    public init(asOf: CivilDate, numbers: DataNumberStyle = .c, units: Set<String>? = nil,
                taskIndicators: Set<String> = [], nonPercentIndicators: [String: String] = [:],
                tracksReportContents: Bool = true) {
        self.tracksReportContents = tracksReportContents
        self.asOf = asOf
        self.numbers = numbers
        self.units = units
        self.taskIndicators = taskIndicators
        self.nonPercentIndicators = nonPercentIndicators
    }

    /// The scope of the selected plans, narrowed by `--unit`.
    public init(plans: [Plan], asOf: CivilDate, numbers: DataNumberStyle, unitFilter: Set<String>) {
        var units: Set<String>? = []
        var tasks = Set<String>()
        var nonPercent: [String: String] = [:]
        for plan in plans {
            switch plan.units {
            case .everyUnitInData: units = nil
            case .listed(let list): units?.formUnion(list)
            }
            for rule in plan.rules where rule.kind is TaskRule { tasks.insert(rule.indicator) }
            for (id, ind) in plan.indicators {
                if let u = ind.unit, u != "%" { nonPercent[id] = u }
            }
        }
        if !unitFilter.isEmpty { units = units.map { $0.intersection(unitFilter) } ?? unitFilter }
        let tracks = plans.contains { $0.reports.contains { $0.requires != .none } }
        self.init(asOf: asOf, numbers: numbers, units: units, taskIndicators: tasks, nonPercentIndicators: nonPercent,
                  tracksReportContents: tracks)
    }

    public func binds(_ unit: String) -> Bool { units?.contains(unit) ?? true }
}
