/// A check that found nothing, listed with `--all`.
public struct CheckResult: Hashable, Sendable {
    public var plan: String
    public var rule: String
    public var title: String?
    public var unit: String
    public var indicator: String?
    public var period: String?
    public var due: CivilDate?
    public var expected: String?
    public var actual: Actual
    public var owner: String?
    public var status: Status

    /// A check with no finding has either been judged and met, or is not due yet.
    public enum Status: String, Hashable, Sendable {
        case passed, pending
    }

    public init(plan: String, rule: String, title: String? = nil, unit: String, indicator: String? = nil,
                period: String? = nil, due: CivilDate? = nil, expected: String? = nil, actual: Actual = .none,
                owner: String? = nil, status: Status = .passed) {
        self.status = status
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
    }
}

/// Everything one run found: the single value every output format renders.
public struct Report: Sendable {
    public var asOf: CivilDate
    public var plans: Int
    public var units: Int
    /// How many judgments were made (a target, each milestone, each maintained period,
    /// each change, task and due report).
    public var checks: Int
    /// In canonical order (spec §6).
    public var findings: [Finding]
    /// Passing checks, filled only when asked for (`--all`), in canonical order.
    public var passed: [CheckResult]
    /// Checks judged (their date has passed) with no finding.
    public var passedCount: Int
    /// Checks with no finding that are not due yet.
    public var pendingCount: Int
    /// Owners of the plans checked, for formats that address people (email).
    public var owners: [String: Owner]
    /// Whether passing checks were asked for (`--all`), so formats list them even when none.
    public var keepsPassed: Bool
    /// Values, goal lines and report timeliness, filled only for formats that draw progress.
    public var details: ReportDetails?
    /// Unit → the owner who answers for its data rows (the default `owner` of the first plan,
    /// by id, that binds it): where findings without a rule's owner (`data-invalid`) are sent.
    public var dataOwners: [String: String] = [:]

    public init(asOf: CivilDate, plans: Int, units: Int, checks: Int, findings: [Finding],
                passed: [CheckResult] = [], passedCount: Int, pendingCount: Int = 0, owners: [String: Owner] = [:], keepsPassed: Bool = false,
                details: ReportDetails? = nil) {
        self.details = details
        self.keepsPassed = keepsPassed
        self.asOf = asOf
        self.plans = plans
        self.units = units
        self.checks = checks
        self.findings = findings
        self.passed = passed
        self.passedCount = passedCount
        self.pendingCount = pendingCount
        self.owners = owners
    }

    public var violations: Int { findings.count { $0.severity == .violation } }
    public var warnings: Int { findings.count { $0.severity == .warning } }

    /// The exit status this report gives (spec §7), computed here once so that every
    /// format that records it (SARIF) agrees with the process.
    public func exitStatus(strict: Bool) -> ExitStatus {
        if violations > 0 || (strict && warnings > 0) { return .findings }
        return .clean
    }
}

/// The process exit status (spec §7).
public enum ExitStatus: Int32, Sendable {
    /// No violation (warnings allowed unless `--strict`).
    case clean = 0
    /// At least one violation (or warning, with `--strict`).
    case findings = 1
    /// The check could not be made: invalid rules, unreadable data, I/O error.
    case cannotCheck = 2
    /// Bad command-line usage.
    case usage = 64
}
