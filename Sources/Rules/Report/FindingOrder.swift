/// Puts findings in the canonical order of spec §6 (unit, plan, rule, period, code, then
/// due and location) fast: each finding gets a compact numeric key once, the keys are
/// sorted, and the findings are moved into place. A national run sorts a hundred thousand
/// findings; comparing them field by field as strings cost more than judging them.
public enum FindingOrder {
    /// The findings of `parts` (in any order), as one array in canonical order. The parts
    /// are consumed as they are joined, so the findings are never held twice.
    public static func sorted(_ parts: consuming [[Finding]]) -> [Finding] {
        var joined: [Finding] = []
        joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for i in parts.indices {
            joined.append(contentsOf: parts[i])
            parts[i] = []
        }
        return sorted(joined)
    }

    /// `findings` in canonical order, sorted in place.
    public static func sorted(_ findings: consuming [Finding]) -> [Finding] {
        var result = findings
        let order = permutation(result)
        // Move the findings into place by following the permutation's cycles: each is
        // moved, never copied.
        var done = [Bool](repeating: false, count: order.count)
        for start in order.indices where !done[start] {
            var i = start
            while true {
                done[i] = true
                let next = order[i]
                if next == start { break }
                result.swapAt(i, next)
                i = next
            }
        }
        return result
    }

    /// Where each position of the sorted array takes its finding from.
    static func permutation(_ findings: [Finding]) -> [Int] {
        // Ranks of the text fields: their sorted order, one number each.
        func ranks(_ field: (Finding) -> String?) -> [String: Int32] {
            var seen = Set<String>()
            for f in findings { seen.insert(field(f) ?? "") }
            return Dictionary(uniqueKeysWithValues: seen.sorted().enumerated().map { ($1, Int32($0)) })
        }
        let unit = ranks(\.unit), plan = ranks(\.plan), rule = ranks(\.rule), code = ranks { $0.code.rawValue }
        let file = ranks { $0.location?.file }
        // Periods sort chronologically where they can; text order breaks the rest.
        let periodRank: [String: Int32] = Dictionary(uniqueKeysWithValues: ranks(\.period).keys
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
        var keys: [(key: Key, index: Int)] = []
        keys.reserveCapacity(findings.count)
        for (i, f) in findings.enumerated() {
            keys.append((Key(unit: unit[f.unit ?? ""]!, plan: plan[f.plan ?? ""]!, rule: rule[f.rule ?? ""]!,
                             period: periodRank[f.period ?? ""]!, code: code[f.code.rawValue]!,
                             due: f.due?.dayNumber ?? .min, file: file[f.location?.file ?? ""]!,
                             line: Int32(clamping: f.location?.line ?? 0)), i))
        }
        keys.sort { a, b in
            if a.key != b.key { return a.key < b.key }
            // Equal keys (rare): the full comparison, then input order, so the order is total.
            let x = findings[a.index], y = findings[b.index]
            if Finding.canonicalOrder(x, y) { return true }
            if Finding.canonicalOrder(y, x) { return false }
            return a.index < b.index
        }
        return keys.map(\.index)
    }
}
