/// A problem with the inputs themselves (a broken rules file, an unreadable data file),
/// as opposed to a `Finding`, which says the inputs are fine and a rule fired.
///
/// `code` is stable and named by phase (`rules.unknown-key`, `json.syntax`,
/// `data.unreadable`); wording may change, codes do not.
public struct Diagnostic: Hashable, Sendable, Comparable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    }

    public var severity: Severity
    public var code: String
    public var location: SourceLocation?
    public var message: LocalizedText
    /// The remedy, kept apart from the problem: "did you mean 'target'?".
    public var hint: LocalizedText?

    public init(_ severity: Severity, _ code: String, at location: SourceLocation?,
                _ message: LocalizedText, hint: LocalizedText? = nil) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(_ code: String, at location: SourceLocation?, _ message: LocalizedText,
                             hint: LocalizedText? = nil) -> Diagnostic {
        Diagnostic(.error, code, at: location, message, hint: hint)
    }

    public static func note(_ code: String, at location: SourceLocation? = nil, _ message: LocalizedText) -> Diagnostic {
        Diagnostic(.note, code, at: location, message)
    }

    /// Sorted by location (diagnostics without one last), then code.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        switch (a.location, b.location) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return (a.code, a.message.en) < (b.code, b.message.en)
        }
    }
}

/// Thrown when the check cannot be made; carries every problem found, not only the first.
public struct DiagnosticsError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
