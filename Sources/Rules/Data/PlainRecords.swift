import Foundation

/// The fast lane of the CSV data reader: records that are one line of ASCII without quotes
/// (what nearly every row of a generated or exported data file is) are split here, eight
/// bytes at a time, and handed to the collector without going through the general reader.
/// Anything else — a quote, a byte outside ASCII, a lone CR, more cells than the header
/// has columns, the last line of the input without a line break — stops the lane at that
/// record, and `CSVReader` reads it; so every record is read exactly as `CSVReader` and
/// `CSVDataReader.take` read it, only sooner.
enum PlainRecords {
    /// The most cells a plain record may have (more go to the general reader).
    static let maxCells = 32

    /// Reads plain records of `chunk` from `start` until one is not plain or not complete,
    /// and returns its offset (`chunk.count` when all were read). `line` is the line of the
    /// record at `start`, moved on past what was read.
    static func read(_ chunk: UnsafeRawBufferPointer, from start: Int, line: inout Int,
                     layout: CSVDataReader.Layout, into collector: inout ObservationCollector) -> Int {
        guard let base = chunk.baseAddress else { return start }
        let n = chunk.count
        let columns = Columns(layout)
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: maxCells + 1) { cuts in
            var i = start
            while i < n {
                guard let next = readOne(base, n, from: i, line: &line, cuts: cuts, layout: layout, columns: columns,
                                         into: &collector) else { return i }
                i = next
            }
            return i
        }
    }

    /// Splits the one record at `i` if it is plain and complete, hands it on and returns
    /// the offset after its line break; nil when the lane must stop at it.
    @inline(__always)
    private static func readOne(_ base: UnsafeRawPointer, _ n: Int, from i: Int, line: inout Int,
                                cuts: UnsafeMutableBufferPointer<Int>, layout: CSVDataReader.Layout, columns: Columns,
                                into collector: inout ObservationCollector) -> Int? {
        guard let found = memchr(base + i, Int32(ByteSearch.lf), n - i) else { return nil }
        let lf = UnsafeRawPointer(found) - base
        var end = lf
        if end > i && base.load(fromByteOffset: end - 1, as: UInt8.self) == ByteSearch.cr { end -= 1 }
        if end > i {  // else an empty line: no record (as `CSVReader` skips it)
            let delimiter = layout.delimiter.rawValue
            let cellLimit = min(layout.columns, maxCells)
            // cuts[0] is the byte before the record, cuts[k] the delimiter after its cell k.
            var cells = 1
            cuts[0] = i &- 1
            var k = i
            let delimiters = ByteSearch.splat(delimiter), quotes = ByteSearch.splat(ByteSearch.quote)
            let crs = ByteSearch.splat(ByteSearch.cr), below = ByteSearch.splat(ByteSearch.quote &+ 1)
            while k &+ 8 <= end {
                let w = ByteSearch.load(base, k)
                // A byte below 0x23 or above 0x7F (rare: a space, a tab) asks the exact question.
                if ((w &- below) | w) & ByteSearch.highs != 0,
                   (w & ByteSearch.highs) | ByteSearch.matches(w, quotes) | ByteSearch.matches(w, crs) != 0 { return nil }
                var d = ByteSearch.exactMatches(w, delimiters)
                while d != 0 {
                    guard cells < cellLimit else { return nil }
                    cuts[cells] = k &+ d.trailingZeroBitCount >> 3
                    cells &+= 1
                    d &= d &- 1
                }
                k &+= 8
            }
            while k < end {
                let b = base.load(fromByteOffset: k, as: UInt8.self)
                if b >= 0x80 || b == ByteSearch.quote || b == ByteSearch.cr { return nil }
                if b == delimiter {
                    guard cells < cellLimit else { return nil }
                    cuts[cells] = k
                    cells &+= 1
                }
                k &+= 1
            }
            cuts[cells] = end
            take(base, cuts: cuts, cells: cells, line: line, columns: columns, layout: layout, into: &collector)
        }
        line += 1
        return lf + 1
    }

    /// The columns a row needs, when the header has them all: rows with every cell present
    /// take the collector's short way (`ObservationCollector.addPlain`).
    struct Columns {
        var unit = 0, period = 0, indicator = 0, value = 0, submitted = 0
        var report: Int?
        var complete = false

        init(_ layout: CSVDataReader.Layout) {
            guard let unit = layout.unit, let period = layout.period, let indicator = layout.indicator,
                  let value = layout.value, let submitted = layout.submitted else { return }
            (self.unit, self.period, self.indicator, self.value, self.submitted) = (unit, period, indicator, value, submitted)
            report = layout.report
            complete = true
        }
    }

    /// `CSVDataReader.take` for a plain record whose cells lie between `cuts` (exclusive).
    @inline(__always)
    private static func take(_ base: UnsafeRawPointer, cuts: UnsafeMutableBufferPointer<Int>, cells: Int, line: Int,
                             columns: Columns, layout: CSVDataReader.Layout, into collector: inout ObservationCollector) {
        @inline(__always) func bytes(_ index: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(start: base + cuts[index] + 1, count: cuts[index + 1] - cuts[index] - 1)
        }
        if columns.complete && cells == layout.columns
            && collector.addPlain(unit: bytes(columns.unit), period: bytes(columns.period), indicator: bytes(columns.indicator),
                                  value: bytes(columns.value), submitted: bytes(columns.submitted),
                                  report: columns.report.map(bytes), line: Int32(truncatingIfNeeded: line)) {
            return
        }
        func cell(_ index: Int?) -> UnsafeRawBufferPointer? {
            guard let index, index < cells else { return nil }
            return bytes(index)
        }
        var blank = true
        for c in 0..<cells where !CSVDataReader.isBlank(bytes(c)) {
            blank = false
            break
        }
        if blank { return }
        var row = DataRow(line: Int32(line))
        row.unit = cell(layout.unit).map(DataCell.bytes)
        row.period = cell(layout.period).map(DataCell.bytes)
        row.indicator = cell(layout.indicator).map(DataCell.bytes)
        row.value = cell(layout.value).map(DataCell.bytes)
        row.submitted = cell(layout.submitted).map(DataCell.bytes)
        row.report = cell(layout.report).map(DataCell.bytes)
        collector.add(row)
    }
}
