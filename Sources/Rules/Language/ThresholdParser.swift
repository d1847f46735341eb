/// Reads the thresholds of `target`, `maintain`, milestones (`parse`) and `change`
/// (`parseChange`), spec §3.1–3.3, with numbers converted to the indicator's unit.
///
/// Decisions where the spec is silent:
/// - Text in parentheses is a note and is ignored ("từ 3,2% (370 người) trở lên" is ≥ 3.2%),
///   except `(relative)` / `(tương đối)` in a change.
/// - "từ X" alone means ≥ X, like "từ X trở lên".
/// - In a target, words that describe a level reached by changing are levels:
///   "giảm xuống dưới 1,5%" and "xuống dưới 1,5%" are < 1.5, "giảm xuống 1,5%" /
///   "giảm còn 1,5%" is ≤ 1.5, "tăng lên 60%" is ≥ 60. A bare change ("giảm 5%", "tăng 10%") in a target is an error
///   that points to a change rule; a level phrase in a change is an error that points to a target.
/// - A trailing "trở lên"/"trở xuống" that agrees with the comparison is accepted
///   ("ít nhất 10% trở lên"); one that contradicts it is an error.
/// - A bare negative change ("-5%") is an error: write "≤ -5%" or "≥ -5%".
public enum ThresholdParser {
    /// A threshold of a `target`, `maintain` or milestone.
    public static func parse(_ text: String, context: ThresholdContext) throws(LanguageError) -> Threshold {
        var reader = ThresholdReader(text, numbers: context.numbers, change: false)
        let result = try reader.read()
        let written = reader.s.written
        if result.direction != nil {
            throw LanguageError(
                code: "rules.bad-threshold",
                message: LocalizedText(en: "\(LanguageError.q(written)) states a change, not a value to reach",
                                       vi: "\(LanguageError.q(written)) nêu một mức thay đổi, không phải giá trị cần đạt"),
                hint: LocalizedText(
                    en: "use a change rule (\"change\" with a \"baseline\"), or write the level, e.g. 'giảm xuống dưới 5%'",
                    vi: "dùng quy tắc thay đổi (\"change\" kèm \"baseline\"), hoặc ghi mức cần đạt, ví dụ 'giảm xuống dưới 5%'"))
        }
        if result.relative {
            throw LanguageError(
                code: "rules.bad-threshold",
                message: LocalizedText(en: "'relative' in \(LanguageError.q(written)) applies only to a change",
                                       vi: "'tương đối' trong \(LanguageError.q(written)) chỉ dùng cho ngưỡng thay đổi"))
        }
        let declared = context.indicatorUnit.flatMap { UnitName($0) }
        let quantities = result.form.quantities
        if quantities.count == 2, quantities.contains(where: { $0.denominator != nil }) {
            throw LanguageError(
                code: "rules.bad-threshold",
                message: LocalizedText(en: "a ratio such as '11/19' cannot be one end of a range in \(LanguageError.q(written))",
                                       vi: "tỷ số như '11/19' không thể là một đầu của khoảng trong \(LanguageError.q(written))"))
        }
        let (values, unit) = try convert(quantities, to: declared)
        let denominator = try quantities[0].denominator.map { d throws(LanguageError) in
            try convert([ThresholdReader.Quantity(value: d, signed: false, unit: quantities[0].unit, denominator: nil)], to: declared).values[0]
        }

        let requirement: Requirement
        switch result.form {
        case .compare(let c, _, let bare):
            // "giảm xuống 1,5%" is at most 1.5; "tăng lên 60%" at least 60.
            let comparison = bare && result.level == .decrease ? .atMost : c
            requirement = .compare(comparison, values[0])
        case .strict:
            requirement = .between(low: min(values[0], values[1]), high: max(values[0], values[1]))
        case .plan:
            let (lo, hi) = (min(values[0], values[1]), max(values[0], values[1]))
            if context.shape == .maintain {
                requirement = .between(low: lo, high: hi)
            } else if result.level == .decrease {
                requirement = .aimed(.atMost, bound: hi, aim: lo)
            } else {
                requirement = .aimed(.atLeast, bound: lo, aim: hi)
            }
        }
        return Threshold(requirement: requirement, unit: unit, ratioDenominator: denominator, written: written)
    }

