import Foundation

/// Reads the thresholds of `target`, `maintain`, milestones (`parse`) and `change`
/// (`parseChange`), spec §3.1–3.3, with numbers converted to the indicator's unit.
///
/// Decisions where the spec is silent:
/// - Text in parentheses is a note and is ignored ("từ 3,2% (370 người) trở lên" is ≥ 3.2%,
///   "từ 2% trở lên (tương ứng 31 hộ)" is ≥ 2%), except `(relative)` / `(tương đối)` in a change.
/// - "từ X" alone means ≥ X, like "từ X trở lên".
/// - Lead words may repeat ("phấn đấu hoàn thành 11/19 tiêu chí"), and one verb that names
///   the work may follow them ("phấn đấu tổ chức 01 cuộc", "trồng mới thêm 15 ha",
///   "mở rộng thêm 18ha"; the list is `ThresholdReader.verbs`); neither changes the comparison.
/// - A unit may be glued to its number ("10ha", "12,5ha", "0,5km", "10ha-12ha"): a digit next
///   to a letter is a word boundary, so the number is read exactly as if a space stood there
///   ("5.320con" is as ambiguous under `auto` as "5.320 con"). A digit right after a letter
///   stays in the unit ("m2", "m3").
/// - In a target, words that describe a level reached by changing are levels:
///   "giảm xuống dưới 1,5%" and "xuống dưới 1,5%" are < 1.5, "giảm xuống 1,5%" /
///   "giảm còn 1,5%" is ≤ 1.5, "tăng lên 60%" is ≥ 60. A bare change ("giảm 5%", "tăng 10%") in a target is an error
///   that points to a change rule; a level phrase in a change is an error that points to a target.
/// - A trailing "trở lên"/"trở xuống" that agrees with the comparison is accepted
///   ("ít nhất 10% trở lên"); one that contradicts it is an error.
/// - "About X" (`khoảng X`, `xấp xỉ X`, `≈ X`, `about X`) is the strict range from X − 5 % of X
///   to X + 5 % of X ("khoảng 87%" is 82.65..91.35%, "khoảng 1%" 0.95..1.05%): plans use it for
///   a level to stay near, which a bare number (≥) would misread. A written tolerance replaces
///   the 5 %: `≈ 87% ± 2%`, `khoảng 87 ± 2%`, `87% ± 2` are 85..89%. The tolerance is in the
///   threshold's unit, except that `± d%` on a quantity in another unit is d % of X
///   (`≈ 100 ha ± 10%` is 90..110 ha); with no unit on X nor on the indicator, X takes the
///   tolerance's unit as the ends of a range do. `khoảng 0` needs a written tolerance.
///   In a change the same range applies to the amount ("giảm khoảng 5%" is −5.25..−4.75).
/// - In a change, a direction word (`tăng`, `tăng thêm`, `giảm`, optionally followed by `đạt`)
///   applies to any §3.1 phrase after it, which then speaks of the size of the change:
///   "giảm trên 8%" is < −8, "giảm từ 2% trở lên" ≤ −2, "tăng tối thiểu 10%" ≥ +10,
///   "tăng hơn 5" > +5, "giảm tối đa 3%" ≥ −3. A direction word alone is a change of any size
///   that way: "giảm" is < 0, "tăng" > 0. Unsigned `< 0`, `> 0` and `= 0` are accepted.
/// - A bare negative change ("-5%") is an error: write "≤ -5%" or "≥ -5%".
public enum ThresholdParser {
    /// A threshold of a `target`, `maintain` or milestone.
    public static func parse(_ text: String, context: ThresholdContext) throws(LanguageError) -> Threshold {
        var reader = ThresholdReader(text, numbers: context.numbers, change: false)
        let result = try reader.read()
        let written = reader.s.written
        let statesChange = LanguageError(
            code: "rules.bad-threshold",
            message: LocalizedText(en: "\(LanguageError.q(written)) states a change, not a value to reach",
                                   vi: "\(LanguageError.q(written)) nêu một mức thay đổi, không phải giá trị cần đạt"),
            hint: LocalizedText(
                en: "use a change rule (\"change\" with a \"baseline\"), or write the level, e.g. 'giảm xuống dưới 5%'",
                vi: "dùng quy tắc thay đổi (\"change\" kèm \"baseline\"), hoặc ghi mức cần đạt, ví dụ 'giảm xuống dưới 5%'"))
        if result.direction != nil { throw statesChange }
        if result.relative {
            throw LanguageError(
                code: "rules.bad-threshold",
                message: LocalizedText(en: "'relative' in \(LanguageError.q(written)) applies only to a change",
                                       vi: "'tương đối' trong \(LanguageError.q(written)) chỉ dùng cho ngưỡng thay đổi"))
        }
        let declared = context.indicatorUnit.flatMap { UnitName($0) }
        try noRatio(in: result.form, written)

        switch result.form {
        case .compare(let c, let q, let bare):
            let (values, unit) = try convert([q], to: declared)
            let denominator = try q.denominator.map { d throws(LanguageError) in
                try convert([ThresholdReader.Quantity(value: d, signed: false, unit: q.unit, denominator: nil)], to: declared).values[0]
            }
            // "giảm xuống 1,5%" is at most 1.5; "tăng lên 60%" at least 60.
            let comparison = bare && result.level == .decrease ? .atMost : c
            return Threshold(requirement: .compare(comparison, values[0]), unit: unit, ratioDenominator: denominator, written: written)
        case .strict(let a, let b):
            let (values, unit) = try convert([a, b], to: declared)
            return Threshold(requirement: .between(low: min(values[0], values[1]), high: max(values[0], values[1])),
                             unit: unit, written: written)
        case .plan(let a, let b):
            let (values, unit) = try convert([a, b], to: declared)
            let (lo, hi) = (min(values[0], values[1]), max(values[0], values[1]))
            let requirement: Requirement
            if context.shape == .maintain {
                requirement = .between(low: lo, high: hi)
            } else if result.level == .decrease {
                requirement = .aimed(.atMost, bound: hi, aim: lo)
            } else {
                requirement = .aimed(.atLeast, bound: lo, aim: hi)
            }
            return Threshold(requirement: requirement, unit: unit, written: written)
        case .about(let x, let tolerance):
            let centre = ThresholdReader.Quantity(value: x.value, signed: x.signed,
                                                  unit: x.unit ?? (declared == nil ? tolerance?.unit : nil), denominator: nil)
            let (values, unit) = try convert([centre], to: declared)
            let percentOfX = tolerance?.unit?.kind == .percent && unit.flatMap { UnitName($0) }?.kind != .percent
            let width = try tolerance.map { t throws(LanguageError) in
                percentOfX ? abs(values[0]) * t.value / 100
                    : try convert([ThresholdReader.Quantity(value: t.value, signed: false, unit: t.unit ?? centre.unit, denominator: nil)],
                                  to: declared).values[0]
            }
            let (lo, hi) = try around(values[0], width: width, written)
            return Threshold(requirement: .between(low: lo, high: hi), unit: unit, written: written)
        case .anyAmount:
            throw statesChange
        }
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

        switch result.form {
        case .anyAmount:
            // "giảm": any fall. Zero has no unit to convert, so only the measure is worked out.
            let (measure, _, unit) = try measure([], result.relative, context, written)
            let requirement: Requirement = result.direction == .decrease ? .compare(.lessThan, 0) : .compare(.greaterThan, 0)
            return ChangeThreshold(requirement: requirement, measure: measure,
                                   unit: measure == .absolute ? context.indicatorUnit.map(TextFold.normalize) : unit, written: written)
        case .about(let x, let tolerance):
            let centre = ThresholdReader.Quantity(value: x.value, signed: x.signed,
                                                  unit: x.unit ?? (context.indicatorUnit.flatMap { UnitName($0) } == nil ? tolerance?.unit : nil), denominator: nil)
            let (measure, values, unit) = try self.measure([centre], result.relative, context, written)
            let width = try tolerance.map { t throws(LanguageError) in
                if t.unit?.kind == .percent, measure == .absolute { return abs(values[0]) * t.value / 100 }
                let t = ThresholdReader.Quantity(value: t.value, signed: false, unit: t.unit ?? centre.unit, denominator: nil)
                let (m, v, _) = try self.measure([t], result.relative, context, written)
                guard m == measure else {
                    throw .unitMismatch(written: t.unit?.written ?? "", indicator: centre.unit?.written ?? unit ?? "",
                                        hint: LocalizedText(en: "write the tolerance in the unit of the amount", vi: "ghi dung sai cùng đơn vị với mức thay đổi"))
                }
                return v[0]
            }
            let (lo, hi) = try around(values[0], width: width, written)
            let requirement: Requirement = result.direction == .decrease ? .between(low: -hi, high: -lo) : .between(low: lo, high: hi)
            return ChangeThreshold(requirement: requirement, measure: measure, unit: unit, written: written)
        case .compare(let c, _, let bare):
            let (measure, values, unit) = try measure(quantities, result.relative, context, written)
            let requirement: Requirement
            switch result.direction {
            case nil:
                if bare && values[0] < 0 {
                    throw LanguageError(
                        code: "rules.bad-threshold",
                        message: LocalizedText(en: "\(LanguageError.q(written)) does not say whether the fall must be at least or at most that much",
                                               vi: "\(LanguageError.q(written)) không nói rõ mức giảm phải ít nhất hay nhiều nhất bằng chừng ấy"),
                        hint: LocalizedText(en: "write '≤ \(NumberFormat.plain(values[0]))' (fall by at least that) or '≥ \(NumberFormat.plain(values[0]))'",
                                            vi: "ghi 'giảm \(NumberFormat.plain(-values[0]))' hoặc '≤ \(NumberFormat.plain(values[0]))' (giảm ít nhất chừng ấy), hay '≥ \(NumberFormat.plain(values[0]))'"))
                }
                requirement = .compare(c, values[0])
            case .increase?:
                requirement = .compare(c, values[0])
            case .decrease?:
                // "giảm trên 8%": the fall is more than 8, so the change is below -8.
                requirement = .compare(flipped(c), -values[0])
            }
            return ChangeThreshold(requirement: requirement, measure: measure, unit: unit, written: written)
        case .strict:
            let (measure, values, unit) = try measure(quantities, result.relative, context, written)
            let (lo, hi) = (min(values[0], values[1]), max(values[0], values[1]))
            let requirement: Requirement = result.direction == .decrease ? .between(low: -hi, high: -lo) : .between(low: lo, high: hi)
            return ChangeThreshold(requirement: requirement, measure: measure, unit: unit, written: written)
        case .plan:
            let (measure, values, unit) = try measure(quantities, result.relative, context, written)
            let (lo, hi) = (min(values[0], values[1]), max(values[0], values[1]))
            let requirement: Requirement
            if result.direction == .decrease {
                requirement = .aimed(.atMost, bound: -lo, aim: -hi)
            } else if result.direction == .increase || lo >= 0 {
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
            return ChangeThreshold(requirement: requirement, measure: measure, unit: unit, written: written)
        }
    }

    // MARK: - About

    /// The strict range of "about `x`": ± `width`, or ± 5 % of `x` when none was written.
    /// The ends are rounded to 12 significant digits so that "khoảng 2,77%" shows 2.6315, not
    /// 2.6315000000000004 (far inside the 1e-9 comparison tolerance of spec §6.1).
    static func around(_ x: Double, width: Double?, _ written: String) throws(LanguageError) -> (Double, Double) {
        guard let width else {
            guard x != 0 else {
                throw LanguageError(
                    code: "rules.bad-threshold",
                    message: LocalizedText(en: "\(LanguageError.q(written)) is about zero, and 5 % of zero leaves no room",
                                           vi: "\(LanguageError.q(written)) là khoảng 0, mà 5 % của 0 không có khoảng nào"),
                    hint: LocalizedText(en: "give the tolerance: '≈ 0 ± 1'", vi: "ghi dung sai: '≈ 0 ± 1'"))
            }
            // x × 95 / 100 rounds once, where x − x × 0.05 rounds twice.
            let (a, b) = (x * 95 / 100, x * 105 / 100)
            return (tidy(min(a, b)), tidy(max(a, b)))
        }
        return (tidy(x - width), tidy(x + width))
    }

    static func tidy(_ x: Double) -> Double {
        Double(String(format: "%.12g", x)) ?? x
    }

    /// A ratio ("11/19") is a count with its total: it cannot be one end of a range, nor approximate.
    static func noRatio(in form: ThresholdReader.Form, _ written: String) throws(LanguageError) {
        switch form {
        case .strict(let a, let b), .plan(let a, let b):
            guard a.denominator != nil || b.denominator != nil else { return }
            throw LanguageError(
                code: "rules.bad-threshold",
                message: LocalizedText(en: "a ratio such as '11/19' cannot be one end of a range in \(LanguageError.q(written))",
                                       vi: "tỷ số như '11/19' không thể là một đầu của khoảng trong \(LanguageError.q(written))"))
        case .about(let x, _):
            guard x.denominator != nil else { return }
            throw LanguageError(
                code: "rules.bad-threshold",
                message: LocalizedText(en: "a ratio such as '11/19' cannot be approximate in \(LanguageError.q(written))",
                                       vi: "tỷ số như '11/19' không thể là số xấp xỉ trong \(LanguageError.q(written))"),
                hint: LocalizedText(en: "write the count alone, e.g. 'khoảng 11 tiêu chí'", vi: "chỉ ghi số lượng, ví dụ 'khoảng 11 tiêu chí'"))
        case .compare, .anyAmount:
            return
        }
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
