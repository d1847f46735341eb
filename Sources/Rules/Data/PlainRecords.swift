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
        let delimiter = layout.delimiter.rawValue
        let delimiters = ByteSearch.splat(delimiter), quotes = ByteSearch.splat(ByteSearch.quote)
        let crs = ByteSearch.splat(ByteSearch.cr)
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: maxCells + 1) { cuts in
            var i = start
            while i < n {
                guard let found = memchr(base + i, Int32(ByteSearch.lf), n - i) else { return i }
                let lf = UnsafeRawPointer(found) - base
                var end = lf
                if end > i && base.load(fromByteOffset: end - 1, as: UInt8.self) == ByteSearch.cr { end -= 1 }
                if end == i {
                    // An empty line: no record (as `CSVReader` skips it).
                    i = lf + 1
                    line += 1
                    continue
                }
                // Cell boundaries: cuts[0] is the record's start, cuts[k] the delimiter after cell k.
                var cells = 0
                var k = i
                var plain = true
                scan: while k &+ 8 <= end {
                    let w = ByteSearch.load(base, k)
                    if (w & ByteSearch.highs) | ByteSearch.matches(w, quotes) | ByteSearch.matches(w, crs) != 0 {
                        plain = false
                        break scan
                    }
                    var d = ByteSearch.exactMatches(w, delimiters)
                    while d != 0 {
                        cells &+= 1
                        if cells > maxCells { plain = false; break scan }
                        cuts[cells] = k &+ d.trailingZeroBitCount >> 3
                        d &= d &- 1
                    }
                    k &+= 8
                }
                if plain {
                    while k < end {
                        let b = base.load(fromByteOffset: k, as: UInt8.self)
                        if b >= 0x80 || b == ByteSearch.quote || b == ByteSearch.cr { plain = false; break }
                        if b == delimiter {
                            cells &+= 1
                            if cells > maxCells { plain = false; break }
                            cuts[cells] = k
                        }
                        k &+= 1
                    }
                }
                cells &+= 1
                guard plain, cells <= layout.columns, cells <= maxCells else { return i }
                cuts[0] = i &- 1
                cuts[cells] = end
                take(base, cuts: cuts, cells: cells, line: line, layout: layout, into: &collector)
                i = lf + 1
                line += 1
            }
            return i
        }
    }

    /// `CSVDataReader.take` for a plain record whose cells lie between `cuts` (exclusive).
    @inline(__always)
    private static func take(_ base: UnsafeRawPointer, cuts: UnsafeMutableBufferPointer<Int>, cells: Int, line: Int,
                             layout: CSVDataReader.Layout, into collector: inout ObservationCollector) {
        func cell(_ index: Int?) -> UnsafeRawBufferPointer? {
            guard let index, index < cells else { return nil }
            return UnsafeRawBufferPointer(start: base + cuts[index] + 1, count: cuts[index + 1] - cuts[index] - 1)
        }
        var blank = true
        for c in 0..<cells where !CSVDataReader.isBlank(cell(c)!) {
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
