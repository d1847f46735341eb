/// Reads a reporting period (spec §4.4): `2026-06`, `2026-Q2`, `2026-H1`, `2026-9M`, `2026`,
/// `2026-06-15`, and the plans' Vietnamese forms `06/2026`, `tháng 6/2026`, `quý II/2026`,
/// `Q1`, `6 tháng đầu năm 2026`, `6 tháng cuối năm 2026`, `9 tháng 2026`, `năm 2026`.
///
/// Without a year (`quý I`, `Q2`, `6 tháng`, `9 tháng`, `tháng 6`, `năm`) the default year
/// applies; without a default year that is an error. "6 tháng" alone is the first half
/// (Nghị định 09/2019: "6 tháng" = January–June).
public enum PeriodParser {
    /// The period, or nil when `text` is not one.
    public static func parse(_ text: String, defaultYear: Int?) -> Period? {
        try? parseOrThrow(text, defaultYear: defaultYear)
    }

    /// The period, or a `rules.bad-period` error saying what was expected.
    public static func parseOrThrow(_ text: String, defaultYear: Int?) throws(LanguageError) -> Period {
        var s = PhraseScanner(text)
        return try read(&s, defaultYear: defaultYear).whole(
            &s, code: "rules.bad-period", what: LanguageError.periodWhat, expected: examples,
            end: LocalizedText(en: "the end of the period", vi: "hết kỳ"))
    }

    static let examples = LocalizedText(
        en: "a period such as '2026-06', '2026-Q2', '2026-H1', '2026-9M', '2026', 'tháng 6/2026', 'quý II/2026', '6 tháng đầu năm 2026' or 'năm 2026'",
        vi: "một kỳ như '2026-06', '2026-Q2', '2026-H1', '2026-9M', '2026', 'tháng 6/2026', 'quý II/2026', '6 tháng đầu năm 2026' hoặc 'năm 2026'")

    // MARK: - Data files

