/// Reads when a report is due (`reports[].due`, spec §4.3), relative to each period:
///
/// | written | rule |
/// |---|---|
/// | `by day N`, `chậm nhất ngày N`, `ngày N hàng tháng` | `.dayOfLastMonth(N, before: false)` |
/// | `before day N`, `trước ngày N (hàng tháng)`, `trước ngày N tháng cuối quý/kỳ` | `.dayOfLastMonth(N, before: true)` |
/// | `… of the last month` | the same, explicit |
/// | `by/before day N of the next month`, `(chậm nhất/trước) ngày N tháng sau` | `.dayOfNextMonth` |
/// | `within N days after`, `trong vòng N ngày sau kỳ báo cáo` | `.daysAfter(N)` |
/// | `within N working days after`, `trong vòng N ngày làm việc sau kỳ báo cáo` | `.workingDaysAfter(N)` |
/// | `cuối kỳ`, `trong kỳ`, `trước khi kết thúc kỳ`, `by the end of the period`, `end of period` (`endOfPeriod`) | `.daysAfter(0)`: the period's last day |
/// | a date or period (§4.2) | `.fixed` |
///
/// "trước ngày 20 hàng quý" is an error: it does not say which month of the quarter.
/// "trước cuối kỳ" is not accepted: read like "trước ngày N" it would be the day before
/// the last, which is unlikely to be meant; `trước khi kết thúc kỳ` ("before the period is
/// over") is the period's last day.
public enum DueRuleParser {
    public static func parse(_ text: String, year: Int) throws(LanguageError) -> DueRule {
        var s = PhraseScanner(text)
        if let rule = try endOfPeriod(text) { return rule }
        if let rule = try relative(&s, text) { return rule }
        do {
            return .fixed(try DeadlineParser.parse(text, year: year))
        } catch where error.code == "rules.bad-deadline" {
            throw .phrase(code: "rules.bad-due-rule", what: LanguageError.dueRuleWhat, written: text, expected: examples,
                          found: PhraseScanner(text).nextToken(), hint: error.hint)
        }
    }

    static let examples = LocalizedText(
        en: "a due rule such as 'trước ngày 25 hàng tháng', 'trước ngày 20 tháng cuối quý', 'chậm nhất ngày 5 tháng sau', 'cuối kỳ', 'by day 25', 'within 10 working days after', or a date or period",
        vi: "một hạn như 'trước ngày 25 hàng tháng', 'trước ngày 20 tháng cuối quý', 'chậm nhất ngày 5 tháng sau', 'cuối kỳ', 'by day 25', 'within 10 working days after', hoặc một ngày hay một kỳ")

    static let lastMonthWords = [
        "of the period's last month", "of the last month", "of each month", "every month",
        "hàng tháng", "hằng tháng", "mỗi tháng", "của tháng cuối quý", "tháng cuối quý", "của tháng cuối kỳ",
        "tháng cuối kỳ", "tháng cuối năm", "tháng cuối", "cuối quý", "cuối kỳ",
    ]
    static let nextMonthWords = [
        "of the next month", "of the following month", "của tháng sau", "tháng sau", "của tháng kế tiếp",
        "tháng kế tiếp", "tháng tiếp theo", "tháng liền sau",
    ]
    /// "By the end of the period" (plans: "định kỳ hằng năm … báo cáo", a report with no day):
    /// the whole phrase, after an optional `endOfPeriodLeads` word.
    static let endOfPeriod = [
        "ngày cuối cùng của kỳ báo cáo", "ngày cuối cùng của kỳ", "ngày cuối kỳ báo cáo", "ngày cuối kỳ",
        "cuối kỳ báo cáo", "cuối mỗi kỳ", "cuối kỳ", "hết kỳ báo cáo", "hết kỳ",
        "trước khi kết thúc kỳ báo cáo", "trước khi kết thúc kỳ", "khi kết thúc kỳ báo cáo", "khi kết thúc kỳ",
        "kết thúc kỳ báo cáo", "kết thúc kỳ", "trong kỳ báo cáo", "trong kỳ",
        "the end of the reporting period", "the end of each period", "the end of the period", "the end of period",
        "end of the period", "end of each period", "end of period", "the period end", "period end",
        "the last day of the period", "within the period",
    ]
    static let endOfPeriodLeads = ["chậm nhất là", "chậm nhất vào", "chậm nhất", "đến", "vào", "by", "at", "on"]

    /// Whether `text` is a whole "by the end of the period" phrase (`endOfPeriod`).
    static func isEndOfPeriod(_ text: String) -> Bool {
        var s = PhraseScanner(text)
        _ = s.matchAny(endOfPeriodLeads)
        guard s.matchAny(endOfPeriod) != nil else { return false }
        s.skipSpaces()
        return s.isAtEnd
    }

    /// `.daysAfter(0)` for a whole `endOfPeriod` phrase, nil when `text` does not start
    /// with one, an error when something follows it or when it reads "before the end".
    static func endOfPeriod(_ text: String) throws(LanguageError) -> DueRule? {
        var s = PhraseScanner(text)
        if s.match("trước") || s.match("before"), s.looking(at: "cuối kỳ") || s.looking(at: "the end of the period") {
            throw LanguageError(
                code: "rules.bad-due-rule",
                message: LocalizedText(en: "\(LanguageError.q(text)) does not say which day: the period's last day, or the day before",
                                       vi: "\(LanguageError.q(text)) không rõ là ngày nào: ngày cuối kỳ, hay ngày trước đó"),
                hint: LocalizedText(en: "write 'cuối kỳ' (the period's last day), or a day such as 'trước ngày 25 tháng cuối kỳ'",
                                    vi: "ghi 'cuối kỳ' (ngày cuối cùng của kỳ), hoặc một ngày như 'trước ngày 25 tháng cuối kỳ'"))
        }
        s = PhraseScanner(text)
        _ = s.matchAny(endOfPeriodLeads)
        guard let phrase = s.matchAny(endOfPeriod) else { return nil }
        s.skipSpaces()
        guard s.isAtEnd else {
            throw bad(text, LocalizedText(en: "nothing after \(LanguageError.q(phrase))", vi: "không có gì sau \(LanguageError.q(phrase))"),
                      found: s.nextToken())
        }
        return .daysAfter(0)
    }