    /// A change threshold (spec §3.1, last paragraph): signed amounts, `tăng`/`giảm`,
    /// measured relative to the baseline, in percentage points, or as an absolute difference.
    public static func parseChange(_ text: String, context: ThresholdContext) throws(LanguageError) -> ChangeThreshold {
        var reader = ThresholdReader(text, numbers: context.numbers, change: true)
        let result = try reader.read()
        let written = reader.s.written
        if result.level != nil {
            throw LanguageError(
                code: "rules.bad-threshold",
                message: LocalizedText(en: "\(LanguageError.q(written)) states a value to reach, not a change",
                                       vi: "\(LanguageError.q(written)) nêu giá trị cần đạt, không phải mức thay đổi"),
                hint: LocalizedText(en: "write it as a target, e.g. \"target\": \"< 1,5%\"",
                                    vi: "ghi thành chỉ tiêu cần đạt, ví dụ \"target\": \"< 1,5%\""))
        }
        let quantities = result.form.quantities
        if quantities.contains(where: { $0.denominator != nil }) {
            throw LanguageError(
                code: "rules.bad-threshold",
                message: LocalizedText(en: "a ratio such as '11/19' cannot be a change in \(LanguageError.q(written))",
                                       vi: "tỷ số như '11/19' không thể là mức thay đổi trong \(LanguageError.q(written))"))
        }
        if result.direction != nil, quantities.contains(where: \.signed) {
            throw LanguageError(
                code: "rules.bad-threshold",
                message: LocalizedText(en: "\(LanguageError.q(written)) gives the direction twice, in a word and in a sign",
                                       vi: "\(LanguageError.q(written)) nêu chiều thay đổi hai lần, bằng chữ và bằng dấu"),
                hint: LocalizedText(en: "write 'giảm 5%' or '≤ -5%'", vi: "ghi 'giảm 5%' hoặc '≤ -5%'"))
        }

        let (measure, values, unit) = try measure(quantities, result.relative, context, written)
        let requirement: Requirement
        switch (result.form, result.direction) {
        case (.compare(let c, _, let bare), nil):
            if bare && values[0] < 0 {
                throw LanguageError(
                    code: "rules.bad-threshold",
                    message: LocalizedText(en: "\(LanguageError.q(written)) does not say whether the fall must be at least or at most that much",
                                           vi: "\(LanguageError.q(written)) không nói rõ mức giảm phải ít nhất hay nhiều nhất bằng chừng ấy"),
                    hint: LocalizedText(en: "write '≤ \(NumberFormat.plain(values[0]))' (fall by at least that) or '≥ \(NumberFormat.plain(values[0]))'",
                                        vi: "ghi 'giảm \(NumberFormat.plain(-values[0]))' hoặc '≤ \(NumberFormat.plain(values[0]))' (giảm ít nhất chừng ấy), hay '≥ \(NumberFormat.plain(values[0]))'"))
            }
            requirement = .compare(c, values[0])
        case (.compare(let c, _, _), .increase?):
            requirement = .compare(c, values[0])
        case (.compare(let c, _, _), .decrease?):
            // "giảm trên 8%": the fall is more than 8, so the change is below -8.
            requirement = .compare(flipped(c), -values[0])
        case (.strict, let d):
            let (lo, hi) = (min(values[0], values[1]), max(values[0], values[1]))
            requirement = d == .decrease ? .between(low: -hi, high: -lo) : .between(low: lo, high: hi)
        case (.plan, let d):
            let (lo, hi) = (min(values[0], values[1]), max(values[0], values[1]))
            if d == .decrease {
                requirement = .aimed(.atMost, bound: -lo, aim: -hi)
            } else if d == .increase || lo >= 0 {
                requirement = .aimed(.atLeast, bound: lo, aim: hi)
            } else if hi <= 0 {
                requirement = .aimed(.atMost, bound: hi, aim: lo)
            } else {
                throw LanguageError(
                    code: "rules.bad-threshold",
                    message: LocalizedText(en: "the range \(LanguageError.q(written)) runs from a fall to a rise",
                                           vi: "khoảng \(LanguageError.q(written)) đi từ giảm sang tăng"),
                    hint: LocalizedText(en: "write a strict range: 'between -2 and 3'", vi: "ghi khoảng chặt: 'between -2 and 3'"))
            }
        }
        return ChangeThreshold(requirement: requirement, measure: measure, unit: unit, written: written)
    }

