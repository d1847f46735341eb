import Foundation

/// One cell of a data row as a reader hands it over: bytes (a CSV field, a JSON string) or
/// a JSON number. Bytes are valid only during `ObservationCollector.add`.
public enum DataCell {
    case bytes(UnsafeRawBufferPointer)
    case number(Double)
}

/// One data row, cell by cell (spec §5); nil = the column is absent.
public struct DataRow {
    public var unit: DataCell?
    public var period: DataCell?
    public var indicator: DataCell?
    public var value: DataCell?
    public var submitted: DataCell?
    public var report: DataCell?
    /// The physical line on which the row starts (for JSON, the line of its object).
    public var line: Int32

    public init(line: Int32) { self.line = line }
}

/// Interprets the rows of one stretch of one data file (spec §5) and keeps what is known on
/// the as-of date, in compact columns. Rows that cannot be read become `data-invalid`
/// findings and the rest is still read.
///
/// This is the per-row hot path of the tool (millions of rows), so it works on bytes:
/// units, indicators, periods and reports are interned by their bytes, the last submission
/// date is remembered, and nothing is allocated for a row that reads cleanly. Several
/// collectors may read pieces of one file in parallel; `ProgressData.merge` joins them.
public struct ObservationCollector: Sendable {
    public let scope: DataScope
    /// Index of the file in the run's list of data files.
    public let file: Int32
    public private(set) var findings: [Finding] = []
    /// Rows of units that no selected plan binds: skipped before being read.
    public private(set) var ignoredRows = 0

    // Interned texts and what is known about each.
    var units = ByteInterner()
    private var unitState: [UnitState] = []
    var indicators = ByteInterner()
    private var indicatorState: [IndicatorState] = []
    var reports = ByteInterner()
    private var reportValid: [Bool] = []
    private var periodTexts = ByteInterner()
    private var periodOfText: [Int32] = []
    var periods: [Period] = []
    private var periodIDs: [Period: Int32] = [:]
    /// The last unit, period and date cells read and what they gave: rows of one report
    /// repeat them, and a word comparison is cheaper than any lookup.
    private var lastUnit = LastCell()
    private var lastPeriod = LastCell()
    private var lastDate = LastCell()
    /// The raw unit, period and submission date cells of the last row read past them
    /// (`add`), with what they gave, and whether that row is known on the as-of date.
    private var headUnit = LastCell()
    private var headPeriod = LastCell()
    private var headSubmitted = LastCell()
    /// Whether the head's row is known on the as-of date: if not, neither are rows repeating it.
    private var headKnown = true
    /// The last non-empty report cell that named a valid report schedule, with its id.
    private var headReport = LastCell()

    /// The known values, one entry per row, in file order (ids local to this collector).
    private var columns = RowColumns()
    /// The columns once reading is done (`finish`).
    private(set) var storage: RowStorage?
    /// Submissions by `SubmissionSlot.key(unit, report, period)`.
    var submissions: [UInt64: SubmissionSlot] = [:]
    private var run: (key: UInt64, slot: SubmissionSlot)?

    static let noDate = Int32.min

    enum UnitState: UInt8 { case checked, ignored, invalid }

    struct IndicatorState: OptionSet {
        let rawValue: UInt8
        static let invalid = IndicatorState(rawValue: 1)
        static let task = IndicatorState(rawValue: 2)
        static let nonPercent = IndicatorState(rawValue: 4)
    }

    /// `expectedRows`: room to reserve for rows up front, so that the columns are not
    /// copied as they grow (an estimate; more rows still fit).
    public init(scope: DataScope, file: Int32, expectedRows: Int = 0) {
        self.scope = scope
        self.file = file
        if expectedRows > 4096 { columns = RowColumns(capacity: expectedRows) }
        _ = reports.intern(UnsafeRawBufferPointer(start: nil, count: 0))  // id 0: no report named
        reportValid.append(true)
    }

    // MARK: - Rows

