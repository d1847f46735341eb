extension ProgressData {
    /// Joins what the collectors read (in file order, pieces of a file in order) into one
    /// index: global ids, rows grouped by unit and indicator with a counting sort, and the
    /// conflicting duplicates of spec §6.1 reported as `data-invalid`. Nil when the pieces
    /// hold more rows than a 32-bit row reference can tell apart (billions of rows).
    static func merge(_ collectors: [ObservationCollector], files: [String], threads: Int = 1)
        -> (data: ProgressData, findings: [Finding])? {
        let rowCounts = collectors.map { $0.storage!.view.count }
        guard rowCounts.reduce(0, +) < Int(Int32.max),
              let rowBits = rowLayout(pieces: collectors.count, maxRows: rowCounts.max() ?? 0) else { return nil }
        let rowMask = UInt32.max >> (32 - rowBits)
        // Global names. Units are numbered in sorted order so that groups come out by unit.
        var unitSet = Set<String>()
        var indicatorList: [String] = []
        var indicatorIndex: [String: Int32] = [:]
        var periodList: [Period] = []
        var periodIndex: [Period: Int32] = [:]
        var unitNames: [[String]] = []
        for c in collectors {
            var names: [String] = []
            for id in 0..<c.units.count { names.append(c.units.string(Int32(id))) }
            unitNames.append(names)
        }
        for (ci, c) in collectors.enumerated() {
            // Every row kept was first counted in its report's submission, so the units of
            // the submissions are those of the rows too (no pass over the rows).
            var usedUnits = [Bool](repeating: false, count: c.units.count)
            for key in c.submissions.keys { usedUnits[Int(key >> 32)] = true }
            for (id, used) in usedUnits.enumerated() where used { unitSet.insert(unitNames[ci][id]) }
            for id in 0..<c.indicators.count {
                let name = c.indicators.string(Int32(id))
                if indicatorIndex[name] == nil {
                    indicatorIndex[name] = Int32(indicatorList.count)
                    indicatorList.append(name)
                }
            }
            for p in c.periods where periodIndex[p] == nil {
                periodIndex[p] = Int32(periodList.count)
                periodList.append(p)
            }
        }
        let units = unitSet.sorted()
        let unitIndex = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1, UInt32($0)) })

        // Rewrite each collector's ids in place (each piece on its own thread).
        let indicatorTable = indicatorIndex, periodTable = periodIndex, localUnitNames = unitNames
        let pieces: [Piece] = Parallel.map(collectors.count, threads: threads) { ci in
            let c = collectors[ci]
            let unitMap = localUnitNames[ci].map { unitIndex[$0] ?? .max }
            let indicatorMap = (0..<c.indicators.count).map { UInt32(indicatorTable[c.indicators.string(Int32($0))]!) }
            let periodMap = c.periods.map { UInt16(periodTable[$0]!) }
            let storage = c.storage!, view = storage.view
            for r in 0..<view.count {
                view.unit[r] = unitMap[Int(view.unit[r])]
                view.indicator[r] = indicatorMap[Int(view.indicator[r])]
                view.period[r] = periodMap[Int(view.period[r])]
            }
            return Piece(file: c.file, storage: storage)
        }
        let views = pieces.map(\.view)

        // Group rows by unit and indicator with a counting sort (stable: file order is kept).
        // Each piece counts its own rows and then writes them to its own slots of each group.
        let nIndicators = max(indicatorList.count, 1)
        let groups = units.count * nIndicators
        let counts: [[Int32]] = Parallel.map(views.count, threads: threads) { p in
            var c = [Int32](repeating: 0, count: groups)
            let v = views[p]
            for r in 0..<v.count { c[Int(v.unit[r]) * nIndicators + Int(v.indicator[r])] += 1 }
            return c
        }
        var start = [Int32](repeating: 0, count: groups + 1)
        var offsets = [[Int32]](repeating: [], count: views.count)
        do {
            var next = [Int32](repeating: 0, count: groups)
            for g in 0..<groups {
                var total: Int32 = 0
                for p in 0..<views.count { total += counts[p][g] }
                start[g + 1] = start[g] + total
            }
            for p in 0..<views.count {
                var o = [Int32](repeating: 0, count: groups)
                for g in 0..<groups { o[g] = start[g] + next[g]; next[g] += counts[p][g] }
                offsets[p] = o
            }
        }
        let rowCount = Int(start[groups])
        // Rows of one period come together within a group: rows usually arrive in period
        // order already, so an insertion sort costs next to nothing.
        let periodRank = Self.timeOrder(of: periodList)
        let groupStart = start, pieceOffsets = offsets
        let order = [UInt32](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
            let out = SharedBuffer(buffer)
            _ = Parallel.map(views.count, threads: threads) { p in
                var next = pieceOffsets[p]
                let v = views[p]
                for r in 0..<v.count {
                    let g = Int(v.unit[r]) * nIndicators + Int(v.indicator[r])
                    out.buffer[Int(next[g])] = UInt32(p) << rowBits | UInt32(r)
                    next[g] += 1
                }
                return 0
            }
            @Sendable func rankOf(_ ref: UInt32) -> Int32 {
                let p = Int(ref >> rowBits), r = Int(ref & rowMask)
                return periodRank[Int(views[p].period[r])]
            }
            // A few thousand rows (one unit, the units held back at the pieces' edges) are
            // sorted before a thread could be started to help.
            let chunks = rowCount < 1 << 16 ? 1 : max(1, min(threads * 4, groups))
            _ = Parallel.map(chunks, threads: threads) { c in
                let order = out.buffer
                for g in stride(from: c, to: groups, by: chunks) where groupStart[g + 1] - groupStart[g] > 1 {
                    let lo = Int(groupStart[g]), hi = Int(groupStart[g + 1])
                    for i in (lo + 1)..<hi {
                        let ref = order[i], key = rankOf(ref)
                        var j = i - 1
                        while j >= lo && rankOf(order[j]) > key {
                            order[j + 1] = order[j]
                            j -= 1
                        }
                        order[j + 1] = ref
                    }
                }
                return 0
            }
            initialized = rowCount
        }

        // Submissions, with global names, straight into the one table (a national run has
        // tens of thousands; a key met in several pieces is folded as a piece folds its rows).
        var submissions: [SubmissionKey: Submission] = [:]
        submissions.reserveCapacity(collectors.reduce(0) { $0 + $1.submissions.count })
        for (ci, c) in collectors.enumerated() {
            let reportNames = (0..<c.reports.count).map { c.reports.string(Int32($0)) }
            for (key, slot) in c.submissions {
                let (k, new) = ObservationCollector.named(key, slot, unit: unitNames[ci][Int(key >> 32)],
                                                          report: reportNames[Int((key >> 16) & 0xFFFF)],
                                                          periods: c.periods, indicators: c.indicators, file: c.file)
                guard let i = submissions.index(forKey: k) else {
                    submissions[k] = new
                    continue
                }
                let existing = submissions.values[i]
                var merged = SubmissionSlot(date: existing.date?.dayNumber ?? ObservationCollector.noDate, line: existing.line)
                merged.add(date: slot.date, line: slot.line)
                let changed = merged.line != existing.line || Self.day(merged.date) != existing.date
                submissions.values[i] = Submission(date: Self.day(merged.date), file: changed ? c.file : existing.file,
                                                   line: merged.line, indicators: existing.indicators.union(new.indicators))
            }
        }

        // The unit and indicator of each row are now told by its place in `order`.
        for piece in pieces { piece.storage.dropGroupingColumns() }
        let data = ProgressData(files: files, periods: periodList, units: units, submissions: submissions,
                                indicatorNames: indicatorList, pieces: pieces, order: order, rowBits: rowBits,
                                groupStart: start)
        var findings: [Finding] = []
        for c in collectors {
            for var f in c.findings {
                f.location?.file = files[Int(c.file)]
                findings.append(f)
            }
        }
        findings += data.conflictingDuplicates(threads: threads).map(\.finding)
        return (data, findings)
    }

    /// A submission day as a date; `noDate` (an undated row was seen) as nil.
    static func day(_ d: Int32) -> CivilDate? { d == ObservationCollector.noDate ? nil : CivilDate(dayNumber: d) }

    /// Rows for one unit, indicator and period that carry the same submission date (or
    /// none) and different values (spec §6.1): the later row is `data-invalid`, the first
    /// value is used.
    func conflictingDuplicates(threads: Int = 1) -> [ConflictingDuplicate] {
        let n = indicatorNames.count
        guard n > 0, !units.isEmpty else { return [] }
        // By ranges of units, on several threads; the ranges are joined in order.
        let chunks = max(1, min(threads * 4, units.count))
        let size = (units.count + chunks - 1) / chunks
        let parts: [[ConflictingDuplicate]] = Parallel.map(chunks, threads: threads) { c in
            var out: [ConflictingDuplicate] = []
            for g in (min(c * size, units.count) * n)..<(min((c + 1) * size, units.count) * n) {
                let lo = Int(groupStart[g]), hi = Int(groupStart[g + 1])
                guard hi - lo > 1 else { continue }
                var i = lo
                while i < hi {
                    let (p0, r0) = locate(order[i])
                    let period = views[p0].period[r0]
                    var j = i + 1
                    while j < hi, views[locate(order[j]).piece].period[locate(order[j]).row] == period { j += 1 }
                    if j - i > 1 { out += conflicts(in: order[i..<j], unit: units[g / n], indicator: indicatorNames[g % n]) }
                    i = j
                }
            }
            return out
        }
        return parts.flatMap { $0 }
    }

    private func conflicts(in refs: ArraySlice<UInt32>, unit: String, indicator: String) -> [ConflictingDuplicate] {
        var out: [ConflictingDuplicate] = []
        var firstOfRank: [(rank: (Int32, Int), point: SeriesPoint)] = []
        for ref in refs {
            let (p, r) = locate(ref)
            let c = views[p]
            guard !RowColumns.isNoValue(c.value[r]) else { continue }
            let period = periods[Int(c.period[r])]
            let rank = Self.rank(submitted: c.submitted[r], periodEnd: period.end.dayNumber)
            let here = point(ref)
            if let earlier = firstOfRank.first(where: { $0.rank == rank })?.point {
                let same = (earlier.value.isNaN && here.value.isNaN) || earlier.value == here.value
                if !same {
                    out.append(ConflictingDuplicate(
                        unit: unit, indicator: indicator, period: period.id,
                        shown: earlier.value.isNaN ? "'chưa'" : NumberFormat.plain(earlier.value),
                        earlierLine: earlier.line, earlierFile: earlier.file == here.file ? nil : files[Int(earlier.file)],
                        location: location(file: here.file, line: here.line)))
                }
            } else {
                firstOfRank.append((rank, here))
            }
        }
        return out
    }
}

