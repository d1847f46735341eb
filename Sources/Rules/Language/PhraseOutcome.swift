/// What reading one kind of phrase (a date, a period) at a scanner's position gave. The
/// three cases let a caller that accepts several kinds try one after another: only
/// `absent` moves on to the next kind.
enum PhraseOutcome<Value> {
    case value(Value)
    /// Shaped like the phrase but wrong (`31/02/2026`, `quý V/2026`): the error says why.
    case invalid(LanguageError)
    /// Not shaped like the phrase at all; the scanner is left where it was.
    case absent

    /// The value of a phrase that must make up the whole text, or an error with `code`
    /// saying what was expected (`expected` when nothing was recognised, `end` when
    /// something followed a complete phrase) and what was found.
    func whole(_ s: inout PhraseScanner, code: String, what: LocalizedText, expected: LocalizedText,
               end: LocalizedText) throws(LanguageError) -> Value {
        switch self {
        case .value(let v):
            s.skipSpaces()
            guard s.isAtEnd else {
                throw .phrase(code: code, what: what, written: s.written, expected: end, found: s.nextToken())
            }
            return v
        case .invalid(let e):
            throw e
        case .absent:
            throw .phrase(code: code, what: what, written: s.written, expected: expected, found: s.nextToken())
        }
    }
}