    public mutating func add(_ row: DataRow) {
        // The rows of one report repeat its unit, period and submission date: when all three
        // cells are the bytes of the last row that got past them, so is what they gave.
        if case .bytes(let u)? = row.unit, case .bytes(let p)? = row.period, case .bytes(let s)? = row.submitted,
           let unit = headUnit.match(u), let periodID = headPeriod.match(p), let submitted = headSubmitted.match(s) {
            guard headKnown else { return }
            return add(row, unit: unit, periodID: periodID, submitted: submitted)
        }
        // Unit first: rows of other units are ignored before anything else is read.
        guard case .bytes(let rawUnit)? = row.unit, case let unitBytes = Self.trimmed(rawUnit), !unitBytes.isEmpty else {
            if case .number(let n)? = row.unit {
                return invalid(row.line, unit: nil, LocalizedText(
                    en: "the unit must be text (a unit slug such as \"cao-minh\"), found the number \(NumberFormat.plain(n))",
                    vi: "mã đơn vị phải là chuỗi (mã đơn vị dạng \"cao-minh\"), nhưng gặp số \(NumberFormat.plain(n))"))
            }
            return invalid(row.line, unit: nil, LocalizedText(en: "the unit is empty", vi: "thiếu mã đơn vị"))
        }
        let unit: Int32
        if let known = lastUnit.match(unitBytes) {
            unit = known
        } else {
            let (id, isNew) = units.intern(unitBytes)
            if isNew {
                let name = units.string(id)
                unitState.append(!Loading.isUnitSlug(name) ? .invalid : scope.binds(name) ? .checked : .ignored)
            }
            lastUnit.remember(unitBytes, id)
            unit = id
        }
        switch unitState[Int(unit)] {
        case .ignored:
            ignoredRows += 1
            return
        case .invalid:
            let text = units.string(unit)
            return invalid(row.line, unit: nil, LocalizedText(
                en: "\(Wording.quoted(text)) is not a unit slug (lower-case letters without accents, digits and '-', e.g. 'cao-minh')",
                vi: "\(Wording.quoted(text)) không phải mã đơn vị (chữ thường không dấu, số và '-', ví dụ 'cao-minh')"))
        case .checked:
            break
        }
        guard let periodID = period(row.period) else {
            let shown = Self.shown(row.period).map(Wording.quoted)
            return invalid(row.line, unit: unit, LocalizedText(
                en: "cannot read the period \(shown ?? "(empty)"): expected e.g. 2026-06, 2026-Q2, 2026-H1, 2026-9M, 2026 or 2026-06-15",
                vi: "không đọc được kỳ \(shown ?? "(trống)"): cần dạng 2026-06, 2026-Q2, 2026-H1, 2026-9M, 2026 hoặc 2026-06-15"))
        }
        let period = periods[Int(periodID)]
        var submitted = Self.noDate
        switch row.submitted {
        case .bytes(let raw)?:
            let text = Self.trimmed(raw)
            if !text.isEmpty {
                guard let day = date(text, year: period.year) else {
                    return invalid(row.line, unit: unit, LocalizedText(
                        en: "cannot read the submission date \(Wording.quoted(Self.string(text))): expected YYYY-MM-DD or DD/MM/YYYY",
                        vi: "không đọc được ngày nộp \(Wording.quoted(Self.string(text))): cần dạng YYYY-MM-DD hoặc DD/MM/YYYY"))
                }
                submitted = day
            }
        case .number?:
            return invalid(row.line, unit: unit, LocalizedText(en: "the submission date must be a string such as \"2026-04-20\"",
                                                               vi: "ngày nộp phải là chuỗi dạng \"2026-04-20\""))
        case nil:
            break
        }
        // What is known on the as-of date (spec §5): a row submitted later is not read
        // further, so its problems surface only once it is known.
        let known = submitted == Self.noDate ? period.end <= scope.asOf : submitted <= scope.asOf.dayNumber
        if case .bytes(let u)? = row.unit, case .bytes(let p)? = row.period, case .bytes(let s)? = row.submitted {
            headUnit.remember(u, unit)
            headPeriod.remember(p, periodID)
            headSubmitted.remember(s, submitted)
            headKnown = known
        }
        guard known else { return }
        add(row, unit: unit, periodID: periodID, submitted: submitted)
    }

