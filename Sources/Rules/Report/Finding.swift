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
///
/// A value type whose fields live in one shared, copy-on-write box: a national run makes a
/// hundred thousand findings and moves them between arrays several times (per thread, joined,
/// sorted), and moving a reference costs far less than moving four hundred bytes.
public struct Finding: Hashable, Sendable {
    private struct Fields: Hashable {
        var severity: Severity
        var code: FindingCode
        var plan: String?
        var rule: String?
        var title: String?
        var unit: String?
        var indicator: String?
        var period: String?
        var due: CivilDate?
        var expected: String?
        var actual: Actual
        var owner: String?
        var message: LocalizedText
        var hint: LocalizedText?
        var location: SourceLocation?
        var ruleLocation: SourceLocation?
    }

    private final class Box: @unchecked Sendable {
        // Mutated only through `update(_:)`, after a uniqueness check: never while shared.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        change(&box.fields)
    }

    public var severity: Severity {
        get { box.fields.severity }
        set { update { $0.severity = newValue } }
    }
    public var code: FindingCode {
        get { box.fields.code }
        set { update { $0.code = newValue } }
    }
    public var plan: String? {
        get { box.fields.plan }
        set { update { $0.plan = newValue } }
    }
    public var rule: String? {
        get { box.fields.rule }
        set { update { $0.rule = newValue } }
    }
    /// The rule's or schedule's title, for people.
    public var title: String? {
        get { box.fields.title }
        set { update { $0.title = newValue } }
    }
    public var unit: String? {
        get { box.fields.unit }
        set { update { $0.unit = newValue } }
    }
    public var indicator: String? {
        get { box.fields.indicator }
        set { update { $0.indicator = newValue } }
    }
    public var period: String? {
        get { box.fields.period }
        set { update { $0.period = newValue } }
    }
    public var due: CivilDate? {
        get { box.fields.due }
        set { update { $0.due = newValue } }
    }
    /// The requirement in canonical form (`≥ 6 km`), or for pace the path's value.
    public var expected: String? {
        get { box.fields.expected }
        set { update { $0.expected = newValue } }
    }
    public var actual: Actual {
        get { box.fields.actual }
        set { update { $0.actual = newValue } }
    }
    public var owner: String? {
        get { box.fields.owner }
        set { update { $0.owner = newValue } }
    }
    public var message: LocalizedText {
        get { box.fields.message }
        set { update { $0.message = newValue } }
    }
    public var hint: LocalizedText? {
        get { box.fields.hint }
        set { update { $0.hint = newValue } }
    }
    /// The data row (or rules line) that caused it.
    public var location: SourceLocation? {
        get { box.fields.location }
        set { update { $0.location = newValue } }
    }
    /// Where the rule itself stands in its rules file.
    public var ruleLocation: SourceLocation? {
        get { box.fields.ruleLocation }
        set { update { $0.ruleLocation = newValue } }
    }

    public init(severity: Severity, code: FindingCode, plan: String? = nil, rule: String? = nil, title: String? = nil,
                unit: String? = nil, indicator: String? = nil, period: String? = nil, due: CivilDate? = nil,
                expected: String? = nil, actual: Actual = .none, owner: String? = nil, message: LocalizedText,
                hint: LocalizedText? = nil, location: SourceLocation? = nil, ruleLocation: SourceLocation? = nil) {
        box = Box(Fields(severity: severity, code: code, plan: plan, rule: rule, title: title, unit: unit,
                         indicator: indicator, period: period, due: due, expected: expected, actual: actual,
                         owner: owner, message: message, hint: hint, location: location, ruleLocation: ruleLocation))
    }

    public static func == (a: Finding, b: Finding) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

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
        // A message may be composed in one language only (`CheckOptions.messageLanguage`).
        return (a.message.en, a.message.vi) < (b.message.en, b.message.vi)
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

    /// The period a canonical id names (`2026-06`, `2026-Q2`, `2026-H1`, `2026-9M`, `2026`, a
    /// date), read byte by byte: sorting findings asks this twice per comparison.
    static func period(_ id: String) -> Period? {
        var id = id
        return id.withUTF8 { period(UnsafeRawBufferPointer($0)) }
    }

    static func period(_ u: UnsafeRawBufferPointer) -> Period? {
        let n = u.count
        var y = 0  // the year's digits
        while y < n && y < 5 && u[y] != UInt8(ascii: "-") { y += 1 }
        guard (1...4).contains(y), let year = digits(u, 0..<y), year >= 1 else { return nil }
        if y == n { return .year(year) }
        guard u[y] == UInt8(ascii: "-") else { return nil }
        switch n - y {
        case 3:
            if let m = digits(u, y + 1..<n) { return (1...12).contains(m) ? .month(year, m) : nil }
            let k = u[y + 2] &- UInt8(ascii: "0")
            switch u[y + 1] {
            case UInt8(ascii: "Q"): return (1...4).contains(k) ? .quarter(year, Int(k)) : nil
            case UInt8(ascii: "H"): return (1...2).contains(k) ? .half(year, Int(k)) : nil
            case UInt8(ascii: "9"): return u[y + 2] == UInt8(ascii: "M") ? .nineMonths(year) : nil
            default: return nil
            }
        case 6: return CivilDate.parseISO(u).map { Period.day($0) }
        default: return nil
        }
    }

    private static func digits(_ u: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        var v = 0
        for i in range {
            let d = u[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }
}
