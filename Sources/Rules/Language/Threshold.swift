import Foundation

/// How a value is compared with a number.
public enum Comparison: String, Hashable, Sendable {
    case atLeast = "≥", greaterThan = ">", atMost = "≤", lessThan = "<", equal = "="

    /// True for `≥` and `>`: higher values are better.
    public var prefersHigher: Bool { self == .atLeast || self == .greaterThan }
}

/// What a value must satisfy, in the indicator's own unit (scales already applied).
public enum Requirement: Hashable, Sendable {
    /// `≥ 6`, `> 98`, `≤ 15`, `< 1.5`, `= 1`.
    case compare(Comparison, Double)
    /// Strict range, both ends included: `between 2 and 3`, `2..3`, and any range in `maintain`.
    case between(low: Double, high: Double)
    /// A plan-style range in a target or change ("2-3 HTX", "giảm 0,3-0,5%"): `bound` must be
    /// satisfied with `comparison` (`.atLeast` or `.atMost`); `aim` is the hoped-for end,
    /// kept for messages. Going past the aim passes.
    case aimed(Comparison, bound: Double, aim: Double)

    /// Two numbers are equal when |v − x| ≤ 1e-9 × max(|v|, |x|, 1) (spec §6.1), so a value
    /// exactly on the threshold is judged as written, not by floating-point noise.
    public static func nearlyEqual(_ v: Double, _ x: Double) -> Bool {
        abs(v - x) <= 1e-9 * max(abs(v), abs(x), 1)
    }

    public func isSatisfied(by v: Double) -> Bool {
        switch self {
        case .compare(let c, let x): return Requirement.holds(c, v, x)
        case .between(let lo, let hi): return Requirement.holds(.atLeast, v, lo) && Requirement.holds(.atMost, v, hi)
        case .aimed(let c, let bound, _): return Requirement.holds(c, v, bound)
        }
    }

    static func holds(_ c: Comparison, _ v: Double, _ x: Double) -> Bool {
        let eq = nearlyEqual(v, x)
        switch c {
        case .atLeast: return eq || v > x
        case .greaterThan: return !eq && v > x
        case .atMost: return eq || v < x
        case .lessThan: return !eq && v < x
        case .equal: return eq
        }
    }
}

/// A parsed threshold of a `target`, `maintain` or milestone (spec §3).
public struct Threshold: Hashable, Sendable {
    public let requirement: Requirement
    /// The unit the numbers are in: the indicator's declared unit, else the unit written
    /// (scale words removed: "125 nghìn con" → 125000 and unit "con"), else nil.
    public let unit: String?
    /// `11/19 tiêu chí`: 19, kept for messages; the requirement is on the count (≥ 11).
    public let ratioDenominator: Double?
    /// The text as the rules file wrote it.
    public let written: String
    /// Canonical form for `expected` in findings: `≥ 6 km`, `> 98%`, `≥ 11/19 tiêu chí`,
    /// `2..3 HTX`, `≥ 2 HTX (→ 3)`. Rendered once: every check of every unit shows it.
    public let canonical: String
    /// The requirement as messages show it in each language (`≥ 5.320 con` in Vietnamese).
    public let localized: LocalizedText

    public init(requirement: Requirement, unit: String?, ratioDenominator: Double? = nil, written: String) {
        self.requirement = requirement
        self.unit = unit
        self.ratioDenominator = ratioDenominator
        self.written = written
        self.canonical = Self.render(requirement, unit, ratioDenominator, NumberFormat.plain)
        self.localized = LocalizedText(en: canonical, vi: Self.render(requirement, unit, ratioDenominator, NumberFormat.vietnamese))
    }

    public func isSatisfied(by v: Double) -> Bool { requirement.isSatisfied(by: v) }

    /// The requirement for messages in `language` (Vietnamese numbers: `5.320 con`, `25,3%`).
    public func text(_ language: Language) -> String { localized.text(language) }