    /// A plain CSV row (`PlainRecords`), every cell present, the short way: when it repeats
    /// the unit, period and submission date cells of a row read in full, it is skipped if
    /// that row was submitted after the as-of date; else, when its report cell is one read too,
    /// names an indicator that is not a task and gives a plain number (`DataNumber.plain`),
    /// what `add(_:)` would do comes down to interning the indicator and storing the row.
    /// False, with nothing done, sends the row to `add(_:)`.
    @inline(__always)
    mutating func addPlain(unit u: UnsafeRawBufferPointer, period p: UnsafeRawBufferPointer,
                           indicator i: UnsafeRawBufferPointer, value v: UnsafeRawBufferPointer,
                           submitted s: UnsafeRawBufferPointer, report r: UnsafeRawBufferPointer?, line: Int32) -> Bool {
        guard let unit = headUnit.match(u), let periodID = headPeriod.match(p), let submitted = headSubmitted.match(s)
        else { return false }
        guard headKnown else { return true }  // submitted after the as-of date: not read further
        var report: Int32 = 0
        if let r, !r.isEmpty {
            guard let known = headReport.match(r) else { return false }
            report = known
        }
        let text = Self.trimmed(i)
        guard !text.isEmpty, scope.numbers == .c, let value = DataNumber.plain(v) else { return false }
        let (indicator, state) = internIndicator(text)
        guard state.isDisjoint(with: [.invalid, .task]) else { return false }
        store(unit: unit, report: report, periodID: periodID, submitted: submitted, indicator: indicator, value: value, line: line)
        return true
    }

    /// The rest of a row whose unit is checked, whose period and submission date were read,
    /// and which is known on the as-of date.
    private mutating func add(_ row: DataRow, unit: Int32, periodID: Int32, submitted: Int32) {
        let period = periods[Int(periodID)]
        var report: Int32 = 0
        if case .bytes(let raw)? = row.report {
            let text = Self.trimmed(raw)
            if !text.isEmpty {
                let (id, isNew) = reports.intern(text)
                if isNew { reportValid.append(Loading.isIndicatorSlug(reports.string(id))) }
                guard reportValid[Int(id)] else {
                    return invalid(row.line, unit: unit, LocalizedText(en: "\(Wording.quoted(Self.string(text))) is not a report schedule id",
                                                                       vi: "\(Wording.quoted(Self.string(text))) không phải mã lịch báo cáo"))
                }
                headReport.remember(raw, id)
                report = id
            }
        } else if case .number(let n)? = row.report {
            return invalid(row.line, unit: unit, LocalizedText(
                en: "the report must be text (a report schedule id such as \"monthly\"), found the number \(NumberFormat.plain(n))",
                vi: "mã lịch báo cáo phải là chuỗi (mã lịch báo cáo dạng \"monthly\"), nhưng gặp số \(NumberFormat.plain(n))"))
        }
        var indicator: Int32 = -1
        if case .bytes(let raw)? = row.indicator {
            let text = Self.trimmed(raw)
            if !text.isEmpty {
                let (id, state) = internIndicator(text)
                guard !state.contains(.invalid) else {
                    return invalid(row.line, unit: unit, LocalizedText(
                        en: "\(Wording.quoted(Self.string(text))) is not an indicator id (lower-case letters, digits, '_', '.', '-')",
                        vi: "\(Wording.quoted(Self.string(text))) không phải mã chỉ tiêu (chữ thường không dấu, số, '_', '.', '-')"))
                }
                indicator = id
            }
        } else if case .number(let n)? = row.indicator {
            return invalid(row.line, unit: unit, LocalizedText(
                en: "the indicator must be text (an indicator id such as \"ty_le_ho_ngheo\"), found the number \(NumberFormat.plain(n))",
                vi: "mã chỉ tiêu phải là chuỗi (mã chỉ tiêu dạng \"ty_le_ho_ngheo\"), nhưng gặp số \(NumberFormat.plain(n))"))
        }
        var valueCell = row.value
        if case .bytes(let raw)? = valueCell {
            let text = Self.trimmed(raw)
            valueCell = text.isEmpty ? nil : .bytes(text)
        }
        if indicator < 0 && valueCell != nil {
            return invalid(row.line, unit: unit, LocalizedText(en: "a value without an indicator", vi: "có giá trị nhưng thiếu mã chỉ tiêu"))
        }
        var value = Double.nan
        if let valueCell {
            let state = indicatorState[Int(indicator)]
            if !state.contains(.task), case .bytes(let text) = valueCell,
               let parsed = DataNumber.parse(text, style: scope.numbers), parsed.value.isFinite,
               !(parsed.hadPercent && state.contains(.nonPercent)) {
                value = parsed.value  // the common case, without building a result
            } else {
                let parsed = state.contains(.task)
                    ? taskValue(valueCell, submitted: submitted, period: period)
                    : numberValue(valueCell, indicator: indicator, state: state)
                switch parsed {
                case .success(let v): value = v
                case .failure(let error):
                    return invalid(row.line, unit: unit, error.message, period: period, indicator: indicators.string(indicator))
                }
            }
        }
        // A row that names an indicator but gives neither a value nor a submission date is
        // an unfilled line of a form (`check template`), not a submission of its report.
        guard indicator < 0 || valueCell != nil || submitted != Self.noDate else { return }

        store(unit: unit, report: report, periodID: periodID, submitted: submitted, indicator: indicator,
              value: valueCell == nil ? nil : value, line: row.line)
    }

