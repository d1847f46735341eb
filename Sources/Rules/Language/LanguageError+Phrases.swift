/// The errors of the rules-language parsers, built in one place so that every message has
/// the same shape in both languages: what was being read, what was expected, what was found.
///
/// Codes (stable): `rules.bad-number`, `rules.ambiguous-number`, `rules.missing-number`,
/// `rules.bad-threshold`, `rules.unit-mismatch`, `rules.bad-date`, `rules.bad-period`,
/// `rules.bad-deadline`, `rules.bad-due-rule`.
extension LanguageError {
    static func q(_ s: String) -> String { Wording.quoted(s) }

    /// "found 'xyz'" / "nhưng gặp 'xyz'", or that the phrase ended.
    static func found(_ token: String?) -> LocalizedText {
        guard let token else { return LocalizedText(en: "found nothing more", vi: "nhưng không thấy gì thêm") }
        return LocalizedText(en: "found \(q(token))", vi: "nhưng gặp \(q(token))")
    }

    /// `cannot read <what> '<written>': expected <expected>, found '<found>'`.
    static func phrase(code: String, what: LocalizedText, written: String, expected: LocalizedText,
                       found token: String?, hint: LocalizedText? = nil) -> LanguageError {
        let f = found(token)
        return LanguageError(
            code: code,
            message: LocalizedText(
                en: "cannot read \(what.en) \(q(written)): expected \(expected.en), \(f.en)",
                vi: "không đọc được \(what.vi) \(q(written)): cần \(expected.vi), \(f.vi)"),
            hint: hint)
    }

    static let thresholdWhat = LocalizedText(en: "threshold", vi: "ngưỡng")
    static let changeWhat = LocalizedText(en: "change threshold", vi: "ngưỡng thay đổi")
    static let dateWhat = LocalizedText(en: "date", vi: "ngày")
    static let periodWhat = LocalizedText(en: "period", vi: "kỳ")
    static let deadlineWhat = LocalizedText(en: "deadline", vi: "thời hạn")
    static let dueRuleWhat = LocalizedText(en: "report due rule", vi: "hạn nộp báo cáo")

    static func badNumber(_ number: String, _ reason: LocalizedText, hint: LocalizedText? = nil) -> LanguageError {
        LanguageError(
            code: "rules.bad-number",
            message: LocalizedText(en: "\(q(number)) is not a number: \(reason.en)",
                                   vi: "\(q(number)) không phải là số hợp lệ: \(reason.vi)"),
            hint: hint)
    }

    static func ambiguousNumber(_ number: String, vietnamese: Double, english: Double) -> LanguageError {
        LanguageError(
            code: "rules.ambiguous-number",
            message: LocalizedText(
                en: "\(q(number)) is ambiguous: \(NumberFormat.plain(vietnamese)) (Vietnamese style) or \(NumberFormat.plain(english)) (English style)",
                vi: "\(q(number)) không rõ nghĩa: \(viDecimal(vietnamese)) (kiểu Việt Nam) hay \(viDecimal(english)) (kiểu Anh)"),
            hint: LocalizedText(en: "set \"numbers\": \"vi\" or \"en\" in the plan",
                                vi: "đặt \"numbers\": \"vi\" hoặc \"en\" trong kế hoạch"))
    }

    /// A number for a Vietnamese sentence: decimal comma, no grouping.
    static func viDecimal(_ x: Double) -> String {
        String(NumberFormat.plain(x).map { $0 == "." ? "," : $0 })
    }

    static func unitMismatch(written: String, indicator: String, hint: LocalizedText? = nil) -> LanguageError {
        LanguageError(
            code: "rules.unit-mismatch",
            message: LocalizedText(
                en: "unit \(q(written)) does not match the indicator's unit \(q(indicator)) and cannot be converted to it",
                vi: "đơn vị \(q(written)) không khớp với đơn vị \(q(indicator)) của chỉ tiêu và không quy đổi được"),
            hint: hint ?? LocalizedText(
                en: "write the threshold in \(q(indicator)), or change the indicator's \"unit\"",
                vi: "ghi ngưỡng theo đơn vị \(q(indicator)), hoặc sửa \"unit\" của chỉ tiêu"))
    }
}