    private static func render(_ requirement: Requirement, _ unit: String?, _ ratioDenominator: Double?,
                               _ number: (Double) -> String) -> String {
        func withUnit(_ s: String) -> String { NumberFormat.attachUnit(s, unit) }
        switch requirement {
        case .compare(let c, let x):
            if let d = ratioDenominator { return withUnit("\(c.rawValue) \(number(x))/\(number(d))") }
            return withUnit("\(c.rawValue) \(number(x))")
        case .between(let lo, let hi):
            return withUnit("\(number(lo))..\(number(hi))")
        case .aimed(let c, let bound, let aim):
            return withUnit("\(c.rawValue) \(number(bound))") + " (→ \(number(aim)))"
        }
    }
}

/// How a change is measured against its baseline (spec §2 change rules, §3.1).
public enum ChangeMeasure: String, Hashable, Sendable {
    /// Percent of the baseline: (current − baseline) / baseline × 100.
    case relative
    /// Percentage points, for rates: current − baseline, both in %.
    case points
    /// A plain difference in the indicator's unit.
    case absolute
}

/// A parsed `change` threshold: a signed amount ("≥ +10%", "giảm 5%" = ≤ −5).
public struct ChangeThreshold: Hashable, Sendable {
    /// On the signed change (negative = a fall), in `measure` units.
    public let requirement: Requirement
    public let measure: ChangeMeasure
    /// For `.absolute`: the indicator's unit (or the unit written); `%` for relative, `pp` for points.
    public let unit: String?
    public let written: String
    /// `≥ +10%`, `≤ -5 pp`, `≤ -2 pp (→ -3)`, `≥ +120 triệu đồng`.
    public let canonical: String
    public let localized: LocalizedText

    public init(requirement: Requirement, measure: ChangeMeasure, unit: String?, written: String) {
        self.requirement = requirement
        self.measure = measure
        self.unit = unit
        self.written = written
        self.canonical = Self.render(requirement, measure, unit, NumberFormat.plain)
        self.localized = LocalizedText(en: canonical, vi: Self.render(requirement, measure, unit, NumberFormat.vietnamese))
    }

    /// The requirement for messages in `language`.
    public func text(_ language: Language) -> String { localized.text(language) }

    private static func render(_ requirement: Requirement, _ measure: ChangeMeasure, _ unit: String?,
                               _ number: (Double) -> String) -> String {
        let suffix: String? = switch measure {
        case .relative: "%"
        case .points: "pp"
        case .absolute: unit
        }
        func signed(_ x: Double) -> String { x > 0 ? "+" + number(x) : number(x) }
        switch requirement {
        case .compare(let c, let x): return NumberFormat.attachUnit("\(c.rawValue) \(signed(x))", suffix)
        case .between(let lo, let hi): return NumberFormat.attachUnit("\(signed(lo))..\(signed(hi))", suffix)
        case .aimed(let c, let bound, let aim):
            return NumberFormat.attachUnit("\(c.rawValue) \(signed(bound))", suffix) + " (→ \(signed(aim)))"
        }
    }
}

/// Number rendering shared by messages and reporters: shortest exact form, no exponent,
/// `.` as the decimal mark, no grouping.
public enum NumberFormat {
    public static func plain(_ x: Double) -> String {
        if x.isNaN || x.isInfinite { return "\(x)" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        if let s = hundredths(x) { return s }
        let s = "\(x)"
        // Rare in plans; an exponent is rendered out. (A byte scan: this runs for every number shown.)
        if s.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) { return expanded(x) }
        return s
    }

    /// `x` as a JSON number (`null` when it has none), the same text as `plain(x)`, written
    /// without building a string for the common cases: every finding has a number or two.
    static func appendJSON(_ x: Double, to out: inout ByteWriter) {
        guard x.isFinite else { return out.append("null") }
        if x == x.rounded(), abs(x) < 1e15 { return out.append(decimal: Int(x)) }
        // `plain` builds values in hundredths in place, as a small string: no allocation.
        out.append(plain(x))
    }