    /// The id of an indicator cell's text and what is known of it, learnt when first seen.
    @inline(__always)
    private mutating func internIndicator(_ text: UnsafeRawBufferPointer) -> (id: Int32, state: IndicatorState) {
        let (id, isNew) = indicators.intern(text)
        if isNew { indicatorState.append(state(ofIndicator: indicators.string(id))) }
        return (id, indicatorState[Int(id)])
    }

    /// Keeps a row that was read: its submission, and its value if it names an indicator
    /// (nil `value`: the row names it but reports nothing).
    @inline(__always)
    private mutating func store(unit: Int32, report: Int32, periodID: Int32, submitted: Int32, indicator: Int32,
                                value: Double?, line: Int32) {
        if judge != nil && unit != currentUnit { startUnit(unit) }
        // A report contains an indicator only if its row gives a value: a template row left
        // empty must not satisfy `requires`.
        submit(key: SubmissionSlot.key(unit: unit, report: report, period: periodID), date: submitted, line: line,
               indicator: value != nil ? indicator : -1)
        guard indicator >= 0 else { return }
        columns.append(unit: unit, indicator: indicator, period: periodID, submitted: submitted,
                       value: value ?? RowColumns.noValue, line: line)
    }

    /// A record that could not be split into cells (a stray quote, invalid UTF-8, more
    /// cells than columns): a `data-invalid` finding at its line, and the rest is still read.
    /// `unit` is the unit cell when it was read before the problem: a row of a unit that no
    /// selected plan binds is ignored like any other such row; without a readable unit the
    /// row is reported whatever units are selected.
    public mutating func invalidRow(line: Int32, column: Int?, unit: UnsafeRawBufferPointer? = nil,
                                    message: LocalizedText, hint: LocalizedText? = nil) {
        var slug: String?
        if let unit {
            let text = Self.string(Self.trimmed(unit))
            if Loading.isUnitSlug(text) {
                guard scope.binds(text) else {
                    ignoredRows += 1
                    return
                }
                slug = text
            }
        }
        findings.append(Finding(severity: .violation, code: .dataInvalid, unit: slug, message: message, hint: hint,
                                location: SourceLocation(file: "", line: Int(line), column: column)))
    }

    // MARK: - Submissions

    /// Rows of one report usually come together, so a run of them is folded in place and
    /// written to the table once.
    private mutating func submit(key: UInt64, date: Int32, line: Int32, indicator: Int32) {
        if run?.key != key {
            flushRun()
            run = (key, submissions[key] ?? SubmissionSlot(date: date, line: line))
        }
        run!.slot.add(date: date, line: line)
        if indicator >= 0 && scope.tracksReportContents { run!.slot.addIndicator(indicator) }
    }

    private mutating func flushRun() {
        if let (key, slot) = run, submissions.updateValue(slot, forKey: key) == nil, judge != nil { unitKeys.append(key) }
        run = nil
    }

    // MARK: - Judging unit by unit

    /// Set when the file is read in unit order (`UnitJudge`): a unit is judged as soon as
    /// the next one starts, and its rows and submissions are forgotten.
    private(set) var judge: UnitJudge?
    /// Whether the first unit is kept rather than judged: it may go on from the piece before.
    private var holdsFirst = false
    private var currentUnit: Int32 = -1
    private var unitRowStart = 0
    private var unitKeys: [UInt64] = []
    /// By local unit id: the unit's rows have ended (a later row of it means the file is not
    /// in unit order).
    private var unitEnded: [Bool] = []
    private var shared: ProgressData.UnitShared?
    /// A unit came back after other units: what was judged is void (`UnitJudge.outOfOrder`).
    private(set) var outOfOrder = false

