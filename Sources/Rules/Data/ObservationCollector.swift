/// The cells of one data row, as text (CSV) or number (JSON), with where they stand.
public struct DataRow {
    public enum Cell {
        case text(Substring)
        case number(Double)

        var text: Substring? {
            if case .text(let t) = self { return t }
            return nil
        }
    }

    public var unit: Cell?
    public var period: Cell?
    public var indicator: Cell?
    public var value: Cell?
    public var submitted: Cell?
    public var report: Cell?
    public var note: Cell?
    public var file: Int32
    public var line: Int32

    public init(file: Int32, line: Int32) {
        self.file = file
        self.line = line
    }
}

/// Interprets data rows (spec §5) and accumulates what is known on the as-of date. Rows
/// that cannot be read become `data-invalid` findings and the rest is still read.
public struct ObservationCollector {
    public let scope: DataScope
    public private(set) var files: [String] = []
    public private(set) var findings: [Finding] = []
    /// Rows of units that no selected plan binds: skipped before being read.
    public private(set) var ignoredRows = 0
    /// The first row of each unit's indicator, for `unknown-indicator`.
    public private(set) var firstRows: [String: [String: (file: Int32, line: Int32)]] = [:]

    private var unitIDs: [String: Int32] = [:]
    private var unitNames: [String] = []
    private var indicatorIDs: [String: Int32] = [:]
    private var indicatorNames: [String] = []
    private var periodIDs: [Period: Int32] = [:]
    private var periods: [Period] = []
    private var periodCache: [Substring: Int32] = [:]
    private var rows: [Row] = []
    private var submissions: [SubmissionKey: Submission] = [:]

    /// One known value, before corrections are resolved.
    private struct Row {
        var unit: Int32
        var indicator: Int32
        var period: Int32
        var submitted: Int32  // day number, or Int32.min when the row has no date
        var value: Double
        var file: Int32
        var line: Int32
    }

    static let noDate = Int32.min

    public init(scope: DataScope) { self.scope = scope }

    /// Registers a data source and returns its index for `DataRow.file`.
    public mutating func addFile(_ name: String) -> Int32 {
        files.append(name)
        return Int32(files.count - 1)
    }