    /// `x` written directly when it is a whole number of hundredths (reported data has two
    /// decimals at most, and a national run shows hundreds of thousands of them): the same
    /// text as the shortest form. The decimal r/100 reads back as `x` (checked), and below
    /// 10¹³ no decimal with fewer digits can (doubles there lie closer than 0.01).
    static func hundredths(_ x: Double) -> String? {
        let r = (x * 100).rounded()
        guard abs(x) < 1e13, abs(x) >= 1e-2, r / 100 == x else { return nil }
        let n = Int64(abs(r))
        // Built in place: 15 bytes or fewer make a small string, without an allocation.
        return String(unsafeUninitializedCapacity: 20) { out in
            var whole = n / 100, digits = 0
            repeat { digits += 1; whole /= 10 } while whole > 0
            var i = 0
            if r < 0 { out[0] = UInt8(ascii: "-"); i = 1 }
            whole = n / 100
            for k in stride(from: i + digits - 1, through: i, by: -1) {
                out[k] = UInt8(48 + whole % 10)
                whole /= 10
            }
            i += digits
            let fraction = Int(n % 100)
            out[i] = UInt8(ascii: ".")
            out[i + 1] = UInt8(48 + fraction / 10)
            i += 2
            if fraction % 10 != 0 { out[i] = UInt8(48 + fraction % 10); i += 1 }
            return i
        }
    }

    /// Rounded to at most `digits` decimals, trailing zeros dropped (for derived values
    /// such as pace paths, whose full binary expansion would only be noise).
    public static func rounded(_ x: Double, digits: Int = 2) -> String {
        plain(roundedValue(x, digits: digits))
    }

    /// Vietnamese style (Luật Kế toán 2015, art. 11): `.` groups thousands, `,` is the
    /// decimal mark: `13.120`, `25,3`, `2.659.682,5`.
    public static func vietnamese(_ x: Double) -> String {
        var ascii = plain(x)
        return ascii.withUTF8 { a in
            let n = a.count
            let sign = a.first == UInt8(ascii: "-") ? 1 : 0
            let point = a.firstIndex(of: UInt8(ascii: ".")) ?? n
            let groups = max(0, (point - sign - 1) / 3)
            return String(unsafeUninitializedCapacity: n + groups) { out in
                var o = 0
                for j in 0..<n {
                    let b = a[j]
                    if j > sign && j < point && (point - j) % 3 == 0 { out[o] = UInt8(ascii: "."); o += 1 }
                    out[o] = j == point ? UInt8(ascii: ",") : b
                    o += 1
                }
                return o
            }
        }
    }

    /// How numbers read in messages of `language`.
    public static func formatter(for language: Language) -> (Double) -> String {
        switch language {
        case .vi: return { vietnamese($0) }
        case .en: return { plain($0) }
        }
    }

    /// `x` rounded to at most `digits` decimals, as a number.
    public static func roundedValue(_ x: Double, digits: Int = 2) -> Double {
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        return (x * p).rounded() / p
    }

    /// `90` + `%` → `90%`; `6` + `km` → `6 km`; no unit → the number alone.
    public static func attachUnit(_ number: String, _ unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return number }
        return unit == "%" ? number + "%" : number + " " + unit
    }

    private static func expanded(_ x: Double) -> String {
        // Decimal expansion of a finite double without exponent notation.
        var digits = String(describing: x)
        guard let eIndex = digits.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return digits }
        let exponent = Int(digits[digits.index(after: eIndex)...]) ?? 0
        var mantissa = String(digits[..<eIndex])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0]), frac = parts.count > 1 ? String(parts[1]) : ""
        var all = intPart + frac
        var point = intPart.count + exponent
        if point <= 0 { all = String(repeating: "0", count: -point + 1) + all; point = 1 }
        if point >= all.count { all += String(repeating: "0", count: point - all.count) }
        let i = all.index(all.startIndex, offsetBy: point)
        var result = String(all[..<i])
        var tail = String(all[i...])
        while tail.hasSuffix("0") { tail.removeLast() }
        while result.count > 1 && result.hasPrefix("0") { result.removeFirst() }
        if !tail.isEmpty { result += "." + tail }
        digits = (negative ? "-" : "") + result
        return digits
    }
}
