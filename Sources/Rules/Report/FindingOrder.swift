/// Puts findings in the canonical order of spec §6 (unit, plan, rule, period, code, then
/// due and location) fast: each finding gets a compact numeric key once, the keys are
/// sorted, and the findings are copied into place once. A national run sorts a hundred
/// thousand findings; comparing them field by field as strings cost more than judging them.
public enum FindingOrder {
    /// The findings of `parts` (in any order), as one array in canonical order.
    public static func sorted(_ parts: [[Finding]]) -> [Finding] {
        var all: [(part: Int32, index: Int32)] = []
        all.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for (p, part) in parts.enumerated() {
            for i in part.indices { all.append((Int32(p), Int32(i))) }
        }
        // Ranks of the text fields: their sorted order, one number each.
        func ranks(_ field: (Finding) -> String?) -> [String: Int32] {
            var seen = Set<String>()
            for part in parts { for f in part { seen.insert(field(f) ?? "") } }
            return Dictionary(uniqueKeysWithValues: seen.sorted().enumerated().map { ($1, Int32($0)) })
        }
        let unit = ranks(\.unit), plan = ranks(\.plan), rule = ranks(\.rule), code = ranks { $0.code.rawValue }
        let file = ranks { $0.location?.file }
        let periodTexts = ranks(\.period)
        // Periods sort chronologically where they can; the rank keeps ties in text order.
        let periodRank: [String: Int32] = Dictionary(uniqueKeysWithValues: periodTexts.keys
            .sorted { Finding.periodOrder($0, $1) }.enumerated().map { ($1, Int32($0)) })

        struct Key: Comparable {
            var unit, plan, rule, period, code, due, file, line: Int32
            static func < (a: Key, b: Key) -> Bool {
                if (a.unit, a.plan, a.rule, a.period) != (b.unit, b.plan, b.rule, b.period) {
                    return (a.unit, a.plan, a.rule, a.period) < (b.unit, b.plan, b.rule, b.period)
                }
                return (a.code, a.due, a.file, a.line) < (b.code, b.due, b.file, b.line)
            }
        }
        var keys: [(key: Key, at: (part: Int32, index: Int32))] = []
        keys.reserveCapacity(all.count)
        for at in all {
            let f = parts[Int(at.part)][Int(at.index)]
            keys.append((Key(unit: unit[f.unit ?? ""]!, plan: plan[f.plan ?? ""]!, rule: rule[f.rule ?? ""]!,
                             period: periodRank[f.period ?? ""]!, code: code[f.code.rawValue]!,
                             due: f.due?.dayNumber ?? .min, file: file[f.location?.file ?? ""]!,
                             line: Int32(clamping: f.location?.line ?? 0)), at))
        }
        keys.sort { a, b in
            if a.key != b.key { return a.key < b.key }
            // Equal keys (rare): the full comparison, then input order, so the result is total.
            let x = parts[Int(a.at.part)][Int(a.at.index)], y = parts[Int(b.at.part)][Int(b.at.index)]
            if Finding.canonicalOrder(x, y) { return true }
            if Finding.canonicalOrder(y, x) { return false }
            return (a.at.part, a.at.index) < (b.at.part, b.at.index)
        }
        return keys.map { parts[Int($0.at.part)][Int($0.at.index)] }
    }
}
