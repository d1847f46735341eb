/// A stable finding code (spec §6). Codes never change once published; each rule kind
/// declares its own in its file, so a new kind adds codes without editing this one.
public struct FindingCode: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: FindingCode, b: FindingCode) -> Bool { a.rawValue < b.rawValue }

    public static let noData = FindingCode("no-data")
    public static let behindPace = FindingCode("behind-pace")
    public static let forecastMiss = FindingCode("forecast-miss")
    public static let dueSoon = FindingCode("due-soon")
    public static let dataInvalid = FindingCode("data-invalid")
    public static let unknownIndicator = FindingCode("unknown-indicator")
}

/// What was observed: a number, a date (a submission or completion), or nothing.
public enum Actual: Hashable, Sendable {
    case number(Double)
    case date(CivilDate)
    case none
}

/// A rule fired: the inputs are fine and something is late, missed or at risk (spec §6).
public struct Finding: Hashable, Sendable {
    public var severity: Severity
    public var code: FindingCode
    public var plan: String?
    public var rule: String?
    /// The rule's or schedule's title, for people.
    public var title: String?
    public var unit: String?
    public var indicator: String?
    public var period: String?
    public var due: CivilDate?
    /// The requirement in canonical form (`≥ 6 km`), or for pace the path's value.
    public var expected: String?
    public var actual: Actual
    public var owner: String?
    public var message: LocalizedText
    public var hint: LocalizedText?
    /// The data row (or rules line) that caused it.
    public var location: SourceLocation?
    /// Where the rule itself stands in its rules file.
    public var ruleLocation: SourceLocation?

    public init(severity: Severity, code: FindingCode, plan: String? = nil, rule: String? = nil, title: String? = nil,
                unit: String? = nil, indicator: String? = nil, period: String? = nil, due: CivilDate? = nil,
                expected: String? = nil, actual: Actual = .none, owner: String? = nil, message: LocalizedText,
                hint: LocalizedText? = nil, location: SourceLocation? = nil, ruleLocation: SourceLocation? = nil) {
        self.severity = severity
        self.code = code
        self.plan = plan
        self.rule = rule
        self.title = title
        self.unit = unit
        self.indicator = indicator
        self.period = period
        self.due = due
        self.expected = expected
        self.actual = actual
        self.owner = owner
        self.message = message
        self.hint = hint
        self.location = location
        self.ruleLocation = ruleLocation
    }

    /// The order of spec §6: unit, plan, rule, period, code, then due, then line.
    public static func canonicalOrder(_ a: Finding, _ b: Finding) -> Bool {
        if (a.unit ?? "") != (b.unit ?? "") { return (a.unit ?? "") < (b.unit ?? "") }
        if (a.plan ?? "") != (b.plan ?? "") { return (a.plan ?? "") < (b.plan ?? "") }
        if (a.rule ?? "") != (b.rule ?? "") { return (a.rule ?? "") < (b.rule ?? "") }
        if (a.period ?? "") != (b.period ?? "") { return Finding.periodOrder(a.period ?? "", b.period ?? "") }
        if a.code != b.code { return a.code < b.code }
        if a.due != b.due { return (a.due?.dayNumber ?? .min) < (b.due?.dayNumber ?? .min) }
        if a.location?.file != b.location?.file { return (a.location?.file ?? "") < (b.location?.file ?? "") }
        if a.location?.line != b.location?.line { return (a.location?.line ?? 0) < (b.location?.line ?? 0) }
        if a.indicator != b.indicator { return (a.indicator ?? "") < (b.indicator ?? "") }
        return a.message.en < b.message.en
    }

    /// Period ids sort chronologically where they can (`2026-9M` after `2026-Q3`), else as text.
    static func periodOrder(_ a: String, _ b: String) -> Bool {
        switch (PeriodID.sortKey(a), PeriodID.sortKey(b)) {
        case let (x?, y?) where x != y: return x < y
        default: return a < b
        }
    }
}

/// Sort keys for canonical period ids without a full parse.
enum PeriodID {
    /// (end day, −length) so that periods order as `Period` does.
    static func sortKey(_ id: String) -> (Int, Int)? {
        guard let p = period(id) else { return nil }
        return (Int(p.end.dayNumber), -p.lengthInDays)
    }

    /// The period a canonical id names (`2026-06`, `2026-Q2`, `2026-H1`, `2026-9M`, `2026`, a date).
    static func period(_ id: String) -> Period? {
        let parts = id.split(separator: "-")
        guard let year = parts.first.flatMap({ Int($0) }), (1...9999).contains(year) else { return nil }
        let p: Period?
        switch parts.count {
        case 1: p = .year(year)
        case 2:
            let s = parts[1]
            if let m = Int(s), (1...12).contains(m) { p = .month(year, m) }
            else if s.first == "Q", let q = Int(s.dropFirst()), (1...4).contains(q) { p = .quarter(year, q) }
            else if s.first == "H", let h = Int(s.dropFirst()), (1...2).contains(h) { p = .half(year, h) }
            else if s == "9M" { p = .nineMonths(year) }
            else { p = nil }
        case 3:
            p = CivilDate.parseISO(Substring(id)).map { Period.day($0) }
        default: p = nil
        }
        return p
    }
}
