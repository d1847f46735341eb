/// A day of the week, numbered as ISO 8601 does (Monday = 1 … Sunday = 7).
public enum Weekday: Int, CaseIterable, Comparable, Sendable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public init(_ date: CivilDate) {
        // isoWeekday is always 1…7.
        self = Weekday(rawValue: date.isoWeekday) ?? .monday
    }

    /// Parses the names calendar files use: English (`saturday`) or Vietnamese (`thứ bảy`,
    /// `thứ 7`, `chủ nhật`), in any letter case; nil for anything else.
    public init?(name: String) {
        let key = name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard let day = Weekday.byName[key] else { return nil }
        self = day
    }

    /// The English name as calendar files write it: `saturday`.
    public var name: String {
        switch self {
        case .monday: return "monday"
        case .tuesday: return "tuesday"
        case .wednesday: return "wednesday"
        case .thursday: return "thursday"
        case .friday: return "friday"
        case .saturday: return "saturday"
        case .sunday: return "sunday"
        }
    }

    /// The name in running text: `Saturday` / `thứ Bảy`.
    public var displayName: LocalizedText {
        switch self {
        case .monday: return LocalizedText(en: "Monday", vi: "thứ Hai")
        case .tuesday: return LocalizedText(en: "Tuesday", vi: "thứ Ba")
        case .wednesday: return LocalizedText(en: "Wednesday", vi: "thứ Tư")
        case .thursday: return LocalizedText(en: "Thursday", vi: "thứ Năm")
        case .friday: return LocalizedText(en: "Friday", vi: "thứ Sáu")
        case .saturday: return LocalizedText(en: "Saturday", vi: "thứ Bảy")
        case .sunday: return LocalizedText(en: "Sunday", vi: "Chủ nhật")
        }
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }

    private static let byName: [String: Weekday] = {
        var names: [String: Weekday] = [:]
        let vietnamese = ["thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật"]
        for day in Weekday.allCases {
            names[day.name] = day
            names[vietnamese[day.rawValue - 1]] = day
            if day != .sunday { names["thứ \(day.rawValue + 1)"] = day }
        }
        return names
    }()
}