    static func flipped(_ c: Comparison) -> Comparison {
        switch c {
        case .atLeast: return .atMost
        case .atMost: return .atLeast
        case .greaterThan: return .lessThan
        case .lessThan: return .greaterThan
        case .equal: return .equal
        }
    }

    // MARK: - Units

    /// Each end of a range takes the other's unit when it has none ("0,3- 0,5%").
    static func units(_ qs: [ThresholdReader.Quantity]) -> [UnitName?] {
        guard qs.count == 2 else { return qs.map(\.unit) }
        return [qs[0].unit ?? qs[1].unit, qs[1].unit ?? qs[0].unit]
    }

    /// The quantities in the indicator's unit (or, undeclared, in their base unit), and that unit.
    static func convert(_ qs: [ThresholdReader.Quantity], to declared: UnitName?) throws(LanguageError) -> (values: [Double], unit: String?) {
        let written = units(qs)
        let named = written.compactMap { $0 }.filter { !$0.isBareScale }
        if declared == nil, named.count == 2, named[0].key != named[1].key {
            throw .unitMismatch(written: named[1].written, indicator: named[0].written,
                                hint: LocalizedText(en: "both ends of a range take the same unit", vi: "hai đầu của khoảng phải cùng đơn vị"))
        }
        var values: [Double] = []
        var unit: String?
        for (q, w) in zip(qs, written) {
            let r = try Units.convert(q.value, from: w, into: declared)
            values.append(r.value)
            unit = unit ?? r.unit
        }
        return (values, unit)
    }

    /// How a change is measured (spec §2, §3.1): on a `%` indicator `%` or no unit is
    /// points and `relative` makes it relative; elsewhere `%` is relative, `pp` is points
    /// (undeclared indicators only) and any other unit an absolute difference.
    static func measure(_ qs: [ThresholdReader.Quantity], _ relative: Bool, _ context: ThresholdContext,
                        _ written: String) throws(LanguageError) -> (ChangeMeasure, [Double], String?) {
        let declared = context.indicatorUnit.flatMap { UnitName($0) }
        let units = units(qs)
        let kinds = Set(units.map { $0?.kind })
        let unitKind: UnitName.Kind? = units.compactMap { $0?.kind }.first
        if kinds.count > 1, kinds.contains(.percent) || kinds.contains(.points) {
            let names = units.compactMap { $0?.written }
            throw .unitMismatch(written: names.last ?? "", indicator: names.first ?? "",
                                hint: LocalizedText(en: "both ends of a range take the same unit", vi: "hai đầu của khoảng phải cùng đơn vị"))
        }
        let magnitudes = qs.map(\.value)
        func relativeNotAllowed() -> LanguageError {
            LanguageError(code: "rules.bad-threshold",
                          message: LocalizedText(en: "'relative' in \(LanguageError.q(written)) needs a change in '%'",
                                                 vi: "'tương đối' trong \(LanguageError.q(written)) chỉ dùng với thay đổi tính bằng '%'"))
        }
        if declared?.kind == .percent {
            switch unitKind {
            case .percent?, nil: return relative ? (.relative, magnitudes, "%") : (.points, magnitudes, "pp")
            case .points?:
                if relative { throw relativeNotAllowed() }
                return (.points, magnitudes, "pp")
            default:
                throw .unitMismatch(written: units.compactMap { $0?.written }.first ?? "", indicator: declared?.written ?? "%")
            }
        }
        switch unitKind {
        case .percent?:
            return (.relative, magnitudes, "%")
        case .points?:
            if relative { throw relativeNotAllowed() }
            if let declared {
                throw .unitMismatch(written: units.compactMap { $0?.written }.first ?? "pp", indicator: declared.written,
                                    hint: LocalizedText(en: "percentage points apply to an indicator in '%'; for a relative change write '%'",
                                                        vi: "điểm phần trăm chỉ dùng cho chỉ tiêu tính bằng '%'; thay đổi tương đối thì ghi '%'"))
            }
            return (.points, magnitudes, "pp")
        case nil where relative:
            return (.relative, magnitudes, "%")
        default:
            if relative { throw relativeNotAllowed() }
            let (values, unit) = try convert(qs, to: declared)
            return (.absolute, values, unit)
        }
    }
}