    public mutating func add(_ row: DataRow) {
        let location = SourceLocation(file: files[Int(row.file)], line: Int(row.line))
        // Unit first: rows of other units are ignored before anything else is read.
        guard let unitText = row.unit?.text.map(Self.trimmed), !unitText.isEmpty else {
            return invalid(row, unit: nil, LocalizedText(en: "the unit is empty", vi: "thiếu mã đơn vị"), location)
        }
        guard Loading.isUnitSlug(unitText) else {
            return invalid(row, unit: nil, LocalizedText(
                en: "'\(unitText)' is not a unit slug (lower-case letters without accents, digits and '-', e.g. 'cao-minh')",
                vi: "'\(unitText)' không phải mã đơn vị (chữ thường không dấu, số và '-', ví dụ 'cao-minh')"), location)
        }
        let unit = String(unitText)
        guard scope.binds(unit) else {
            ignoredRows += 1
            return
        }
        guard let periodIndex = period(row.period) else {
            let shown = row.period?.text.map { "'\($0)'" } ?? "nothing"
            return invalid(row, unit: unit, LocalizedText(
                en: "cannot read the period \(shown): expected e.g. 2026-06, 2026-Q2, 2026-H1, 2026-9M, 2026 or 2026-06-15",
                vi: "không đọc được kỳ \(shown): cần dạng 2026-06, 2026-Q2, 2026-H1, 2026-9M, 2026 hoặc 2026-06-15"), location)
        }
        let period = periods[Int(periodIndex)]
        var submitted: CivilDate? = nil
        if let text = row.submitted?.text.map(Self.trimmed), !text.isEmpty {
            guard let date = CivilDate.parseISO(text) ?? (try? DateParser.parse(String(text), defaultYear: period.year)) else {
                return invalid(row, unit: unit, LocalizedText(
                    en: "cannot read the submission date '\(text)': expected YYYY-MM-DD or DD/MM/YYYY",
                    vi: "không đọc được ngày nộp '\(text)': cần dạng YYYY-MM-DD hoặc DD/MM/YYYY"), location)
            }
            submitted = date
        } else if case .number = row.submitted {
            return invalid(row, unit: unit, LocalizedText(en: "the submission date must be a string such as \"2026-04-20\"",
                                                          vi: "ngày nộp phải là chuỗi dạng \"2026-04-20\""), location)
        }
        // What is known on the as-of date (spec §5): a row submitted later is not read
        // further, so its problems surface only once it is known.
        let known = submitted.map { $0 <= scope.asOf } ?? (period.end <= scope.asOf)
        guard known else { return }
        let report = row.report?.text.map(Self.trimmed) ?? ""
        if !report.isEmpty && !Loading.isIndicatorSlug(report) {
            return invalid(row, unit: unit, LocalizedText(en: "'\(report)' is not a report schedule id",
                                                          vi: "'\(report)' không phải mã lịch báo cáo"), location)
        }
        let indicatorText = row.indicator?.text.map(Self.trimmed) ?? ""
        let valueCell: DataRow.Cell? = switch row.value {
        case .text(let t) where Self.trimmed(t).isEmpty: nil
        default: row.value
        }
        if indicatorText.isEmpty && valueCell != nil {
            return invalid(row, unit: unit, LocalizedText(en: "a value without an indicator", vi: "có giá trị nhưng thiếu mã chỉ tiêu"), location)
        }
        if !indicatorText.isEmpty && !Loading.isIndicatorSlug(indicatorText) {
            return invalid(row, unit: unit, LocalizedText(
                en: "'\(indicatorText)' is not an indicator id (lower-case letters, digits, '_', '.', '-')",
                vi: "'\(indicatorText)' không phải mã chỉ tiêu (chữ thường không dấu, số, '_', '.', '-')"), location)
        }
        let indicator = String(indicatorText)
        var value: Double? = nil
        if let valueCell {
            let parsed = scope.taskIndicators.contains(indicator)
                ? taskValue(valueCell, submitted: submitted, period: period)
                : numberValue(valueCell, indicator: indicator)
            switch parsed {
            case .success(let v): value = v
            case .failure(let error): return invalid(row, unit: unit, error.message, location, period: period, indicator: indicator)
            }
        }

        // A row that names an indicator but gives neither a value nor a submission date is
        // an unfilled line of a form (`check template`), not a submission of its report.
        guard indicator.isEmpty || valueCell != nil || submitted != nil else { return }

        if !indicator.isEmpty && firstRows[unit]?[indicator] == nil {
            firstRows[unit, default: [:]][indicator] = (row.file, row.line)
        }
        // A report contains an indicator only if its row gives a value: a template row left
        // empty (`check template`) must not satisfy `requires`.
        let key = SubmissionKey(unit: unit, report: String(report), period: period)
        if var s = submissions[key] {
            if let old = s.date, submitted.map({ $0 < old }) ?? true {
                s.date = submitted
                s.file = row.file
                s.line = row.line
            }
            if !indicator.isEmpty && valueCell != nil { s.indicators.insert(indicator) }
            submissions[key] = s
        } else {
            submissions[key] = Submission(date: submitted, file: row.file, line: row.line,
                                          indicators: indicator.isEmpty || valueCell == nil ? [] : [indicator])
        }
        guard let value, !indicator.isEmpty else { return }
        rows.append(Row(unit: intern(unit, &unitIDs, &unitNames), indicator: intern(indicator, &indicatorIDs, &indicatorNames),
                        period: periodIndex, submitted: submitted?.dayNumber ?? Self.noDate, value: value,
                        file: row.file, line: row.line))
    }

    /// A record that could not be split into cells (a stray quote, invalid UTF-8, more
    /// cells than columns): a `data-invalid` finding at its line, and the rest is still read.
    /// `unit` is the unit cell when it was read before the problem: a row of a unit that no
    /// selected plan binds is ignored like any other such row; without a readable unit the
    /// row is reported whatever units are selected.
    public mutating func invalidRow(file: Int32, line: Int32, column: Int?, unit: Substring? = nil,
                                    message: LocalizedText, hint: LocalizedText? = nil) {
        var slug: String?
        if let text = unit.map(Self.trimmed), Loading.isUnitSlug(text) {
            guard scope.binds(String(text)) else {
                ignoredRows += 1
                return
            }
            slug = String(text)
        }
        findings.append(Finding(severity: .violation, code: .dataInvalid, unit: slug, message: message, hint: hint,
                                location: SourceLocation(file: files[Int(file)], line: Int(line), column: column)))
    }

    // MARK: - Cells

