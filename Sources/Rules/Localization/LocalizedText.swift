/// A user-facing sentence in both languages the tool speaks. Messages are written next to
/// the code that produces them, in English and Vietnamese together, so that neither
/// language can fall behind the other.
public struct LocalizedText: Hashable, Sendable {
    public let en: String
    public let vi: String

    public init(en: String, vi: String) {
        self.en = en
        self.vi = vi
    }

    /// Text composed only in `language` (nil: in both), the other left empty: a national run
    /// makes a hundred thousand findings, and a message composed in a language the output
    /// does not show is wasted work.
    public init(in language: Language?, en: @autoclosure () -> String, vi: @autoclosure () -> String) {
        self.en = language == .vi ? "" : en()
        self.vi = language == .en ? "" : vi()
    }

    /// For text that reads the same in both languages (names, quoted user input).
    public init(verbatim: String) {
        self.en = verbatim
        self.vi = verbatim
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .en: return en
        case .vi: return vi
        }
    }
}

/// The language of messages (`--lang`).
public enum Language: String, CaseIterable, Sendable {
    case en, vi

    /// `vi` when a POSIX locale variable (LC_ALL, LC_MESSAGES, LANG, in that order) names
    /// Vietnamese, English otherwise.
    public static func fromEnvironment(_ env: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[key], !value.isEmpty {
                return value.lowercased().hasPrefix("vi") ? .vi : .en
            }
        }
        return .en
    }
}
