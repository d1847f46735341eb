/// Why a JSON file could not be parsed at all: the first syntax error, where it is, what
/// was expected and what was found.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The diagnostic code of every syntax error (including invalid UTF-8).
    public static let code = "json.syntax"

    /// File, line and column of the offending character; the path of the innermost value
    /// being read when the error was met.
    public var location: SourceLocation
    public var message: LocalizedText
    public var hint: LocalizedText?

    public init(location: SourceLocation, message: LocalizedText, hint: LocalizedText? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    public var diagnostic: Diagnostic {
        .error(JSONSyntaxError.code, at: location, message, hint: hint)
    }

    /// `rules/x.json:3:7 ($.rules[0]): expected ',' or '}' after an object member, found '"'`.
    public var description: String { "\(location): \(message.en)" }
}
