/// `unknown-indicator` (spec §6): a row's indicator that no rule and no declared indicator
/// of the unit's plans uses — usually a typo that would otherwise leave a rule without data.
public enum UnknownIndicators {
    public static func findings(firstRows: [String: [String: (file: Int32, line: Int32)]], files: [String],
                                plans: [Plan]) -> [Finding] {
        var known: [String: Set<String>] = [:]  // by plan id
        for plan in plans {
            known[plan.id] = Set(plan.indicators.keys).union(plan.rules.flatMap(\.kind.indicatorsRead))
        }
        var out: [Finding] = []
        for (unit, indicators) in firstRows {
            let binding = plans.filter { $0.binds(unit: unit) }
            guard !binding.isEmpty else { continue }
            let vocabulary = binding.reduce(into: Set<String>()) { $0.formUnion(known[$1.id] ?? []) }
            for (indicator, row) in indicators where !vocabulary.contains(indicator) {
                out.append(Finding(
                    severity: .warning, code: .unknownIndicator, unit: unit, indicator: indicator,
                    message: LocalizedText(
                        en: "'\(indicator)' is used by no rule and declared by no plan of '\(unit)'; its values are not checked",
                        vi: "chỉ tiêu '\(indicator)' không thuộc quy tắc hay kế hoạch nào của '\(unit)'; số liệu này không được kiểm tra"),
                    hint: DidYouMean.hint(indicator, from: vocabulary.sorted()),
                    location: SourceLocation(file: files[Int(row.file)], line: Int(row.line))))
            }
        }
        return out
    }
}