    private mutating func period(_ cell: DataRow.Cell?) -> Int32? {
        guard let text = cell?.text.map(Self.trimmed), !text.isEmpty else {
            if case .number(let n) = cell, n == n.rounded(), let p = PeriodParser.parse(String(Int(n)), defaultYear: nil) {
                return periodIndex(p)
            }
            return nil
        }
        if let cached = periodCache[text] { return cached }
        guard let p = PeriodParser.parse(String(text), defaultYear: nil) else { return nil }
        let index = periodIndex(p)
        periodCache[text] = index
        return index
    }

    private mutating func periodIndex(_ p: Period) -> Int32 {
        if let i = periodIDs[p] { return i }
        periods.append(p)
        periodIDs[p] = Int32(periods.count - 1)
        return Int32(periods.count - 1)
    }

    private func numberValue(_ cell: DataRow.Cell, indicator: String) -> Result<Double, CellError> {
        switch cell {
        case .number(let n): return .success(n)
        case .text(let raw):
            let text = Self.trimmed(raw)
            var copy = String(text)
            let parsed = copy.withUTF8 { DataNumber.parse(UnsafeRawBufferPointer($0), style: scope.numbers) }
            guard let parsed, parsed.value.isFinite else {
                let hint = scope.numbers == .c && text.contains(",")
                    ? LocalizedText(en: " (with a decimal comma, run with --numbers vi)", vi: " (nếu dùng dấu phẩy thập phân, chạy với --numbers vi)")
                    : LocalizedText(verbatim: "")
                return .failure(CellError(
                    en: "cannot read the value '\(text)' of '\(indicator)' as a number\(hint.en)",
                    vi: "không đọc được giá trị '\(text)' của '\(indicator)' thành số\(hint.vi)"))
            }
            if parsed.hadPercent, let unit = scope.nonPercentIndicators[indicator] {
                return .failure(CellError(en: "'\(text)' has a % sign but '\(indicator)' is measured in \(unit)",
                                        vi: "'\(text)' có dấu % nhưng '\(indicator)' tính bằng \(unit)"))
            }
            return .success(parsed.value)
        }
    }

    /// A task value: a completion date, a word for done (complete on the submission date,
    /// else at the end of the period), or a word for not yet (NaN).
    private func taskValue(_ cell: DataRow.Cell, submitted: CivilDate?, period: Period) -> Result<Double, CellError> {
        let doneOn = Double((submitted ?? period.end).dayNumber)
        switch cell {
        case .number(let n):
            if n == 1 { return .success(doneOn) }
            if n == 0 { return .success(Double.nan) }
        case .text(let raw):
            let text = Self.trimmed(raw)
            if let date = CivilDate.parseISO(text) ?? (try? DateParser.parse(String(text), defaultYear: period.year)) {
                return .success(Double(date.dayNumber))
            }
            let word = TextFold.fold(String(text))
            if ["done", "true", "1", "xong", "hoàn thành", "đã hoàn thành", "yes", "có"].contains(word) { return .success(doneOn) }
            if ["0", "false", "chưa", "chưa hoàn thành", "no", "không"].contains(word) { return .success(Double.nan) }
        }
        let shown = switch cell {
        case .number(let n): NumberFormat.plain(n)
        case .text(let t): String(t)
        }
        return .failure(CellError(
            en: "cannot read '\(shown)' as a task's progress: expected a completion date, 'done' / 'xong' / 'hoàn thành' / 1, or 'chưa' / 0",
            vi: "không đọc được '\(shown)' là tiến độ nhiệm vụ: cần ngày hoàn thành, 'xong' / 'hoàn thành' / 1, hoặc 'chưa' / 0"))
    }

    private struct CellError: Error {
        var message: LocalizedText
        init(en: String, vi: String) { message = LocalizedText(en: en, vi: vi) }
    }

    private mutating func invalid(_ row: DataRow, unit: String?, _ message: LocalizedText, _ location: SourceLocation,
                                  period: Period? = nil, indicator: String? = nil) {
        findings.append(Finding(severity: .violation, code: .dataInvalid, unit: unit, indicator: indicator,
                                period: period?.id, message: message, location: location))
    }

    private func intern(_ s: String, _ ids: inout [String: Int32], _ names: inout [String]) -> Int32 {
        if let id = ids[s] { return id }
        names.append(s)
        ids[s] = Int32(names.count - 1)
        return Int32(names.count - 1)
    }

