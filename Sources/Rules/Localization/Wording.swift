/// How values, dates and periods read inside messages, in each language.
public enum Wording {
    /// `2026-01-31` in English, `31/01/2026` in Vietnamese.
    public static func date(_ d: CivilDate) -> LocalizedText {
        LocalizedText(en: d.iso, vi: d.vietnamese)
    }

    /// `2026-Q2` in English, `quý II/2026` in Vietnamese.
    public static func period(_ p: Period) -> LocalizedText {
        let roman = ["I", "II", "III", "IV"]
        let vi: String
        switch p.kind {
        case .day: vi = "ngày \(p.start.vietnamese)"
        case .month(let m): vi = "tháng \(m < 10 ? "0" : "")\(m)/\(p.year)"
        case .quarter(let q): vi = "quý \(roman[q - 1])/\(p.year)"
        case .half(let h): vi = h == 1 ? "6 tháng đầu năm \(p.year)" : "6 tháng cuối năm \(p.year)"
        case .nineMonths: vi = "9 tháng \(p.year)"
        case .year: vi = "năm \(p.year)"
        }
        return LocalizedText(en: p.id, vi: vi)
    }

    /// A number with its unit: `6 km`, `93.5%` (Vietnamese: `93,5%`, `13.120 con`).
    public static func quantity(_ x: Double, _ unit: String?) -> LocalizedText {
        LocalizedText(en: quantity(x, unit, .en), vi: quantity(x, unit, .vi))
    }

    /// The same in one language, without composing the other.
    public static func quantity(_ x: Double, _ unit: String?, _ language: Language) -> String {
        NumberFormat.attachUnit(NumberFormat.formatter(for: language)(x), unit)
    }

    /// A number rounded for display (paths and projections), with its unit.
    public static func roundedQuantity(_ x: Double, _ unit: String?) -> LocalizedText {
        quantity(NumberFormat.roundedValue(x), unit)
    }

    /// `3 days` / `3 ngày`.
    public static func days(_ n: Int) -> LocalizedText {
        LocalizedText(en: n == 1 ? "1 day" : "\(n) days", vi: "\(n) ngày")
    }

    /// The name people know a rule by: its title, else its id.
    public static func name(_ title: String?, _ id: String) -> String { title ?? id }

    /// User text as a message quotes it: `'Cao Minh'`; text with a control character (a line
    /// break, a tab, an escape) as a JSON string literal, `"ubnd@xa.vn\nBcc: …"`, so that a
    /// diagnostic stays on its one line and nothing reaches a terminal raw.
    public static func quoted(_ text: some StringProtocol) -> String {
        func isControl(_ u: Unicode.Scalar) -> Bool {
            u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
        }
        guard text.unicodeScalars.contains(where: isControl) else { return "'\(text)'" }
        // JSONWriter escapes C0 controls and U+2028/9; DEL and C1 controls are left to here.
        var out = String.UnicodeScalarView()
        for u in JSONWriter.quoted(String(text)).unicodeScalars {
            if isControl(u) {
                let hex = String(u.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }
}

extension LocalizedText {
    /// Joins two texts with a separator in each language.
    public func appending(_ other: LocalizedText, separator: String = " ") -> LocalizedText {
        LocalizedText(en: en + separator + other.en, vi: vi + separator + other.vi)
    }
}

