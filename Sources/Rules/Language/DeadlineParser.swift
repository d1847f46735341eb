/// Reads a deadline (`due`, spec §4.2): the last day on which something is on time,
/// before any working-day roll.
///
/// - a date, `by DATE`, `chậm nhất (là) (vào) ngày DATE`, `đến (hết) ngày DATE`,
///   `trong ngày DATE`: that day;
/// - `before DATE`, `trước ngày DATE`, `trước DATE`: the day before (Civil Code: nothing
///   defines "trước ngày X", read literally it ends on X − 1), the date written kept;
/// - a period, with or without `trong`, `by`, `đến hết`, `cuối`, `chậm nhất`: its last day.
///
/// A leading verb (`hoàn thành`, `xong`) is allowed. "Thường xuyên" (ongoing) has no
/// deadline and is an error that says so. "trước" + a period is an error: whether
/// "trước quý II" means the end of quý I is for the author to write.
public enum DeadlineParser {
    public static func parse(_ text: String, year: Int) throws(LanguageError) -> Deadline {
        var s = PhraseScanner(text)
        let what = LanguageError.deadlineWhat
        guard !s.isEmpty else {
            throw .phrase(code: "rules.bad-deadline", what: what, written: text, expected: examples, found: nil)
        }
        if s.looking(at: "thường xuyên") || s.looking(at: "hằng năm") || s.looking(at: "hàng năm") {
            throw LanguageError(
                code: "rules.bad-deadline",
                message: LocalizedText(en: "\(LanguageError.q(text)) is ongoing work and has no deadline to check",
                                       vi: "\(LanguageError.q(text)) là việc làm thường xuyên, không có thời hạn để kiểm tra"),
                hint: LocalizedText(en: "leave the task out and mention it in the plan's \"notes\", or give a date",
                                    vi: "bỏ nhiệm vụ này và ghi vào \"notes\" của kế hoạch, hoặc ghi một ngày cụ thể"))
        }
        if DueRuleParser.isEndOfPeriod(text) {
            // A rule's deadline has no period of its own to end; a report schedule does.
            throw LanguageError(
                code: "rules.bad-deadline",
                message: LocalizedText(en: "\(LanguageError.q(text)) is relative to a report's period, and a deadline has none",
                                       vi: "\(LanguageError.q(text)) tính theo kỳ báo cáo, mà thời hạn thì không có kỳ"),
                hint: LocalizedText(en: "name the period, e.g. 'năm \(year)' or 'quý IV/\(year)'; 'cuối kỳ' is for a report's \"due\"",
                                    vi: "ghi rõ kỳ, ví dụ 'năm \(year)' hoặc 'quý IV/\(year)'; 'cuối kỳ' dùng cho \"due\" của báo cáo"))
        }
        _ = s.matchAny(["hoàn thành", "xong"])

        enum Mode { case by, before, within }
        var mode = Mode.by
        var keyword: String?
        if let k = s.matchAny(["chậm nhất", "no later than", "on or before", "by", "hạn chót", "hạn"]) {
            keyword = k
            _ = s.match("là")
            _ = s.match("vào")
        } else if let k = s.matchAny(["đến hết", "đến cuối", "đến", "until", "cuối", "hết"]) {
            keyword = k
        } else if let k = s.matchAny(["trước", "before"]) {
            keyword = k
            mode = .before
        } else if let k = s.matchAny(["trong", "within", "in"]) {
            keyword = k
            mode = .within
        }

        let deadline: Deadline
        switch DateParser.read(&s, defaultYear: year) {
        case .value(let d):
            deadline = mode == .before
                ? Deadline(nominal: d.adding(days: -1), form: .before(written: d), written: text)
                : Deadline(nominal: d, form: .by, written: text)
        case .invalid(let e):
            throw e
        case .absent:
            if mode == .before {
                throw .phrase(code: "rules.bad-deadline", what: what, written: text,
                              expected: LocalizedText(en: "a date after \(LanguageError.q(keyword ?? "trước")), such as 'trước ngày 03/02/2026'",
                                                      vi: "một ngày sau \(LanguageError.q(keyword ?? "trước")), ví dụ 'trước ngày 03/02/2026'"),
                              found: s.nextToken())
            }
            switch PeriodParser.read(&s, defaultYear: year) {
            case .value(let p):
                deadline = Deadline(nominal: p.end, form: .period(p), written: text)
            case .invalid(let e):
                throw e
            case .absent:
                let expected = keyword.map { k in
                    LocalizedText(en: "a date or a period after \(LanguageError.q(k))", vi: "một ngày hoặc một kỳ sau \(LanguageError.q(k))")
                } ?? examples
                throw .phrase(code: "rules.bad-deadline", what: what, written: text, expected: expected, found: s.nextToken(),
                              hint: hint(s))
            }
        }
        s.skipSpaces()
        guard s.isAtEnd else {
            throw .phrase(code: "rules.bad-deadline", what: what, written: text,
                          expected: LocalizedText(en: "the end of the deadline", vi: "hết thời hạn"), found: s.nextToken())
        }
        return deadline
    }

    static let examples = LocalizedText(
        en: "a deadline such as '2026-01-31', 'chậm nhất ngày 31/01/2026', 'trước ngày 03/02/2026', 'quý I/2026', 'Q2' or '6 tháng đầu năm'",
        vi: "một thời hạn như '2026-01-31', 'chậm nhất ngày 31/01/2026', 'trước ngày 03/02/2026', 'quý I/2026', 'Q2' hoặc '6 tháng đầu năm'")

    static let vocabulary = ["hoàn thành", "chậm nhất", "trước ngày", "trước", "đến ngày", "trong ngày", "trong", "ngày",
                             "tháng", "quý", "năm", "by", "before"]

    /// "did you mean" for a misspelt first word ("chậm nhât", "truớc ngày").
    static func hint(_ s: PhraseScanner) -> LocalizedText? {
        let words = s.upcomingWords(max: 2)
        for n in stride(from: words.count, through: 1, by: -1) {
            let phrase = words[0..<n].joined(separator: " ")
            if let h = DidYouMean.hint(phrase, from: vocabulary.filter { $0.split(separator: " ").count == n }) { return h }
        }
        return nil
    }
}