    /// Judges each unit of this stretch with `judge` as soon as its rows end; `holdsFirst`
    /// keeps the first unit's rows, as it may have begun in the stretch before.
    mutating func judgeByUnit(_ judge: UnitJudge, holdsFirst: Bool) {
        self.judge = judge
        self.holdsFirst = holdsFirst
    }

    private mutating func startUnit(_ next: Int32) {
        flushRun()
        if currentUnit >= 0 {
            while unitEnded.count <= Int(currentUnit) { unitEnded.append(false) }
            unitEnded[Int(currentUnit)] = true
            if holdsFirst && judge!.sequence.count == 1 {
                unitRowStart = columns.count
                unitKeys.removeAll(keepingCapacity: true)
            } else if !outOfOrder {
                judgeCurrentUnit()
            }
        }
        if Int(next) < unitEnded.count && unitEnded[Int(next)] {
            outOfOrder = true
            judge!.outOfOrder()
        }
        currentUnit = next
        judge!.sequence.append(units.string(next))
    }

    private mutating func judgeCurrentUnit() {
        if shared == nil || shared!.periods.count != periods.count || shared!.indicatorNames.count != indicators.count {
            shared = ProgressData.UnitShared(files: judge!.setup.files, periods: periods,
                                             indicatorNames: (0..<indicators.count).map { indicators.string(Int32($0)) })
        }
        let name = judge!.sequence[judge!.sequence.count - 1]
        var submissions: [SubmissionKey: Submission] = [:]
        submissions.reserveCapacity(unitKeys.count)
        for key in unitKeys {
            guard let slot = self.submissions.removeValue(forKey: key) else { continue }
            let (k, s) = Self.named(key, slot, unit: name, report: reports.string(Int32((key >> 16) & 0xFFFF)),
                                    periods: periods, indicators: indicators, file: file)
            submissions[k] = s
        }
        unitKeys.removeAll(keepingCapacity: true)
        let (data, repeats) = ProgressData.oneUnit(name, rows: columns.view.rows(unitRowStart..<columns.count), file: file,
                                                   shared: shared!, submissions: submissions)
        judge!.judge(name, data: data, repeatsPeriods: repeats)
        columns.truncate(to: unitRowStart)
    }

    /// Ends reading: the last run of submissions is stored.
    public mutating func finish() {
        flushRun()
        guard storage == nil else { return }
        columns.shrinkToFit()
        storage = RowStorage(taking: columns)
    }

    /// Whether a finding's message names a line (a problem further down a multi-line
    /// record): such a message cannot be moved by `shiftLines`.
    var citesLines = false

    /// Moves every line number by `offset`, once reading is done: a piece of a file read in
    /// parallel counts its lines from 1 until the pieces before it are counted.
    mutating func shiftLines(by offset: Int32) {
        guard offset != 0 else { return }
        if let view = storage?.view {
            let step = UInt32(bitPattern: offset)
            for r in 0..<view.count { view.line[r] &+= step }
        }
        for i in findings.indices {
            if let line = findings[i].location?.line { findings[i].location?.line = line + Int(offset) }
        }
        judge?.shiftLines(by: offset)
        submissions = submissions.mapValues { slot in
            var moved = slot
            moved.line += offset
            return moved
        }
    }

    // MARK: - Cells

    private func state(ofIndicator name: String) -> IndicatorState {
        var s: IndicatorState = []
        if !Loading.isIndicatorSlug(name) { s.insert(.invalid) }
        if scope.taskIndicators.contains(name) { s.insert(.task) }
        if scope.nonPercentIndicators[name] != nil { s.insert(.nonPercent) }
        return s
    }

