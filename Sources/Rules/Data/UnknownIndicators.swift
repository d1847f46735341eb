/// `unknown-indicator` (spec §6): a row's indicator that no rule and no declared indicator
/// of the unit's plans uses — usually a typo that would otherwise leave a rule without data.
/// One finding per unit and indicator, at its first row, with a "did you mean".
public enum UnknownIndicators {
    public static func findings(data: ProgressData, plans: [Plan]) -> [Finding] {
        var vocabulary = Vocabulary()
        return vocabulary.findings(data: data, plans: plans)
    }

    /// The indicators known to each combination of plans, kept from one call to the next
    /// (`UnitJudge` asks once per unit, with indicator lists that only grow).
    struct Vocabulary {
        private var byPlans: [[String]: (words: Set<String>, sorted: [String], known: [Bool])] = [:]

        mutating func findings(data: ProgressData, plans: [Plan]) -> [Finding] {
            let names = data.indicatorNames
            guard !names.isEmpty else { return [] }
            var out: [Finding] = []
            for (u, unit) in data.units.enumerated() {
                let binding = plans.filter { $0.binds(unit: unit) }
                guard !binding.isEmpty else { continue }
                let key = binding.map(\.id)
                if byPlans[key] == nil {
                    let words = binding.reduce(into: Set<String>()) { set, plan in
                        set.formUnion(plan.indicators.keys)
                        set.formUnion(plan.rules.flatMap(\.kind.indicatorsRead))
                    }
                    byPlans[key] = (words, words.sorted(), [])
                }
                if byPlans[key]!.known.count != names.count {
                    byPlans[key]!.known = names.map(byPlans[key]!.words.contains)
                }
                let vocabulary = byPlans[key]!
                for (i, indicator) in names.enumerated() where !vocabulary.known[i] {
                    guard let row = data.firstRow(unit: Int32(u), indicator: Int32(i)) else { continue }
                    out.append(Finding(
                        severity: .warning, code: .unknownIndicator, unit: unit, indicator: indicator,
                        message: LocalizedText(
                            en: "'\(indicator)' is used by no rule and declared by no plan of '\(unit)'; its values are not checked",
                            vi: "chỉ tiêu '\(indicator)' không thuộc quy tắc hay kế hoạch nào của '\(unit)'; số liệu này không được kiểm tra"),
                        hint: DidYouMean.hint(indicator, from: vocabulary.sorted),
                        location: data.location(file: row.file, line: row.line)))
                }
            }
            return out
        }
    }
}
