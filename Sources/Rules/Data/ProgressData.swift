/// One value of one unit's indicator for one period, after corrections (spec §6.1): what
/// the rules read.
public struct SeriesPoint: Hashable, Sendable {
    /// Index into `ProgressData.periods`.
    public var period: Int32
    /// The number reported; for a task indicator, the completion day (`CivilDate.dayNumber`)
    /// or NaN when the row says "not yet".
    public var value: Double
    /// The submission date written on the row, if any.
    public var submitted: CivilDate?
    public var file: Int32
    public var line: Int32

    public init(period: Int32, value: Double, submitted: CivilDate?, file: Int32, line: Int32) {
        self.period = period
        self.value = value
        self.submitted = submitted
        self.file = file
        self.line = line
    }
}

/// The report a unit submitted for one schedule and period: the earliest submission known.
public struct Submission: Hashable, Sendable {
    /// Nil when some row of the submission carries no date: it then counts as on time.
    public var date: CivilDate?
    public var file: Int32
    public var line: Int32
    /// The indicators the submission's rows give values for (for completeness checks;
    /// remembered only when a schedule `requires` some).
    public var indicators: Set<String>

    public init(date: CivilDate?, file: Int32, line: Int32, indicators: Set<String> = []) {
        self.date = date
        self.file = file
        self.line = line
        self.indicators = indicators
    }
}

/// A key for a submitted report: which schedule it was sent under (empty: no `report`
/// column or an empty cell, matched by period granularity).
public struct SubmissionKey: Hashable, Sendable {
    public var unit: String
    public var report: String
    public var period: Period

    public init(unit: String, report: String, period: Period) {
        self.unit = unit
        self.report = report
        self.period = period
    }
}

/// Everything known from the progress data on the as-of date, indexed for the rules:
/// values per unit and indicator (corrections applied when read, rows not yet known
/// dropped) and submissions per unit, schedule and period.
///
/// The values stay in the compact columns the readers filled (one piece per reader thread);
/// an index sorts the rows of each unit and indicator by period without moving them, so
/// memory holds the rows once (spec §6.1 work is done per series, when a rule asks).
public struct ProgressData: Sendable {
    public var files: [String]
    /// The distinct periods the data mentions; `SeriesPoint.period` indexes it.
    public let periods: [Period]
    /// Each period's last day and id, read for every series and every finding.
    let periodEnds: [Int32]
    let periodIDs: [String]
    /// The units present in the data, sorted.
    public let units: [String]
    public var submissions: [SubmissionKey: Submission]

    let unitIDs: [String: Int32]
    let indicatorNames: [String]
    let indicatorIDs: NameTable
    let pieces: [Piece]
    /// The pieces' columns as raw pointers: evaluation threads read rows without touching
    /// reference counts (`pieces` keeps the memory alive).
    let views: [RowView]
    let pieceFiles: [Int32]
    /// Row references (`piece << rowBits | row`) grouped by unit and indicator, each group in
    /// period order, rows of one period in file order.
    let order: [UInt32]
    /// How a row reference splits into piece and row: as few bits for the piece as the number
    /// of pieces needs, the rest for the row (`rowLayout`).
    let rowBits: UInt32
    let rowMask: UInt32
    /// Where each (unit × indicators + indicator) group starts in `order`; one extra entry.
    let groupStart: [Int32]

    /// The rows one reader thread kept, with ids already made global.
    struct Piece: Sendable {
        var file: Int32
        var storage: RowStorage
        var view: RowView { storage.view }
    }

    /// The bits a row needs in a reference when there are `pieces` pieces of at most
    /// `maxRows` rows each, or nil when 32 bits cannot hold both.
    static func rowLayout(pieces: Int, maxRows: Int) -> UInt32? {
        func bits(_ n: Int) -> Int { n <= 1 ? 0 : Int.bitWidth - (n - 1).leadingZeroBitCount }
        let pieceBits = max(1, bits(pieces))
        guard bits(maxRows) <= 32 - pieceBits else { return nil }
        return UInt32(32 - pieceBits)
    }

    static func derived(_ periods: [Period]) -> ([Int32], [String]) {
        (periods.map(\.end.dayNumber), periods.map(\.id))
    }