    private mutating func period(_ cell: DataCell?) -> Int32? {
        switch cell {
        case .bytes(let raw)?:
            let text = Self.trimmed(raw)
            guard !text.isEmpty else { return nil }
            if let known = lastPeriod.match(text) { return known >= 0 ? known : nil }
            let (id, isNew) = periodTexts.intern(text)
            if isNew {
                let p = PeriodParser.parseData(text) ?? PeriodParser.parse(Self.string(text), defaultYear: nil)
                periodOfText.append(p.map { periodIndex($0) } ?? -1)
            }
            let index = periodOfText[Int(id)]
            lastPeriod.remember(text, index)
            return index >= 0 ? index : nil
        case .number(let n)?:
            guard n == n.rounded(), abs(n) < 10_000, let p = PeriodParser.parse(String(Int(n)), defaultYear: nil) else { return nil }
            return periodIndex(p)
        case nil:
            return nil
        }
    }

    private mutating func periodIndex(_ p: Period) -> Int32 {
        if let i = periodIDs[p] { return i }
        periods.append(p)
        periodIDs[p] = Int32(periods.count - 1)
        return Int32(periods.count - 1)
    }

    /// A date cell as a day number: rows of one report share their date, so the last ISO date
    /// is remembered. Other forms are not: "20/01" takes its year from the row's period.
    private mutating func date(_ text: UnsafeRawBufferPointer, year: Int) -> Int32? {
        if let day = lastDate.match(text) { return day }
        if let d = CivilDate.parseISO(text) {
            lastDate.remember(text, d.dayNumber)
            return d.dayNumber
        }
        return (try? DateParser.parse(Self.string(text), defaultYear: year))?.dayNumber
    }

    private func numberValue(_ cell: DataCell, indicator: Int32, state: IndicatorState) -> Result<Double, CellError> {
        switch cell {
        case .number(let n): return .success(n)
        case .bytes(let text):
            guard let parsed = DataNumber.parse(text, style: scope.numbers), parsed.value.isFinite else {
                let shown = Self.string(text)
                let hint = scope.numbers == .c && shown.contains(",")
                    ? LocalizedText(en: " (with a decimal comma, run with --numbers vi)", vi: " (nếu dùng dấu phẩy thập phân, chạy với --numbers vi)")
                    : LocalizedText(verbatim: "")
                let name = indicators.string(indicator)
                return .failure(CellError(
                    en: "cannot read the value \(Wording.quoted(shown)) of '\(name)' as a number\(hint.en)",
                    vi: "không đọc được giá trị \(Wording.quoted(shown)) của '\(name)' thành số\(hint.vi)"))
            }
            if parsed.hadPercent && state.contains(.nonPercent) {
                let name = indicators.string(indicator)
                let unit = scope.nonPercentIndicators[name] ?? ""
                return .failure(CellError(en: "\(Wording.quoted(Self.string(text))) has a % sign but '\(name)' is measured in \(unit)",
                                          vi: "\(Wording.quoted(Self.string(text))) có dấu % nhưng '\(name)' tính bằng \(unit)"))
            }
            return .success(parsed.value)
        }
    }

    /// A task value: a completion date, a word for done (complete on the submission date,
    /// else at the end of the period), or a word for not yet (NaN).
    private func taskValue(_ cell: DataCell, submitted: Int32, period: Period) -> Result<Double, CellError> {
        let doneOn = Double(submitted == Self.noDate ? period.end.dayNumber : submitted)
        let shown: String
        switch cell {
        case .number(let n):
            if n == 1 { return .success(doneOn) }
            if n == 0 { return .success(Double.nan) }
            shown = NumberFormat.plain(n)
        case .bytes(let bytes):
            let text = Self.string(bytes)
            if let date = CivilDate.parseISO(bytes) ?? (try? DateParser.parse(text, defaultYear: period.year)) {
                return .success(Double(date.dayNumber))
            }
            let word = TextFold.fold(text)
            if ["done", "true", "1", "xong", "hoàn thành", "đã hoàn thành", "yes", "có"].contains(word) { return .success(doneOn) }
            if ["0", "false", "chưa", "chưa hoàn thành", "no", "không"].contains(word) { return .success(Double.nan) }
            shown = text
        }
        return .failure(CellError(
            en: "cannot read \(Wording.quoted(shown)) as a task's progress: expected a completion date, 'done' / 'xong' / 'hoàn thành' / 1, or 'chưa' / 0",
            vi: "không đọc được \(Wording.quoted(shown)) là tiến độ nhiệm vụ: cần ngày hoàn thành, 'xong' / 'hoàn thành' / 1, hoặc 'chưa' / 0"))
    }

    private struct CellError: Error {
        var message: LocalizedText
        init(en: String, vi: String) { message = LocalizedText(en: en, vi: vi) }
    }