    static func trimmed(_ s: Substring) -> Substring {
        var t = s
        while let c = t.first, c.isWhitespace { t.removeFirst() }
        while let c = t.last, c.isWhitespace { t.removeLast() }
        return t
    }

    // MARK: - Finishing

    /// Resolves corrections and duplicates (spec §6.1) and indexes the values.
    public mutating func finish() -> ProgressData {
        // Group rows by unit and indicator with a stable sort, so file order is kept within a group.
        let order = rows.indices.sorted { a, b in
            let x = rows[a], y = rows[b]
            if x.unit != y.unit { return unitNames[Int(x.unit)] < unitNames[Int(y.unit)] }
            if x.indicator != y.indicator { return indicatorNames[Int(x.indicator)] < indicatorNames[Int(y.indicator)] }
            if x.period != y.period { return periods[Int(x.period)] < periods[Int(y.period)] }
            return a < b
        }
        var points: [SeriesPoint] = []
        points.reserveCapacity(rows.count)
        var groups: [String: [String: Range<Int>]] = [:]
        var i = 0
        while i < order.count {
            let first = rows[order[i]]
            var j = i
            var groupStart = points.count
            groupStart = points.count
            while j < order.count && rows[order[j]].unit == first.unit && rows[order[j]].indicator == first.indicator {
                // One period's rows: pick the latest correction.
                var k = j
                let period = rows[order[j]].period
                while k < order.count && rows[order[k]].unit == first.unit && rows[order[k]].indicator == first.indicator
                        && rows[order[k]].period == period { k += 1 }
                points.append(resolve(order[j..<k]))
                j = k
            }
            groups[unitNames[Int(first.unit)], default: [:]][indicatorNames[Int(first.indicator)]] = groupStart..<points.count
            i = j
        }
        let units = Set(firstRowsUnits() + submissions.keys.map(\.unit)).sorted()
        return ProgressData(files: files, periods: periods, units: units, points: points, groups: groups,
                            submissions: submissions)
    }

    private func firstRowsUnits() -> [String] { Array(firstRows.keys) + unitNames }

    /// The row that counts among rows for one unit, indicator and period: the latest
    /// submission wins (a row without a date counts as submitted on its period's last day;
    /// on equal dates a dated row beats an undated one). Rows with the same date and a
    /// different value conflict: the later one is `data-invalid` and the first value is used.
    private mutating func resolve(_ group: ArraySlice<Int>) -> SeriesPoint {
        let periodEnd = periods[Int(rows[group.first!].period)].end.dayNumber
        func rank(_ r: Row) -> (Int32, Int) {
            r.submitted == Self.noDate ? (periodEnd, 0) : (r.submitted, 1)
        }
        var winner = rows[group.first!]
        var firstOfRank: [String: Row] = [:]
        for index in group {
            let r = rows[index]
            let key = "\(rank(r).0)/\(rank(r).1)"
            if let earlier = firstOfRank[key] {
                if !Self.sameValue(earlier.value, r.value) {
                    findings.append(Finding(
                        severity: .violation, code: .dataInvalid, unit: unitNames[Int(r.unit)],
                        indicator: indicatorNames[Int(r.indicator)], period: periods[Int(r.period)].id,
                        message: LocalizedText(
                            en: "conflicting duplicate: '\(indicatorNames[Int(r.indicator)])' for \(periods[Int(r.period)].id) is also given as \(NumberFormat.plain(earlier.value)) on line \(earlier.line) with the same submission date; that first value is used",
                            vi: "trùng lặp mâu thuẫn: '\(indicatorNames[Int(r.indicator)])' kỳ \(periods[Int(r.period)].id) đã có giá trị \(NumberFormat.plain(earlier.value)) ở dòng \(earlier.line) với cùng ngày nộp; dùng giá trị đầu tiên"),
                        location: SourceLocation(file: files[Int(r.file)], line: Int(r.line))))
                }
                continue
            }
            firstOfRank[key] = r
            if rank(r) > rank(winner) { winner = r }
        }
        return SeriesPoint(period: winner.period, value: winner.value,
                           submitted: winner.submitted == Self.noDate ? nil : CivilDate(dayNumber: winner.submitted),
                           file: winner.file, line: winner.line)
    }

    static func sameValue(_ a: Double, _ b: Double) -> Bool {
        (a.isNaN && b.isNaN) || a == b
    }
}
