extension ProgressData {
    /// What the one-unit data of a collector share from one unit to the next: its periods
    /// and indicators, which only grow as reading goes on (`UnitRows.shared`).
    struct UnitShared {
        var files: [String]
        var periods: [Period]
        var periodEnds: [Int32]
        var periodIDs: [String]
        /// Each period's place in time order, to put a group's rows in period order.
        var periodRank: [Int32]
        var indicatorNames: [String]
        var indicatorIDs: NameTable

        init(files: [String], periods: [Period], indicatorNames: [String]) {
            self.files = files
            self.periods = periods
            (periodEnds, periodIDs) = ProgressData.derived(periods)
            periodRank = ProgressData.timeOrder(of: periods)
            self.indicatorNames = indicatorNames
            indicatorIDs = NameTable(indicatorNames)
        }
    }

    /// The data of one unit whose rows are `rows` (a stretch of one collector's columns,
    /// its local ids): what a rule reads when data sorted by unit is judged unit by unit
    /// as it is read. Rows are grouped by indicator with a counting sort, each group in
    /// period order, as `merge` does for a whole run. `repeatsPeriods`: some indicator has
    /// several rows for one period (only then can there be conflicting duplicates).
    static func oneUnit(_ unit: String, rows: RowView, file: Int32, shared: UnitShared,
                        submissions: [SubmissionKey: Submission]) -> (data: ProgressData, repeatsPeriods: Bool) {
        let n = max(shared.indicatorNames.count, 1)
        var start = [Int32](repeating: 0, count: n + 1)
        for r in 0..<rows.count { start[Int(rows.indicator[r]) + 1] += 1 }
        for g in 0..<n { start[g + 1] += start[g] }
        var next = start
        let rank = shared.periodRank
        var repeats = false
        let order = [UInt32](unsafeUninitializedCapacity: rows.count) { order, initialized in
            for r in 0..<rows.count {
                let g = Int(rows.indicator[r])
                order[Int(next[g])] = UInt32(r)
                next[g] += 1
            }
            // Rows of a unit usually come in period order already: the insertion sort
            // costs next to nothing. (The same sort as `merge`'s, written out: passed a
            // rank closure, a shared one cost 13 % more instructions here.)
            for g in 0..<n where start[g + 1] - start[g] > 1 {
                let lo = Int(start[g]), hi = Int(start[g + 1])
                for i in (lo + 1)..<hi {
                    let ref = order[i], key = rank[Int(rows.period[Int(ref)])]
                    var j = i - 1
                    while j >= lo && rank[Int(rows.period[Int(order[j])])] > key {
                        order[j + 1] = order[j]
                        j -= 1
                    }
                    order[j + 1] = ref
                    if j >= lo && rank[Int(rows.period[Int(order[j])])] == key { repeats = true }
                }
            }
            initialized = rows.count
        }
        let data = ProgressData(files: shared.files, periods: shared.periods, periodEnds: shared.periodEnds,
                            periodIDs: shared.periodIDs, units: [unit], submissions: submissions,
                            indicatorNames: shared.indicatorNames, indicatorIDs: shared.indicatorIDs, pieces: [],
                            views: [rows], pieceFiles: [file], order: order, rowBits: 31, groupStart: start)
        return (data, repeats)
    }
}

extension ObservationCollector {
    /// A folded report under the run's names (`unit` and `report` are the names of the
    /// key's local ids). Static, with the collector's parts as arguments: called on a
    /// collector in the middle of a change (`judgeCurrentUnit`), a method copied it whole.
    static func named(_ key: UInt64, _ slot: SubmissionSlot, unit: String, report: String, periods: [Period],
                      indicators: borrowing ByteInterner, file: Int32) -> (SubmissionKey, Submission) {
        let k = SubmissionKey(unit: unit, report: report, period: periods[Int(key & 0xFFFF)])
        let names = slot.indicators.isEmpty ? [] : Set(slot.indicators.map { indicators.string($0) })
        return (k, Submission(date: ProgressData.day(slot.date), file: file, line: slot.line, indicators: names))
    }
}

extension ProgressData {
    /// Each period's place in time order.
    static func timeOrder(of periods: [Period]) -> [Int32] {
        var rank = [Int32](repeating: 0, count: periods.count)
        for (r, i) in periods.indices.sorted(by: { periods[$0] < periods[$1] }).enumerated() { rank[i] = Int32(r) }
        return rank
    }
}