    private mutating func invalid(_ line: Int32, unit: Int32?, _ message: LocalizedText, period: Period? = nil,
                                  indicator: String? = nil) {
        findings.append(Finding(severity: .violation, code: .dataInvalid, unit: unit.map { units.string($0) },
                                indicator: indicator, period: period?.id, message: message,
                                location: SourceLocation(file: "", line: Int(line))))
    }

    // MARK: - Bytes

    /// Without surrounding ASCII spaces and tabs (and no-break spaces, which spreadsheets
    /// leave behind).
    @inline(__always)
    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        // Cells almost never carry spaces: check the two ends before looping.
        guard let first = bytes.first, let last = bytes.last else { return bytes }
        if first > 0x20 && first != 0xC2 && last > 0x20 && last != 0xA0 { return bytes }
        var start = 0, end = bytes.count
        while start < end {
            let b = bytes[start]
            if b == 0x20 || b == 0x09 { start += 1 } else if b == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 { start += 2 } else { break }
        }
        while end > start {
            let b = bytes[end - 1]
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { end -= 1 } else if b == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 { end -= 2 } else { break }
        }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    static func string(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes, as: UTF8.self) }

    static func shown(_ cell: DataCell?) -> String? {
        switch cell {
        case .bytes(let b)?: let t = trimmed(b); return t.isEmpty ? nil : string(t)
        case .number(let n)?: return NumberFormat.plain(n)
        case nil: return nil
        }
    }
}

/// The known values of a stretch of data, one entry per row (struct of arrays: 26 bytes a
/// row), in memory the collector manages itself: plain pointers, grown with `realloc`
/// (large blocks are remapped, not copied), no reference counting per row. Ownership
/// passes to a `RowStorage` when reading ends.
struct RowColumns: @unchecked Sendable {
    private(set) var unit: UnsafeMutablePointer<UInt32>
    private(set) var indicator: UnsafeMutablePointer<UInt32>
    private(set) var period: UnsafeMutablePointer<UInt16>
    private(set) var submitted: UnsafeMutablePointer<Int32>
    /// The value; NaN for a task "not yet"; `noValue` for a row that reported nothing.
    private(set) var value: UnsafeMutablePointer<Double>
    private(set) var line: UnsafeMutablePointer<UInt32>
    private(set) var count = 0
    private var capacity: Int

    /// A row with an indicator but an empty value: known to exist, with nothing to count.
    static let noValue = Double(bitPattern: 0x7FF8_DEAD_0000_0000)

    static func isNoValue(_ x: Double) -> Bool { x.bitPattern == noValue.bitPattern }

    init(capacity: Int = 4096) {
        self.capacity = capacity
        unit = Self.allocate(capacity)
        indicator = Self.allocate(capacity)
        period = Self.allocate(capacity)
        submitted = Self.allocate(capacity)
        value = Self.allocate(capacity)
        line = Self.allocate(capacity)
    }

    @inline(__always)
    mutating func append(unit u: Int32, indicator i: Int32, period p: Int32, submitted s: Int32, value v: Double, line l: Int32) {
        if count == capacity { resize(capacity * 2) }
        unit[count] = UInt32(u)
        indicator[count] = UInt32(i)
        period[count] = UInt16(truncatingIfNeeded: p)
        submitted[count] = s
        value[count] = v
        line[count] = UInt32(l)
        count += 1
    }

    /// Forgets the rows from `count` on (a unit judged as it was read), keeping the memory.
    mutating func truncate(to count: Int) { self.count = min(count, self.count) }

    /// Gives back the unused tail once reading is done.
    mutating func shrinkToFit() { if count < capacity { resize(max(count, 1)) } }

    private mutating func resize(_ n: Int) {
        unit = Self.reallocate(unit, n)
        indicator = Self.reallocate(indicator, n)
        period = Self.reallocate(period, n)
        submitted = Self.reallocate(submitted, n)
        value = Self.reallocate(value, n)
        line = Self.reallocate(line, n)
        capacity = n
    }

    private static func allocate<T>(_ n: Int) -> UnsafeMutablePointer<T> {
        guard let p = malloc(n * MemoryLayout<T>.stride) else { fatalError("out of memory reading data") }
        return p.assumingMemoryBound(to: T.self)
    }