    static let unclearWords = ["hàng quý", "hằng quý", "mỗi quý", "hàng năm", "hằng năm"]
    static let afterWords = ["after", "sau", "kể từ"]
    static let periodEndWords = [
        "the end of the period", "the end of each period", "the period end", "the period", "period end", "each period",
        "khi kết thúc kỳ báo cáo", "ngày kết thúc kỳ báo cáo", "kết thúc kỳ báo cáo", "ngày cuối kỳ báo cáo", "kỳ báo cáo",
        "khi kết thúc kỳ", "kết thúc kỳ", "ngày cuối kỳ", "cuối kỳ", "kỳ",
    ]

    /// A rule relative to the period, or nil when `text` is not one (it may still be a
    /// fixed date: "trước ngày 25/01/2026").
    static func relative(_ s: inout PhraseScanner, _ text: String) throws(LanguageError) -> DueRule? {
        var before = false
        if s.match("by day") || s.match("on day") {
            before = false
        } else if s.match("before day") {
            before = true
        } else if s.match("trước ngày") {
            before = true
        } else if s.match("chậm nhất") {
            _ = s.match("là")
            _ = s.match("vào")
            guard s.match("ngày") else { return nil }
        } else if s.match("ngày") || s.match("vào ngày") {
            before = false
        } else {
            return try within(&s, text)
        }

        guard let r = s.readDigits() else { return nil }
        // "trước ngày 25/01/2026", "ngày 31 tháng 01 năm 2026": a date, so a fixed deadline.
        if let u = s.peek(), (u == "/" || u == "-" || u == "."), s.peekIsDigit(1) { return nil }
        var probe = s
        if probe.match("tháng"), probe.numberFollows { return nil }
        guard let n = s.int(r), (1...31).contains(n) else {
            throw bad(text, LocalizedText(en: "the day must be 1–31", vi: "ngày phải từ 1 đến 31"), found: s.string(r))
        }
        if let w = s.matchAny(unclearWords) {
            throw LanguageError(
                code: "rules.bad-due-rule",
                message: LocalizedText(en: "\(LanguageError.q(text)) does not say in which month of the period the report is due",
                                       vi: "\(LanguageError.q(text)) không nói rõ báo cáo đến hạn vào tháng nào của kỳ"),
                hint: LocalizedText(en: "write 'trước ngày \(n) tháng cuối quý' or 'trước ngày \(n) tháng sau' instead of '\(w)'",
                                    vi: "ghi 'trước ngày \(n) tháng cuối quý' hoặc 'trước ngày \(n) tháng sau' thay cho '\(w)'"))
        }
        var next = false
        if s.matchAny(nextMonthWords) != nil {
            next = true
        } else {
            _ = s.matchAny(lastMonthWords)
        }
        try end(s, text)
        return next ? .dayOfNextMonth(n, before: before) : .dayOfLastMonth(n, before: before)
    }

    /// `within N (working) days after`, `trong vòng N ngày (làm việc) sau kỳ báo cáo`.
    static func within(_ s: inout PhraseScanner, _ text: String) throws(LanguageError) -> DueRule? {
        let saved = s.pos
        let english = s.match("within")
        if !english { _ = s.match("trong vòng") || s.match("trong") }
        guard let r = s.readDigits() else { s.pos = saved; return nil }
        let working: Bool
        if english {
            if s.match("working days") || s.match("working day") || s.match("business days") {
                working = true
            } else if s.match("days") || s.match("day") {
                working = false
            } else { s.pos = saved; return nil }
        } else {
            guard s.match("ngày") else { s.pos = saved; return nil }
            working = s.match("làm việc")
        }
        guard s.matchAny(afterWords) != nil else {
            if s.isAtEnd {
                throw bad(text, LocalizedText(en: "'after' (the period's end) after the number of days",
                                              vi: "'sau kỳ báo cáo' sau số ngày"), found: nil)
            }
            s.pos = saved
            return nil
        }
        _ = s.matchAny(periodEndWords)
        guard let n = s.int(r), (1...366).contains(n) else {
            throw bad(text, LocalizedText(en: "the number of days must be 1–366", vi: "số ngày phải từ 1 đến 366"), found: s.string(r))
        }
        try end(s, text)
        return working ? .workingDaysAfter(n) : .daysAfter(n)
    }

    static func end(_ s: PhraseScanner, _ text: String) throws(LanguageError) {
        var s = s
        s.skipSpaces()
        guard s.isAtEnd else {
            throw bad(text, LocalizedText(en: "the end of the rule, or 'hàng tháng', 'tháng cuối quý', 'tháng sau'",
                                          vi: "hết quy tắc, hoặc 'hàng tháng', 'tháng cuối quý', 'tháng sau'"),
                      found: s.nextToken())
        }
    }

    static func bad(_ text: String, _ expected: LocalizedText, found: String?) -> LanguageError {
        .phrase(code: "rules.bad-due-rule", what: LanguageError.dueRuleWhat, written: text, expected: expected, found: found)
    }
}
