/// Reads a calendar date as plans write it (spec §4.1): `2026-01-31`, `31/01/2026`,
/// `31/1/2026`, `31/01` (the plan's year), `ngày 31/01/2026`, `ngày 31 tháng 01 năm 2026`.
///
/// Also accepted: `31-01-2026` and `31.01.2026` (a four-digit year last cannot be misread),
/// and `ngày 31 tháng 01` with the default year. Not accepted: a two-digit year (`31/01/26`)
/// and a day and month joined by `-` or `.` without a year (`31-01` reads like a range).
public enum DateParser {
    public static func parse(_ text: String, defaultYear: Int) throws(LanguageError) -> CivilDate {
        try parse(text, defaultYear: Optional(defaultYear))
    }

    /// As `parse(_:defaultYear:)`; without a default year a date must carry its year.
    public static func parse(_ text: String, defaultYear: Int?) throws(LanguageError) -> CivilDate {
        var s = PhraseScanner(text)
        return try read(&s, defaultYear: defaultYear).whole(
            &s, code: "rules.bad-date", what: LanguageError.dateWhat, expected: examples,
            end: LocalizedText(en: "the end of the date", vi: "hết ngày tháng"))
    }

    static let examples = LocalizedText(
        en: "a date such as '2026-01-31', '31/01/2026', '31/01' or 'ngày 31 tháng 01 năm 2026'",
        vi: "một ngày như '2026-01-31', '31/01/2026', '31/01' hoặc 'ngày 31 tháng 01 năm 2026'")

    /// A date at the scanner's position. `06/2026` is not a date (it is a month), so the
    /// callers that also accept periods can try this first.
    static func read(_ s: inout PhraseScanner, defaultYear: Int?) -> PhraseOutcome<CivilDate> {
        let saved = s.pos
        let written = s.written
        _ = s.match("ngày")
        guard let first = s.readDigits() else { s.pos = saved; return .absent }
        func invalid(_ reason: LocalizedText, hint: LocalizedText? = nil) -> PhraseOutcome<CivilDate> {
            .invalid(LanguageError(code: "rules.bad-date",
                                   message: LocalizedText(en: "\(LanguageError.q(written)) is not a valid date: \(reason.en)",
                                                          vi: "\(LanguageError.q(written)) không phải là ngày hợp lệ: \(reason.vi)"),
                                   hint: hint))
        }
        func make(_ y: Int, _ m: Int, _ d: Int) -> PhraseOutcome<CivilDate> {
            guard (1...12).contains(m) else {
                return invalid(LocalizedText(en: "there is no month \(m)", vi: "không có tháng \(m)"))
            }
            guard (1...9999).contains(y) else {
                return invalid(LocalizedText(en: "year \(y) is out of range", vi: "năm \(y) nằm ngoài phạm vi"))
            }
            guard let date = CivilDate(year: y, month: m, day: d) else {
                let n = CivilDate.daysInMonth(year: y, month: m)
                return invalid(LocalizedText(en: "month \(m) of \(y) has \(n) days", vi: "tháng \(m) năm \(y) có \(n) ngày"))
            }
            return .value(date)
        }
        let noYear = invalid(LocalizedText(en: "it has no year and none is known here", vi: "không có năm và ở đây không biết năm nào"),
                             hint: LocalizedText(en: "write the year: '31/01/2026'", vi: "ghi cả năm: '31/01/2026'"))

        // 2026-01-31
        if first.count == 4, s.peek() == "-", s.peekIsDigit(1) {
            s.pos += 1
            guard let m = s.readDigits(), m.count <= 2, s.peek() == "-", s.peekIsDigit(1) else { s.pos = saved; return .absent }
            s.pos += 1
            guard let d = s.readDigits(), d.count <= 2 else { s.pos = saved; return .absent }
            return make(s.int(first) ?? 0, s.int(m) ?? 0, s.int(d) ?? 0)
        }
        guard first.count <= 2, let day = s.int(first) else { s.pos = saved; return .absent }

        // 31/01/2026, 31-01-2026, 31.01.2026, 31/01
        if let sep = s.peek(), sep == "/" || sep == "-" || sep == ".", s.peekIsDigit(1) {
            s.pos += 1
            guard let m = s.readDigits(), m.count <= 2, let month = s.int(m) else { s.pos = saved; return .absent }
            if s.peek() == sep, s.peekIsDigit(1) {
                s.pos += 1
                guard let y = s.readDigits() else { s.pos = saved; return .absent }
                guard y.count == 4 else {
                    return invalid(LocalizedText(en: "write the year with four digits", vi: "năm phải ghi đủ bốn chữ số"))
                }
                return make(s.int(y) ?? 0, month, day)
            }
            guard sep == "/" else { s.pos = saved; return .absent }
            guard let y = defaultYear else { return noYear }
            return make(y, month, day)
        }

        // ngày 31 tháng 01 năm 2026, 31 tháng 1
        var probe = s
        if probe.match("tháng"), let m = probe.readDigits(), m.count <= 2, let month = probe.int(m) {
            s = probe
            var withYear = s
            if withYear.match("năm") || withYear.match("/") {
                guard let y = withYear.readDigits(), y.count == 4 else {
                    return invalid(LocalizedText(en: "write the year with four digits", vi: "năm phải ghi đủ bốn chữ số"))
                }
                s = withYear
                return make(s.int(y) ?? 0, month, day)
            }
            guard let y = defaultYear else { return noYear }
            return make(y, month, day)
        }
        s.pos = saved
        return .absent
    }
}
