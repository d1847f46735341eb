/// One shape of rule (spec §2: target, maintain, change, task). A kind is one file: its
/// descriptor (the key that names it, the keys it accepts, a summary and examples), how it
/// is read from a rules file, and a pure `evaluate`. `RuleKinds.all` lists them.
public protocol RuleKind: Sendable {
    static var descriptor: RuleKindDescriptor { get }
    /// Reads the kind's own keys from a rule object; problems go to `fields.diagnostics`.
    static func load(_ fields: inout RuleFields) -> Self?
    /// The indicator the rule reads.
    var indicator: String { get }
    /// Every indicator the rule reads (the indicator, and for example a baseline's).
    var indicatorsRead: [String] { get }
    /// Judges the rule for one unit on the context's as-of date.
    func evaluate(_ rule: Rule, in context: UnitContext, into recorder: inout CheckRecorder)
}

extension RuleKind {
    public var indicatorsRead: [String] { [indicator] }
}

/// What a rule kind says about itself: used by the loader (which keys belong to which
/// shape), by `check explain` and by the docs test.
public struct RuleKindDescriptor: Sendable {
    /// The key whose presence selects this shape (`target`, `maintain`, `change`, `task`).
    public var shapeKey: String
    /// Every key this shape accepts besides the common ones, the shape key included.
    public var keys: [String]
    public var summary: LocalizedText
    /// Rule objects (JSON) that show the shape; the tests load each one.
    public var examples: [String]
    /// Finding codes this kind can produce.
    public var codes: [FindingCode]

    public init(shapeKey: String, keys: [String], summary: LocalizedText, examples: [String], codes: [FindingCode]) {
        self.shapeKey = shapeKey
        self.keys = keys
        self.summary = summary
        self.examples = examples
        self.codes = codes
    }
}

/// The registry of rule kinds. A new kind is a new file and one entry here.
public enum RuleKinds {
    public static let all: [any RuleKind.Type] = [
        TargetRule.self, MaintainRule.self, ChangeRule.self, TaskRule.self,
    ]

    /// The keys every rule accepts, whatever its shape.
    public static let commonKeys = ["id", "title", "owner", "severity", "source", "note", "units"]
}
