/// Collects what evaluation decides: findings, the count of checks, and (with `--all`)
/// the checks that passed; with `trace` on, the reasoning for `check explain`.
public struct CheckRecorder: Sendable {
    public private(set) var findings: [Finding] = []
    public private(set) var passed: [CheckResult] = []
    public private(set) var checks = 0
    public private(set) var passedCount = 0
    /// Checks with no finding whose date has not come yet.
    public private(set) var pendingCount = 0
    public let keepsPassed: Bool
    /// Lines of reasoning, recorded only for `check explain`.
    public private(set) var trace: [LocalizedText]?
    /// Every check with what it found, kept only when a format draws progress (`CheckOptions.details`).
    public private(set) var log: [LoggedCheck]?

    public init(keepsPassed: Bool = false, tracing: Bool = false, logging: Bool = false) {
        self.keepsPassed = keepsPassed
        self.trace = tracing ? [] : nil
        self.log = logging ? [] : nil
    }

    /// Whether a passing check needs nothing but counting (no `--all`, no trace, no log):
    /// rules may then skip building its result.
    public var countsOnly: Bool { !keepsPassed && trace == nil && log == nil }

    /// Counts a judged check that passed, when `countsOnly`.
    public mutating func countPassed() {
        checks += 1
        passedCount += 1
    }

    /// Records one check and what it found; no findings means it passed (or, `pending`,
    /// that its date has not come). The subject is built only when it is kept: most checks
    /// pass, and a national run makes millions of them.
    public mutating func check(_ subject: @autoclosure () -> CheckResult, pending: Bool = false, findings new: [Finding]) {
        checks += 1
        if log != nil { log!.append(LoggedCheck(result: subject(), findings: new)) }
        if new.isEmpty {
            if pending { pendingCount += 1 } else { passedCount += 1 }
            if keepsPassed { passed.append(subject()) }
        } else {
            findings.append(contentsOf: new)
        }
    }

    /// The findings so far, handed over (the recorder keeps none).
    public mutating func takeFindings() -> [Finding] {
        defer { findings = [] }
        return findings
    }

    public mutating func explain(_ line: @autoclosure () -> LocalizedText) {
        if trace != nil { trace!.append(line()) }
    }

    /// Adds what `other` recorded (a caller that sorts findings in parts takes them out
    /// first, with `takeFindings()`).
    public mutating func merge(_ other: CheckRecorder) {
        findings.append(contentsOf: other.findings)
        passed.append(contentsOf: other.passed)
        checks += other.checks
        passedCount += other.passedCount
        pendingCount += other.pendingCount
        if let t = other.trace { trace = (trace ?? []) + t }
        if let l = other.log { log = (log ?? []) + l }
    }
}
