/// Converting a written quantity to the unit an indicator declares (spec §3.2).
public enum Units {
    /// `value` written in `unit`, in the indicator's `indicatorUnit`, and the unit the
    /// result is in.
    ///
    /// - no unit written: the value as is, in the indicator's unit (nil when undeclared);
    /// - the same unit, or one that differs only by scale (`tỷ đồng` → `triệu đồng`,
    ///   `125 nghìn con` → `con`): converted;
    /// - an undeclared indicator: the scale is applied and the base unit kept;
    /// - anything else: `rules.unit-mismatch` naming both units.
    public static func convert(_ value: Double, from unit: String?, to indicatorUnit: String?)
        throws(LanguageError) -> (value: Double, unit: String?) {
        try convert(value, from: unit.flatMap { UnitName($0) }, into: indicatorUnit.flatMap { UnitName($0) })
    }

    /// As `convert(_:from:to:)`, for units already parsed (the loader parses an indicator's unit once).
    public static func convert(_ value: Double, from written: UnitName?, into declared: UnitName?)
        throws(LanguageError) -> (value: Double, unit: String?) {
        guard let written else { return (value, declared?.written) }
        guard let declared else {
            return (rescale(value, by: written.scale), written.isBareScale ? nil : written.base)
        }
        guard written.converts(to: declared) else {
            throw .unitMismatch(written: written.written, indicator: declared.written)
        }
        return (rescale(value, by: written.scale - declared.scale), declared.written)
    }

    /// `value × 10^exponent` with one rounding: every 10^k up to 10^22 is exact, so
    /// dividing by 10^3 (not multiplying by 0.001) gives 25300 nghìn → 25.3 triệu exactly.
    static func rescale(_ value: Double, by exponent: Int) -> Double {
        guard exponent != 0 else { return value }
        var p = 1.0
        for _ in 0..<abs(exponent) { p *= 10 }
        return exponent > 0 ? value * p : value / p
    }
}
