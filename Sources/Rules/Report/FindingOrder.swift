/// Puts findings in the canonical order of spec §6 (unit, plan, rule, period, code, then
/// due and location) fast: each finding gets a compact numeric key once, the keys are
/// sorted, and the findings are moved into place. A national run sorts a hundred thousand
/// findings; comparing them field by field as strings cost more than judging them.
public enum FindingOrder {
    /// The findings of `parts` (in any order), as one array in canonical order. The parts
    /// are consumed as they are joined, so the findings are never held twice.
    public static func sorted(_ parts: consuming [[Finding]], threads: Int = 1) -> [Finding] {
        var joined: [Finding] = []
        joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for i in parts.indices {
            joined.append(contentsOf: parts[i])
            parts[i] = []
        }
        return sorted(joined, threads: threads)
    }

    /// `findings` in canonical order, sorted in place.
    public static func sorted(_ findings: consuming [Finding], threads: Int = 1) -> [Finding] {
        var result = findings
        let order = permutation(result, threads: threads)
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
    static func permutation(_ findings: [Finding], threads: Int = 1) -> [Int] {
        // Each text field becomes a number that sorts like it: its rank among the field's
        // distinct values. The fields are ranked on several threads.
        let fields: [@Sendable (Finding) -> String?] = [\.unit, \.plan, \.rule, \.period, { $0.code.rawValue }, { $0.location?.file }]
        let ranked = Parallel.map(fields.count, threads: threads) { k in
            ranks(findings, fields[k], periods: k == 3)
        }
        let unit = ranked[0], plan = ranked[1], rule = ranked[2], periodRank = ranked[3], code = ranked[4], file = ranked[5]

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
            keys.append((Key(unit: unit[i], plan: plan[i], rule: rule[i], period: periodRank[i], code: code[i],
                             due: f.due?.dayNumber ?? .min, file: file[i], line: Int32(clamping: f.location?.line ?? 0)), i))
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

    /// The rank of each finding's `field` among the field's distinct values (nil as ""),
    /// in text order, or for periods in chronological order.
    static func ranks(_ findings: [Finding], _ field: (Finding) -> String?, periods: Bool) -> [Int32] {
        // Values are numbered by their bytes (`ByteInterner`: two machine words per short
        // value) rather than through a `Dictionary<String, _>`, whose seeded hash of every
        // rule id and period was most of the sort's cost.
        var ids = ByteInterner()
        var distinct: [String] = []
        var firstSeen: [Int32] = []
        firstSeen.reserveCapacity(findings.count)
        for f in findings {
            var value = field(f) ?? ""
            let (id, isNew) = value.withUTF8 { ids.intern(UnsafeRawBufferPointer($0)) }
            if isNew { distinct.append(value) }
            firstSeen.append(id)
        }
        let sorted = distinct.indices.sorted {
            periods ? Finding.periodOrder(distinct[$0], distinct[$1]) : distinct[$0] < distinct[$1]
        }
        var rank = [Int32](repeating: 0, count: distinct.count)
        for (r, id) in sorted.enumerated() { rank[id] = Int32(r) }
        return firstSeen.map { rank[Int($0)] }
    }
}
