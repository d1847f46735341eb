/// One rules file: the encoding of one plan document (spec §2).
public struct Plan: Sendable {
    public enum UnitSelection: Hashable, Sendable {
        case listed([String])
        /// `"*"`: every unit present in the data.
        case everyUnitInData
    }

    public var id: String
    public var title: String?
    public var source: String?
    public var units: UnitSelection
    public var year: Int
    public var timeZone: String
    public var calendarName: String
    public var rollsToWorkingDay: Bool
    public var numbers: NumberStyle
    public var defaultOwner: String?
    /// In file order.
    public var owners: [Owner]
    public var indicators: [String: Indicator]
    public var rules: [Rule]
    public var reports: [ReportSchedule]
    public var notes: [String]
    public var warnDays: Int
    public var pace: Bool
    /// The rules file it was read from.
    public var file: String

    public init(id: String, title: String? = nil, source: String? = nil, units: UnitSelection, year: Int,
                timeZone: String = "Asia/Ho_Chi_Minh", calendarName: String = "vn", rollsToWorkingDay: Bool = true,
                numbers: NumberStyle = .auto, defaultOwner: String? = nil, owners: [Owner] = [],
                indicators: [String: Indicator] = [:], rules: [Rule] = [], reports: [ReportSchedule] = [],
                notes: [String] = [], warnDays: Int = 7, pace: Bool = false, file: String = "") {
        self.id = id
        self.title = title
        self.source = source
        self.units = units
        self.year = year
        self.timeZone = timeZone
        self.calendarName = calendarName
        self.rollsToWorkingDay = rollsToWorkingDay
        self.numbers = numbers
        self.defaultOwner = defaultOwner
        self.owners = owners
        self.indicators = indicators
        self.rules = rules
        self.reports = reports
        self.notes = notes
        self.warnDays = warnDays
        self.pace = pace
        self.file = file
    }

    public func binds(unit: String) -> Bool {
        switch units {
        case .everyUnitInData: return true
        case .listed(let list): return list.contains(unit)
        }
    }

    /// The indicator's declaration, or the implicit one an undeclared indicator gets
    /// (no unit, `latest`).
    public func indicator(_ id: String) -> Indicator {
        indicators[id] ?? Indicator(id: id)
    }

    /// First and last day of the plan year.
    public var yearStart: CivilDate { .firstDay(ofYear: year, month: 1) }
    public var yearEnd: CivilDate { .lastDay(ofYear: year, month: 12) }
}

/// Who answers for a rule or a report: an entry of the plan's owners directory.
public struct Owner: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var email: String?

    public init(id: String, name: String? = nil, email: String? = nil) {
        self.id = id
        self.name = name
        self.email = email
    }
}

/// A measured quantity (spec §2, indicator keys).
public struct Indicator: Hashable, Sendable {
    public enum Aggregate: String, Hashable, Sendable, CaseIterable {
        /// The value of the latest period counts (levels, rates, running totals).
        case latest
        /// Values are per-period amounts; the year-to-date sum counts.
        case sum
    }

    public var id: String
    public var title: String?
    public var unit: String?
    public var aggregate: Aggregate

    public init(id: String, title: String? = nil, unit: String? = nil, aggregate: Aggregate = .latest) {
        self.id = id
        self.title = title
        self.unit = unit
        self.aggregate = aggregate
    }
}

/// How much a failing check matters.
public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
    case violation, warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .violation && b == .warning }

    /// The word people read (`vi phạm`, `cảnh báo`); `rawValue` is the JSON value.
    public func name(_ language: Language) -> String {
        switch self {
        case .violation: language == .en ? "violation" : "vi phạm"
        case .warning: language == .en ? "warning" : "cảnh báo"
        }
    }
}
