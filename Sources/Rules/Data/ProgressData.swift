/// One value of one unit's indicator for one period, after corrections (spec §6.1): what
/// the rules read.
public struct SeriesPoint: Hashable, Sendable {
    /// Index into `ProgressData.periods`.
    public var period: Int32
    /// The number reported; for a task indicator, the completion day (`CivilDate.dayNumber`)
    /// or NaN when the row says "not yet".
    public var value: Double
    /// The submission date written on the row, if any.
    public var submitted: CivilDate?
    public var file: Int32
    public var line: Int32

    public init(period: Int32, value: Double, submitted: CivilDate?, file: Int32, line: Int32) {
        self.period = period
        self.value = value
        self.submitted = submitted
        self.file = file
        self.line = line
    }
}

/// The report a unit submitted for one schedule and period: the earliest submission known.
public struct Submission: Hashable, Sendable {
    /// Nil when no row of the submission carries a date: it then counts as on time.
    public var date: CivilDate?
    public var file: Int32
    public var line: Int32
    /// The indicators the submission's rows carry (for completeness checks).
    public var indicators: Set<String>

    public init(date: CivilDate?, file: Int32, line: Int32, indicators: Set<String> = []) {
        self.date = date
        self.file = file
        self.line = line
        self.indicators = indicators
    }
}

/// A key for a submitted report: which schedule it was sent under (empty: no `report`
/// column or an empty cell, matched by period granularity).
public struct SubmissionKey: Hashable, Sendable {
    public var unit: String
    public var report: String
    public var period: Period

    public init(unit: String, report: String, period: Period) {
        self.unit = unit
        self.report = report
        self.period = period
    }
}

/// Everything known from the progress data on the as-of date, indexed for the rules:
/// values per unit and indicator (corrections applied, rows not yet known dropped) and
/// submissions per unit, schedule and period.
public struct ProgressData: Sendable {
    public var files: [String]
    /// The distinct periods the data mentions; `SeriesPoint.period` indexes it.
    public var periods: [Period]
    /// The units present in the data, sorted.
    public var units: [String]
    /// All points, grouped by unit and indicator, each group in `Period` order.
    public var points: [SeriesPoint]
    /// Where each unit's indicator group lies in `points`.
    public var groups: [String: [String: Range<Int>]]
    public var submissions: [SubmissionKey: Submission]

    public init(files: [String] = [], periods: [Period] = [], units: [String] = [], points: [SeriesPoint] = [],
                groups: [String: [String: Range<Int>]] = [:], submissions: [SubmissionKey: Submission] = [:]) {
        self.files = files
        self.periods = periods
        self.units = units
        self.points = points
        self.groups = groups
        self.submissions = submissions
    }

    public func series(unit: String, indicator: String) -> Series {
        guard let range = groups[unit]?[indicator] else { return Series(points: [], periods: periods) }
        return Series(points: points[range], periods: periods)
    }

    /// Indicators with at least one known value for `unit`, sorted.
    public func indicators(of unit: String) -> [String] {
        (groups[unit].map { Array($0.keys) } ?? []).sorted()
    }

    public func location(file: Int32, line: Int32) -> SourceLocation? {
        guard file >= 0, Int(file) < files.count else { return nil }
        return SourceLocation(file: files[Int(file)], line: line > 0 ? Int(line) : nil)
    }
}