    private static func reallocate<T>(_ p: UnsafeMutablePointer<T>, _ n: Int) -> UnsafeMutablePointer<T> {
        guard let q = realloc(p, n * MemoryLayout<T>.stride) else { fatalError("out of memory reading data") }
        return q.assumingMemoryBound(to: T.self)
    }

    var view: RowView {
        RowView(unit: unit, indicator: indicator, period: period, submitted: submitted, value: value, line: line, count: count)
    }

    func free() {
        Foundation.free(unit); Foundation.free(indicator); Foundation.free(period)
        Foundation.free(submitted); Foundation.free(value); Foundation.free(line)
    }

    /// Frees the unit and indicator columns, which only grouping reads: once rows are
    /// indexed by group their position says both (a third of the memory of the columns).
    mutating func dropGroupingColumns() {
        Foundation.free(unit); Foundation.free(indicator)
        unit = Self.allocate(1)
        indicator = Self.allocate(1)
    }
}

/// A cell remembered by its bytes (up to 16) with what it was read as.
struct LastCell: Sendable {
    /// Cells of 8 to 16 bytes: their first and last eight bytes (overlapping), two loads
    /// and no shifts, as every unit slug, period and date of the benchmark is; shorter
    /// ones: `ByteInterner.words`. The length tells which, and must match first.
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var count = -1
    private var result: Int32 = 0

    @inline(__always)
    private static func key(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let n = bytes.count
        guard n >= 8 else { return ByteInterner.words(bytes) }
        return (bytes.loadUnaligned(as: UInt64.self), bytes.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self))
    }

    @inline(__always)
    func match(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard bytes.count == count else { return nil }
        let (a, b) = Self.key(bytes)
        return a == low && b == high ? result : nil
    }

    @inline(__always)
    mutating func remember(_ bytes: UnsafeRawBufferPointer, _ value: Int32) {
        guard bytes.count <= 16 else { count = -1; return }
        (low, high) = Self.key(bytes)
        count = bytes.count
        result = value
    }
}

/// Owns a collector's columns once reading is done, and frees them with the data.
final class RowStorage: @unchecked Sendable {
    private(set) var columns: RowColumns
    var view: RowView { columns.view }

    init(taking columns: RowColumns) { self.columns = columns }

    /// After grouping (`ProgressData.merge`), before any thread reads the rows.
    func dropGroupingColumns() { columns.dropGroupingColumns() }

    deinit { columns.free() }
}

/// Read-only access to one piece's columns, valid while its `RowColumns` lives.
struct RowView: @unchecked Sendable {
    let unit: UnsafeMutablePointer<UInt32>
    let indicator: UnsafeMutablePointer<UInt32>
    let period: UnsafeMutablePointer<UInt16>
    let submitted: UnsafeMutablePointer<Int32>
    let value: UnsafeMutablePointer<Double>
    let line: UnsafeMutablePointer<UInt32>
    let count: Int

    /// The rows in `range`, without copying them.
    func rows(_ range: Range<Int>) -> RowView {
        let s = range.lowerBound
        return RowView(unit: unit + s, indicator: indicator + s, period: period + s, submitted: submitted + s,
                       value: value + s, line: line + s, count: range.count)
    }
}

/// A report being folded: the earliest submission (an undated row counts as on time) and
/// the indicators it carries.
struct SubmissionSlot: Sendable {
    /// Day number, or `ObservationCollector.noDate` once an undated row was seen.
    var date: Int32
    var line: Int32
    var indicators: [Int32] = []

    init(date: Int32, line: Int32) {
        self.date = date
        self.line = line
    }

    mutating func add(date d: Int32, line l: Int32) {
        guard date != ObservationCollector.noDate else { return }
        if d == ObservationCollector.noDate || d < date {
            date = d
            line = l
        }
    }

    mutating func addIndicator(_ i: Int32) {
        if indicators.last != i && !indicators.contains(i) { indicators.append(i) }
    }

    /// unit (32 bits) | report (16 bits) | period (16 bits).
    static func key(unit: Int32, report: Int32, period: Int32) -> UInt64 {
        UInt64(UInt32(unit)) << 32 | UInt64(UInt16(truncatingIfNeeded: report)) << 16 | UInt64(UInt16(truncatingIfNeeded: period))
    }
}