/// Rows for one unit, indicator and period with the same submission date and different
/// values (spec §6.1): the later row is `data-invalid`, and its message names the first.
struct ConflictingDuplicate: Sendable {
    var unit, indicator, period, shown: String
    var earlierLine: Int32
    /// The first row's file, when it is not the later row's.
    var earlierFile: String?
    var location: SourceLocation?

    var finding: Finding {
        let onLine = LocalizedText(en: "line \(earlierLine)" + (earlierFile.map { " of \($0)" } ?? ""),
                                   vi: "dòng \(earlierLine)" + (earlierFile.map { " của tệp \($0)" } ?? ""))
        return Finding(
            severity: .violation, code: .dataInvalid, unit: unit, indicator: indicator, period: period,
            message: LocalizedText(
                en: "conflicting duplicate: '\(indicator)' for \(period) is also given as \(shown) on \(onLine.en) with the same submission date; that first value is used",
                vi: "trùng lặp mâu thuẫn: '\(indicator)' kỳ \(period) đã có giá trị \(shown) ở \(onLine.vi) với cùng ngày nộp; dùng giá trị đầu tiên"),
            location: location)
    }

    /// Both rows' lines moved (a piece of a file read before its first line was known).
    mutating func moveLines(by offset: Int32) {
        earlierLine += offset
        if let line = location?.line { location?.line = line + Int(offset) }
    }
}

/// A buffer several threads write to at disjoint positions, handed to them while the
/// array that owns it is being initialised.
private struct SharedBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<UInt32>
    init(_ buffer: UnsafeMutableBufferPointer<UInt32>) { self.buffer = buffer }
}
