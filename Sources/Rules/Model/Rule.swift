/// A requirement on an indicator or a task (spec §2): the keys every rule shares, and its
/// kind, which carries the shape-specific keys and knows how to judge itself.
///
/// Immutable and shared by reference: every check of every unit hands its rule around
/// (to the kind, the finding factory, the result), and copying nine fields at each step
/// cost more retains than the check itself on a national run.
public final class Rule: Sendable {
    public let id: String
    public let title: String?
    public let owner: String?
    public let severity: Severity
    public let source: String?
    /// How the document's wording was read, for people (`check explain`).
    public let note: String?
    /// Narrows the plan's units; nil = all of them.
    public let units: [String]?
    public let kind: any RuleKind
    /// Where the rule stands in its rules file, for diagnostics and SARIF.
    public let location: SourceLocation?

    public init(id: String, title: String? = nil, owner: String? = nil, severity: Severity = .violation,
                source: String? = nil, note: String? = nil, units: [String]? = nil, kind: any RuleKind,
                location: SourceLocation? = nil) {
        self.note = note
        self.id = id
        self.title = title
        self.owner = owner
        self.severity = severity
        self.source = source
        self.units = units
        self.kind = kind
        self.location = location
    }

    /// The indicator the rule reads (a task's own indicator for tasks).
    public var indicator: String { kind.indicator }

    public func applies(to unit: String) -> Bool { units?.contains(unit) ?? true }
}

/// A recurring report each unit must submit (spec §2, report schedule keys).
public struct ReportSchedule: Sendable {
    public enum Cadence: String, Hashable, Sendable, CaseIterable {
        case month, quarter, half, year
    }

    public var id: String
    public var title: String?
    /// `every`, when the schedule was given that way (named in `check template`'s messages).
    public var cadence: Cadence?
    /// The periods a report is due for, in order.
    public var periods: [Period]
    public var due: DueRule
    public var dueWritten: String
    public var owner: String?
    public var units: [String]?
    public var severity: Severity
    /// Indicators every submitted report must contain (`requires`); `.none` = no requirement.
    public var requires: RequiredIndicators
    public var location: SourceLocation?

    public enum RequiredIndicators: Hashable, Sendable {
        case none
        case all
        case listed([String])
    }

    public init(id: String, title: String? = nil, cadence: Cadence?, periods: [Period], due: DueRule,
                dueWritten: String, owner: String? = nil, units: [String]? = nil, severity: Severity = .violation,
                requires: RequiredIndicators = .none, location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.cadence = cadence
        self.periods = periods
        self.due = due
        self.dueWritten = dueWritten
        self.owner = owner
        self.units = units
        self.severity = severity
        self.requires = requires
        self.location = location
    }

    public func applies(to unit: String) -> Bool { units?.contains(unit) ?? true }
}
