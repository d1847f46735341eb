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

    /// The findings of `parts` and `presorted` in canonical order, where each run of
    /// `presorted` is in that order and the runs are written one after the other (the
    /// findings of units judged while reading, unit after unit): when the runs joined are in
    /// order too, as for data sorted by unit, only the other parts are sorted, and merged in.
    public static func sorted(_ parts: consuming [[Finding]], presorted: consuming [[Finding]], threads: Int = 1) -> [Finding] {
        var main: [Finding] = []
        main.reserveCapacity(presorted.reduce(0) { $0 + $1.count })
        for i in presorted.indices {
            main.append(contentsOf: presorted[i])
            presorted[i] = []
        }
        guard !main.isEmpty else { return sorted(parts, threads: threads) }
        guard isInOrder(main) else { return sorted(parts + [main], threads: threads) }
        let rest = sorted(parts, threads: threads)
        // The few others merged in from the back, in place: each goes after the run's
        // findings that do not come after it (found by halving), and the run's findings
        // after it are moved (swapped), never copied.
        var i = main.count, k = main.count + rest.count
        main.append(contentsOf: rest)
        main.withUnsafeMutableBufferPointer { all in
            for f in rest.reversed() {
                var lo = 0, hi = i
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if Finding.canonicalOrder(f, all[mid]) { hi = mid } else { lo = mid + 1 }
                }
                while i > lo {
                    i -= 1
                    k -= 1
                    all.swapAt(i, k)
                }
                k -= 1
                all[k] = f
            }
        }
        return main
    }

    /// Whether the findings of units, each unit's in order and each unit in one place, are
    /// in order: whether the units come in order.
    static func isInOrder(_ findings: [Finding]) -> Bool {
        var unit = findings.first?.unit ?? ""
        for f in findings.dropFirst() {
            let next = f.unit ?? ""
            if next != unit {
                guard unit < next else { return false }
                unit = next
            }
        }
        return true
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
        // distinct values. Findings live in separate boxes spread over memory, so each is
        // visited once, reading all its fields (a pass per field cost a cache miss per field):
        // chunks of findings are numbered on several threads, then the numbers are ranked.
        let n = findings.count
        let chunks = max(1, min(threads * 4, n / 2048))
        let size = (n + chunks - 1) / chunks
        let parts = Parallel.map(chunks, threads: threads) { c in
            FieldNumbers(findings[min(c * size, n)..<min((c + 1) * size, n)])
        }
        var rankOf = [[[Int32]]](repeating: [], count: chunks)  // [chunk][field][local id]
        for field in 0..<FieldNumbers.fields {
            var global: [String: Int32] = [:]
            var distinct: [String] = []
            for part in parts {
                for value in part.distinct[field] where global[value] == nil {
                    global[value] = Int32(distinct.count)
                    distinct.append(value)
                }
            }
            let sorted = distinct.indices.sorted {
                field == FieldNumbers.period ? Finding.periodOrder(distinct[$0], distinct[$1]) : distinct[$0] < distinct[$1]
            }
            var rank = [Int32](repeating: 0, count: distinct.count)
            for (r, id) in sorted.enumerated() { rank[id] = Int32(r) }
            for (c, part) in parts.enumerated() {
                rankOf[c].append(part.distinct[field].map { rank[Int(global[$0]!)] })
            }
        }

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
        keys.reserveCapacity(n)
        for (c, part) in parts.enumerated() {
            let r = rankOf[c]
            for j in 0..<part.due.count {
                let id = part.ids[j]
                keys.append((Key(unit: r[0][Int(id.0)], plan: r[1][Int(id.1)], rule: r[2][Int(id.2)], period: r[3][Int(id.3)],
                                 code: r[4][Int(id.4)], due: part.due[j], file: r[5][Int(id.5)], line: part.line[j]),
                             c * size + j))
            }
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

    /// The text fields of a stretch of findings numbered by first appearance (per field),
    /// with the due day and line that complete the sort key.
    struct FieldNumbers: Sendable {
        static let fields = 6
        static let period = 3
        /// unit, plan, rule, period, code, file (nil as "").
        var ids: [(Int32, Int32, Int32, Int32, Int32, Int32)] = []
        var distinct = [[String]](repeating: [], count: fields)
        var due: [Int32] = []
        var line: [Int32] = []

        init(_ findings: ArraySlice<Finding>) {
            // By their bytes (`ByteInterner`: two machine words per short value), not through
            // a `Dictionary<String, _>` and its seeded hash of every rule id and period.
            var interners = [ByteInterner](repeating: ByteInterner(), count: Self.fields)
            ids.reserveCapacity(findings.count)
            due.reserveCapacity(findings.count)
            line.reserveCapacity(findings.count)
            func number(_ field: Int, _ value: String?) -> Int32 {
                var text = value ?? ""
                let (id, isNew) = text.withUTF8 { interners[field].intern(UnsafeRawBufferPointer($0)) }
                if isNew { distinct[field].append(text) }
                return id
            }
            for f in findings {
                let location = f.location
                ids.append((number(0, f.unit), number(1, f.plan), number(2, f.rule), number(3, f.period),
                            number(4, f.code.rawValue), number(5, location?.file)))
                due.append(f.due?.dayNumber ?? .min)
                line.append(Int32(clamping: location?.line ?? 0))
            }
        }
    }
}
