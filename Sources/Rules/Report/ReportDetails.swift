/// What a picture of progress needs beyond the findings: for every plan and unit, each
/// rule's reported values against its target line and milestones, and each report
/// schedule's timeliness period by period. The engine fills it from the same evaluation
/// that produced the findings, and only when a format asks for it (`Reporter.needsDetails`),
/// so that ordinary runs pay nothing for it.
public struct ReportDetails: Hashable, Sendable {
    /// Sorted by unit, then plan.
    public var sections: [Section]

    public init(sections: [Section]) { self.sections = sections }

    /// One plan as it applies to one unit.
    public struct Section: Hashable, Sendable {
        public var plan: String
        public var planTitle: String?
        public var unit: String
        /// In the plan's order.
        public var rules: [RuleProgress]
        /// In the plan's order.
        public var reports: [ReportTimeline]

        public init(plan: String, planTitle: String? = nil, unit: String, rules: [RuleProgress] = [],
                    reports: [ReportTimeline] = []) {
            self.plan = plan
            self.planTitle = planTitle
            self.unit = unit
            self.rules = rules
            self.reports = reports
        }
    }
}

/// How a rule or a report stands for one unit: the worst of what its checks found.
public enum ProgressStatus: String, Hashable, Sendable, Comparable {
    case violation, warning, passed, pending

    public static func < (a: ProgressStatus, b: ProgressStatus) -> Bool { a.rank < b.rank }
    private var rank: Int {
        switch self {
        case .violation: 0
        case .warning: 1
        case .passed: 2
        case .pending: 3
        }
    }
}

/// One reported value of a rule's indicator: for `sum` indicators the running total of
/// the year, so that it can be read against the target line.
public struct ValuePoint: Hashable, Sendable {
    public var period: String
    /// The end of the period: a value describes the state then.
    public var end: CivilDate
    public var value: Double

    public init(period: String, end: CivilDate, value: Double) {
        self.period = period
        self.end = end
        self.value = value
    }
}

/// A line a value is held against: a target, a milestone, a maintained level, or the
/// level a change from the baseline must reach. A strict range is a band `low...high`.
public struct GoalLine: Hashable, Sendable {
    /// When it is judged; nil for a level maintained all along.
    public var due: CivilDate?
    public var low: Double
    public var high: Double?
    /// The requirement in canonical form (`≥ 6 km`).
    public var text: String

    public init(due: CivilDate?, low: Double, high: Double? = nil, text: String) {
        self.due = due
        self.low = low
        self.high = high
        self.text = text
    }
}

/// One rule for one unit: what it asks, what was reported, and how it stands.
public struct RuleProgress: Hashable, Sendable {
    public var rule: String
    public var title: String?
    /// The rule's shape key: `target`, `maintain`, `change` or `task`.
    public var shape: String
    public var indicator: String
    /// The indicator's unit (`km`, `%`), if declared.
    public var unitLabel: String?
    /// The requirement in canonical form, for people.
    public var expected: String?
    public var due: CivilDate?
    /// Reported values in the rule's window known by the as-of date, by period end.
    public var values: [ValuePoint]
    public var goal: GoalLine?
    public var milestones: [GoalLine]
    /// For tasks: the completion day known by the as-of date.
    public var completed: CivilDate?
    public var status: ProgressStatus

    public init(rule: String, title: String? = nil, shape: String, indicator: String, unitLabel: String? = nil,
                expected: String? = nil, due: CivilDate? = nil, values: [ValuePoint] = [], goal: GoalLine? = nil,
                milestones: [GoalLine] = [], completed: CivilDate? = nil, status: ProgressStatus) {
        self.rule = rule
        self.title = title
        self.shape = shape
        self.indicator = indicator
        self.unitLabel = unitLabel
        self.expected = expected
        self.due = due
        self.values = values
        self.goal = goal
        self.milestones = milestones
        self.completed = completed
        self.status = status
    }
}

/// Whether a period's report came in on time.
public enum Timeliness: String, Hashable, Sendable, CaseIterable {
    case onTime = "on-time"
    case late
    case missing
    case dueSoon = "due-soon"
    /// Not due yet (or the period has not started).
    case notDue = "not-due"
}

/// One report schedule for one unit: a cell per period of the plan year.
public struct ReportTimeline: Hashable, Sendable {
    public var schedule: String
    public var title: String?
    public var cells: [Cell]

    public init(schedule: String, title: String? = nil, cells: [Cell]) {
        self.schedule = schedule
        self.title = title
        self.cells = cells
    }

    public struct Cell: Hashable, Sendable {
        public var period: String
        public var due: CivilDate
        public var submitted: CivilDate?
        public var status: Timeliness
        /// Submitted but lacking indicators it must contain (`report-incomplete`).
        public var incomplete: Bool

        public init(period: String, due: CivilDate, submitted: CivilDate? = nil, status: Timeliness,
                    incomplete: Bool = false) {
            self.period = period
            self.due = due
            self.submitted = submitted
            self.status = status
            self.incomplete = incomplete
        }
    }
}
