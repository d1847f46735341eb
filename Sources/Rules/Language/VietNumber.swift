/// Reads a number the way plans write it (spec §3.4): Vietnamese `2.659.682`, `25,3`,
/// `1.234,5` and English `2,528,008`, `1,234.5`, sometimes in one document.
///
/// 1. Two or more of one separator group thousands.
/// 2. Both separators: the last is the decimal mark.
/// 3. One separator not followed by exactly three digits is the decimal mark.
/// 4. One separator followed by exactly three digits (`5.320`, `19,655`) is decided by
///    `style`; under `.auto` it is a `rules.ambiguous-number` error showing both readings.
///    (A lone `0` before it, as in `0,500`, cannot be a thousands group: that is a decimal.)
///
/// Leading zeros are fine ("04 HTX"); an optional leading `+`, `-` or `−` gives the sign.
public enum VietNumber {
    public static func parse(_ text: String, style: NumberStyle) throws(LanguageError) -> Double {
        try parse(Substring(text), style: style)
    }

    public static func parse(_ text: Substring, style: NumberStyle) throws(LanguageError) -> Double {
        let written = String(text).trimmingSpaces
        var u = Array(written.unicodeScalars)
        var negative = false
        if let first = u.first, first == "+" || first == "-" || first == "\u{2212}" {
            negative = first != "+"
            u.removeFirst()
        }
        guard let first = u.first, let last = u.last else {
            throw .badNumber(written, LocalizedText(en: "no digits", vi: "không có chữ số"))
        }
        guard PhraseScanner.isDigit(first), PhraseScanner.isDigit(last) else {
            throw .badNumber(written, LocalizedText(en: "it must begin and end with a digit", vi: "số phải bắt đầu và kết thúc bằng chữ số"))
        }
        var dots = 0, commas = 0
        for c in u {
            if c == "." { dots += 1 } else if c == "," { commas += 1 } else if !PhraseScanner.isDigit(c) {
                throw .badNumber(written, LocalizedText(en: "unexpected \(LanguageError.q(String(c)))",
                                                        vi: "có ký tự lạ \(LanguageError.q(String(c)))"))
            }
        }

        var group: Unicode.Scalar?
        var decimal: Unicode.Scalar?
        if dots > 0 && commas > 0 {
            decimal = u.last { $0 == "." || $0 == "," }
            group = decimal == "." ? "," : "."
            if (decimal == "." ? dots : commas) > 1 {
                throw .badNumber(written, LocalizedText(en: "more than one decimal mark", vi: "có nhiều hơn một dấu thập phân"))
            }
        } else if dots + commas >= 2 {
            group = dots > 0 ? "." : ","
        } else if dots + commas == 1 {
            let sep: Unicode.Scalar = dots == 1 ? "." : ","
            let at = u.firstIndex(of: sep) ?? 0
            let digitsAfter = u.count - at - 1
            let head = u[..<at]
            if digitsAfter != 3 || head.allSatisfy({ $0 == "0" }) {
                decimal = sep
            } else {
                // "5.320": thousands in Vietnamese style when the mark is a dot, in English style when a comma.
                let viGroups = sep == "."
                switch style {
                case .vi: if viGroups { group = sep } else { decimal = sep }
                case .en: if viGroups { decimal = sep } else { group = sep }
                case .auto:
                    let grouped = assemble(u, group: sep, decimal: nil, negative: negative) ?? 0
                    let decimalReading = assemble(u, group: nil, decimal: sep, negative: negative) ?? 0
                    throw .ambiguousNumber(written, vietnamese: viGroups ? grouped : decimalReading,
                                           english: viGroups ? decimalReading : grouped)
                }
            }
        }

        if let group {
            // Every group after the first has three digits; the first has one to three.
            let integerPart = decimal.flatMap { d in u.firstIndex(of: d).map { u[..<$0] } } ?? u[...]
            let groups = integerPart.split(separator: group, omittingEmptySubsequences: false)
            let valid = groups.count >= 2 && (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
                && (decimal.map { d in u.firstIndex(of: d).map { i in !u[i...].contains(group) } ?? true } ?? true)
            guard valid else {
                throw .badNumber(written, LocalizedText(
                    en: "thousands groups must have three digits (\(LanguageError.q(String(group))) groups thousands here)",
                    vi: "mỗi nhóm hàng nghìn phải có ba chữ số (ở đây \(LanguageError.q(String(group))) là dấu ngăn cách hàng nghìn)"),
                    hint: LocalizedText(en: "write it like '2.659.682', '1.234,5' or '2,528,008'",
                                        vi: "viết như '2.659.682', '1.234,5' hoặc '2,528,008'"))
            }
        }
        guard let value = assemble(u, group: group, decimal: decimal, negative: negative) else {
            throw .badNumber(written, LocalizedText(en: "too large", vi: "quá lớn"))
        }
        return value
    }

    /// The digits with grouping marks dropped and the decimal mark made a `.`, read by the
    /// standard library, which rounds correctly.
    static func assemble(_ u: [Unicode.Scalar], group: Unicode.Scalar?, decimal: Unicode.Scalar?, negative: Bool) -> Double? {
        var s = negative ? "-" : ""
        for c in u {
            if c == group { continue }
            s.unicodeScalars.append(c == decimal ? "." : c)
        }
        guard let v = Double(s), v.isFinite else { return nil }
        return v
    }
}

extension String {
    /// Without leading and trailing whitespace (any Unicode space).
    var trimmingSpaces: String {
        let u = unicodeScalars
        guard let start = u.firstIndex(where: { !TextFold.isSpace($0) }),
              let end = u.lastIndex(where: { !TextFold.isSpace($0) }) else { return "" }
        return String(u[start...end])
    }
}