    /// The period in a data cell. The ISO forms that fill data files (`2026`, `2026-06`,
    /// `2026-Q2`, `2026-H1`, `2026-9M`, `2026-06-15`) and `06/2026` are read from the bytes
    /// without allocating; anything else goes to the full parser, with no default year
    /// (a caller reading millions of rows should remember those few distinct strings).
    public static func parseData(_ bytes: UnsafeRawBufferPointer) -> Period? {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        let n = end - start
        @inline(__always) func digit(_ i: Int) -> Int? {
            let c = bytes[start + i]
            return c >= 48 && c <= 57 ? Int(c - 48) : nil
        }
        // 06/2026 and 6/2026, the Vietnamese month form, are common enough to read here too.
        if n == 6 || n == 7, bytes[end - 5] == UInt8(ascii: "/") {
            var v = 0
            var ok = true
            for i in start..<end where i != end - 5 {
                let c = bytes[i]
                guard c >= 48 && c <= 57 else { ok = false; break }
                v = v * 10 + Int(c - 48)
            }
            if ok {
                let year = v % 10000, month = v / 10000
                return (1...12).contains(month) && year >= 1 ? .month(year, month) : nil
            }
        }
        fast: if n == 4 || n == 7 || n == 10 {
            guard let a = digit(0), let b = digit(1), let c = digit(2), let d = digit(3) else { break fast }
            let year = a * 1000 + b * 100 + c * 10 + d
            guard year >= 1 else { return nil }
            if n == 4 { return .year(year) }
            guard bytes[start + 4] == UInt8(ascii: "-") else { break fast }
            let x = bytes[start + 5] | 0x20, y = bytes[start + 6]   // | 0x20 lower-cases a letter
            if n == 7 {
                if let m1 = digit(5), let m2 = digit(6) {
                    let m = m1 * 10 + m2
                    return (1...12).contains(m) ? .month(year, m) : nil
                }
                if x == UInt8(ascii: "q"), y >= UInt8(ascii: "1"), y <= UInt8(ascii: "4") { return .quarter(year, Int(y - 48)) }
                if x == UInt8(ascii: "h"), y == UInt8(ascii: "1") || y == UInt8(ascii: "2") { return .half(year, Int(y - 48)) }
                if bytes[start + 5] == UInt8(ascii: "9"), y | 0x20 == UInt8(ascii: "m") { return .nineMonths(year) }
                break fast
            }
            guard let m1 = digit(5), let m2 = digit(6), bytes[start + 7] == UInt8(ascii: "-"),
                  let d1 = digit(8), let d2 = digit(9) else { break fast }
            return CivilDate(year: year, month: m1 * 10 + m2, day: d1 * 10 + d2).map { .day($0) }
        }
        return parse(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), defaultYear: nil)
    }

    // MARK: - Grammar

    static func read(_ s: inout PhraseScanner, defaultYear: Int?) -> PhraseOutcome<Period> {
        let saved = s.pos
        let written = s.written
        func invalid(_ reason: LocalizedText, hint: LocalizedText? = nil) -> PhraseOutcome<Period> {
            .invalid(LanguageError(code: "rules.bad-period",
                                   message: LocalizedText(en: "\(LanguageError.q(written)) is not a valid period: \(reason.en)",
                                                          vi: "\(LanguageError.q(written)) không phải là kỳ hợp lệ: \(reason.vi)"),
                                   hint: hint))
        }
        /// The year after the period word: "/2026", "-2026", "năm 2026", " 2026", or the default.
        func year(_ s: inout PhraseScanner) -> Result<Int, LanguageError> {
            var probe = s
            let explicit = probe.match("/") || probe.match("-") || probe.match("năm")
            if let r = probe.readDigits(), r.count == 4, let y = probe.int(r), y >= 1 {
                s = probe
                return .success(y)
            }
            if explicit {
                return .failure(LanguageError(
                    code: "rules.bad-period",
                    message: LocalizedText(en: "\(LanguageError.q(written)) is not a valid period: the year must have four digits",
                                           vi: "\(LanguageError.q(written)) không phải là kỳ hợp lệ: năm phải có bốn chữ số")))
            }
            guard let defaultYear else {
                return .failure(LanguageError(
                    code: "rules.bad-period",
                    message: LocalizedText(en: "\(LanguageError.q(written)) has no year and none is known here",
                                           vi: "\(LanguageError.q(written)) không có năm và ở đây không biết năm nào"),
                    hint: LocalizedText(en: "write the year, e.g. 'quý II/2026'", vi: "ghi cả năm, ví dụ 'quý II/2026'")))
            }
            return .success(defaultYear)
        }
        func finish(_ s: inout PhraseScanner, _ make: (Int) -> Period) -> PhraseOutcome<Period> {
            switch year(&s) {
            case .success(let y): return .value(make(y))
            case .failure(let e): return .invalid(e)
            }
        }

        // 2026, 2026-06, 2026-Q2, 2026-H1, 2026-9M (2026-06-15 is read as a date below)
        var probe = s
        if let r = probe.readDigits(), r.count == 4, let y = probe.int(r), y >= 1 {
            var iso = probe
            if iso.match("-") {
                if iso.match("q"), let q = iso.readDigits(), let n = iso.int(q) {
                    s = iso
                    return (1...4).contains(n) ? .value(.quarter(y, n)) : invalid(quarterRange(n))
                }
                if iso.match("h"), let h = iso.readDigits(), let n = iso.int(h) {
                    s = iso
                    return (1...2).contains(n) ? .value(.half(y, n)) : invalid(LocalizedText(en: "a half year is H1 or H2", vi: "nửa năm là H1 hoặc H2"))
                }
                if iso.match("9m") { s = iso; return .value(.nineMonths(y)) }
                if let m = iso.readDigits(), m.count <= 2, let month = iso.int(m), iso.peek() != "-" {
                    s = iso
                    return (1...12).contains(month) ? .value(.month(y, month)) : invalid(monthRange(month))
                }
            } else if probe.peek() != "/" {
                s = probe
                return .value(.year(y))
            }
        }

        // A day: 2026-06-15, 15/06/2026, ngày 15 tháng 6 năm 2026
        switch DateParser.read(&s, defaultYear: defaultYear) {
        case .value(let d): return .value(.day(d))
        case .invalid(let e): return .invalid(e)
        case .absent: break
        }

        // tháng 6/2026, Tháng 01/2026, tháng 6 năm 2026, T6/2026, tháng 6
        probe = s
        if probe.match("tháng") || (probe.match("t") && probe.peekIsDigit()) {
            guard let m = probe.readDigits(), let month = probe.int(m) else {
                return invalid(LocalizedText(en: "a month number should follow 'tháng'", vi: "sau 'tháng' cần số tháng"))
            }
            guard (1...12).contains(month) else { return invalid(monthRange(month)) }
            s = probe
            return finish(&s) { .month($0, month) }
        }

        // 06/2026
        probe = s
        if let m = probe.readDigits(), m.count <= 2, probe.peek() == "/", let month = probe.int(m) {
            var withYear = probe
            withYear.pos += 1
            if let y = withYear.readDigits(), y.count == 4, let year = withYear.int(y) {
                s = withYear
                return (1...12).contains(month) ? .value(.month(year, month)) : invalid(monthRange(month))
            }
        }

        // quý II/2026, Quý I/2026, quý 2 năm 2026, Q1, Q1/2026, quý I
        probe = s
        if probe.match("quý") || probe.match("qúy") || (probe.match("q") && probe.peekIsDigit()) {
            var n: Int?
            if let d = probe.readDigits() {
                n = probe.int(d)
            } else if let w = probe.readWord() {
                n = romanNumerals[probe.lowerString(w)]
                if n == nil {
                    return invalid(LocalizedText(en: "expected a quarter I–IV or 1–4 after 'quý', found \(LanguageError.q(probe.string(w)))",
                                                 vi: "sau 'quý' cần số quý I–IV hoặc 1–4, nhưng gặp \(LanguageError.q(probe.string(w)))"))
                }
            }
            guard let quarter = n else {
                return invalid(LocalizedText(en: "a quarter number I–IV should follow 'quý'", vi: "sau 'quý' cần số quý I–IV"))
            }
            guard (1...4).contains(quarter) else { return invalid(quarterRange(quarter)) }
            s = probe
            return finish(&s) { .quarter($0, quarter) }
        }

        // 6 tháng đầu năm 2026, 6 tháng cuối năm, 6 tháng, 9 tháng 2026, 9 tháng đầu năm
        probe = s
        if let r = probe.readDigits(), let n = probe.int(r), n == 6 || n == 9, probe.match("tháng") {
            if n == 6 {
                let second = probe.match("cuối năm") || probe.match("cuối")
                if !second { _ = probe.match("đầu năm") || probe.match("đầu") }
                s = probe
                return finish(&s) { .half($0, second ? 2 : 1) }
            }
            _ = probe.match("đầu năm")
            s = probe
            return finish(&s) { .nineMonths($0) }
        }

        // H1, H2/2026, 9M
        probe = s
        if probe.match("h"), let r = probe.readDigits(), let n = probe.int(r) {
            guard (1...2).contains(n) else {
                return invalid(LocalizedText(en: "a half year is H1 or H2", vi: "nửa năm là H1 hoặc H2"))
            }
            s = probe
            return finish(&s) { .half($0, n) }
        }
        probe = s
        if probe.match("9m") {
            s = probe
            return finish(&s) { .nineMonths($0) }
        }

        // năm 2026, cả năm, năm
        probe = s
        if probe.match("cả năm") || probe.match("năm") || probe.match("year") {
            s = probe
            return finish(&s) { .year($0) }
        }
        s.pos = saved
        return .absent
    }

    /// Roman numerals past IV too, so that "quý V" gets "there is no quarter 5".
    static let romanNumerals = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8]

    static func monthRange(_ m: Int) -> LocalizedText {
        LocalizedText(en: "there is no month \(m)", vi: "không có tháng \(m)")
    }

    static func quarterRange(_ q: Int) -> LocalizedText {
        LocalizedText(en: "there is no quarter \(q) (quarters are I–IV)", vi: "không có quý \(q) (quý từ I đến IV)")
    }
}