    public init() {
        files = []
        periods = []
        periodEnds = []
        periodIDs = []
        units = []
        submissions = [:]
        unitIDs = [:]
        indicatorNames = []
        indicatorIDs = NameTable([])
        pieces = []
        views = []
        pieceFiles = []
        order = []
        groupStart = [0]
        rowBits = 31
        rowMask = (1 << 31) - 1
    }

    init(files: [String], periods: [Period], units: [String], submissions: [SubmissionKey: Submission],
         indicatorNames: [String], pieces: [Piece], order: [UInt32], rowBits: UInt32, groupStart: [Int32]) {
        let (ends, ids) = Self.derived(periods)
        self.init(files: files, periods: periods, periodEnds: ends, periodIDs: ids, units: units, submissions: submissions,
                  indicatorNames: indicatorNames,
                  indicatorIDs: NameTable(indicatorNames),
                  pieces: pieces, views: pieces.map(\.view), pieceFiles: pieces.map(\.file), order: order, rowBits: rowBits,
                  groupStart: groupStart)
    }

    /// Every field given: `oneUnit` builds thousands of these and shares what it can.
    init(files: [String], periods: [Period], periodEnds: [Int32], periodIDs: [String], units: [String],
         submissions: [SubmissionKey: Submission], indicatorNames: [String], indicatorIDs: NameTable,
         pieces: [Piece], views: [RowView], pieceFiles: [Int32], order: [UInt32], rowBits: UInt32, groupStart: [Int32]) {
        self.files = files
        self.periods = periods
        self.periodEnds = periodEnds
        self.periodIDs = periodIDs
        self.units = units
        self.submissions = submissions
        self.unitIDs = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1, Int32($0)) })
        self.indicatorNames = indicatorNames
        self.indicatorIDs = indicatorIDs
        self.pieces = pieces
        self.views = views
        self.pieceFiles = pieceFiles
        self.order = order
        self.rowBits = rowBits
        self.rowMask = UInt32.max >> (32 - rowBits)
        self.groupStart = groupStart
    }

    /// The rows of one unit's indicator, as order entries.
    func group(unit: String, indicator: String) -> ArraySlice<UInt32> {
        group(unitID: unitIDs[unit], indicator: indicator)
    }

    /// The id of a unit in the data, to look it up once rather than once per rule.
    func unitID(_ unit: String) -> Int32? { unitIDs[unit] }

    func group(unitID: Int32?, indicator: String) -> ArraySlice<UInt32> {
        guard let u = unitID, let i = indicatorIDs[indicator] else { return [] }
        let g = Int(u) * indicatorNames.count + Int(i)
        return order[Int(groupStart[g])..<Int(groupStart[g + 1])]
    }

    /// One unit's values of one indicator, corrections applied (spec §6.1): of several rows
    /// for one period, the latest submission wins (a row without a date counts as submitted
    /// on its period's last day; on equal dates a dated row beats an undated one, and of rows
    /// with the same date the first). Rows that reported nothing are left out.
    public func series(unit: String, indicator: String) -> Series {
        series(unitID: unitIDs[unit], indicator: indicator)
    }

    /// `series(unit:indicator:)` for a unit already looked up: this runs for every rule of
    /// every unit, so it reads the columns through raw pointers and allocates only the points.
    func series(unitID: Int32?, indicator: String) -> Series {
        let rows = group(unitID: unitID, indicator: indicator)
        guard !rows.isEmpty else { return Series(points: [], periods: periods) }
        var points: [SeriesPoint] = []
        points.reserveCapacity(rows.count)
        let shift = rowBits, mask = rowMask
        periodEnds.withUnsafeBufferPointer { ends in
            views.withUnsafeBufferPointer { views in
                var currentPeriod: UInt16 = .max
                var bestRank: (Int32, Int) = (0, 0)
                var best: UInt32 = .max
                for ref in rows {
                    let p = Int(ref >> shift), r = Int(ref & mask)
                    let columns = views[p]
                    guard !RowColumns.isNoValue(columns.value[r]) else { continue }
                    let period = columns.period[r]
                    if period != currentPeriod {
                        if best != .max { points.append(point(best)) }
                        best = .max
                        currentPeriod = period
                    }
                    let rank = Self.rank(submitted: columns.submitted[r], periodEnd: ends[Int(period)])
                    if best == .max || rank > bestRank {
                        best = ref
                        bestRank = rank
                    }
                }
                if best != .max { points.append(point(best)) }
            }
        }
        return Series(points: points[...], periods: periods)
    }

    /// `series(unitID:indicator:).value(.latest, in: window, upTo: cutoff)?.value`, read
    /// straight from the rows without building the series: the passing target check of every
    /// rule of every unit asks this, and most ask nothing more.
    func latestValue(unitID: Int32?, indicator: String, in window: ClosedRange<CivilDate>, upTo cutoff: CivilDate) -> Double? {
        let rows = group(unitID: unitID, indicator: indicator)
        guard !rows.isEmpty else { return nil }
        let shift = rowBits, mask = rowMask
        let lower = window.lowerBound, last = min(window.upperBound, cutoff)
        return periodEnds.withUnsafeBufferPointer { ends in
            views.withUnsafeBufferPointer { views in
                // From the latest period back: of one period's rows (reading backwards, so the
                // first of equal rank is kept last) the best is the series' point.
                var i = rows.endIndex
                while i > rows.startIndex {
                    var period: UInt16 = .max
                    var bestRank: (Int32, Int) = (0, 0)
                    var best: Double?
                    var j = i
                    while j > rows.startIndex {
                        let ref = rows[j - 1]
                        let columns = views[Int(ref >> shift)], r = Int(ref & mask)
                        if period != .max && columns.period[r] != period { break }
                        j -= 1
                        period = columns.period[r]
                        let value = columns.value[r]
                        guard !RowColumns.isNoValue(value) else { continue }
                        let rank = Self.rank(submitted: columns.submitted[r], periodEnd: ends[Int(period)])
                        if best == nil || rank >= bestRank {
                            best = value
                            bestRank = rank
                        }
                    }
                    i = j
                    guard let value = best, !value.isNaN else { continue }
                    let p = periods[Int(period)]
                    if p.start >= lower && p.end <= last { return value }
                }
                return nil
            }
        }
    }

    /// How a row ranks among rows for one period: by submission date, a dated row above an
    /// undated one on the same date.
    static func rank(submitted: Int32, periodEnd: Int32) -> (Int32, Int) {
        submitted == ObservationCollector.noDate ? (periodEnd, 0) : (submitted, 1)
    }

    func locate(_ ref: UInt32) -> (piece: Int, row: Int) {
        (Int(ref >> rowBits), Int(ref & rowMask))
    }

    func point(_ ref: UInt32) -> SeriesPoint {
        let (p, r) = locate(ref)
        let c = views[p]
        return SeriesPoint(period: Int32(c.period[r]), value: c.value[r],
                           submitted: c.submitted[r] == ObservationCollector.noDate ? nil : CivilDate(dayNumber: c.submitted[r]),
                           file: pieceFiles[p], line: Int32(c.line[r]))
    }

    /// Indicators with at least one row for `unit`, sorted.
    public func indicators(of unit: String) -> [String] {
        guard let u = unitIDs[unit] else { return [] }
        let n = indicatorNames.count
        return (0..<n).filter { groupStart[Int(u) * n + $0 + 1] > groupStart[Int(u) * n + $0] }
            .map { indicatorNames[$0] }.sorted()
    }

    /// The first row (in file order) of a unit's indicator, for `unknown-indicator`.
    func firstRow(unit: Int32, indicator: Int32) -> (file: Int32, line: Int32)? {
        let g = Int(unit) * indicatorNames.count + Int(indicator)
        guard let ref = order[Int(groupStart[g])..<Int(groupStart[g + 1])].min() else { return nil }
        let (p, r) = locate(ref)
        return (pieceFiles[p], Int32(views[p].line[r]))
    }

    public func location(file: Int32, line: Int32) -> SourceLocation? {
        guard file >= 0, Int(file) < files.count else { return nil }
        return SourceLocation(file: files[Int(file)], line: line > 0 ? Int(line) : nil)
    }
}
