import Foundation

/// A look at a few stretches of a large CSV file before it is read: whether its rows seem to
/// come unit by unit, so that judging each unit while reading (`UnitJudging`) is worth
/// trying. A file sorted by period (every unit in January, then every unit in February)
/// would otherwise be found out of order only after a twelfth of it was read and its units
/// judged, and then be read again. The look is a guess, never a verdict: the reading itself
/// still checks every row's unit.
enum UnitOrderSample {
    /// Stretches looked at, spread over the file, and the bytes of each.
    static let stretches = 16
    static let stretchBytes = 1 << 16

    /// False when some unit, in the plain lines of the stretches taken in file order,
    /// appears again after another unit. Bytes are compared in place; only a change of unit
    /// is remembered (a stretch of a file in unit order holds one or two units).
    static func looksGrouped(_ source: ByteSource, _ body: Range<Int>, layout: CSVDataReader.Layout) -> Bool {
        guard let unitColumn = layout.unit, body.count > stretches * stretchBytes else { return true }
        let delimiter = layout.delimiter.rawValue
        var seen = Set<[UInt8]>()
        var current: [UInt8] = []
        let step = body.count / stretches
        for k in 0..<stretches {
            let start = body.lowerBound + k * step
            let bytes = source.bytes(start..<min(start + stretchBytes, body.upperBound))
            let grouped = bytes.withUnsafeBufferPointer { buffer -> Bool in
                guard let base = buffer.baseAddress else { return true }
                let n = buffer.count
                func lineEnd(from i: Int) -> Int? {
                    memchr(base + i, Int32(ByteSearch.lf), n - i).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
                }
                // The first line of a stretch and its last are most likely cut in two.
                var i = 0
                if k > 0 {
                    guard let first = lineEnd(from: 0) else { return true }
                    i = first + 1
                }
                while i < n {
                    guard let end = lineEnd(from: i) else { break }
                    defer { i = end + 1 }
                    // The unit cell: after `unitColumn` delimiters, read up to its end only;
                    // a quote before it skips the line (a guess needs no more).
                    var cell = i, column = 0, plain = true
                    var j = i
                    while j < end {
                        let b = buffer[j]
                        if b == ByteSearch.quote { plain = false; break }
                        if b == delimiter {
                            if column == unitColumn { break }
                            column += 1
                            cell = j + 1
                        }
                        j += 1
                    }
                    guard plain, column == unitColumn else { continue }
                    let unit = UnsafeBufferPointer(rebasing: buffer[cell..<j])
                    if unit.elementsEqual(current) { continue }
                    let bytes = Array(unit)
                    if !seen.insert(bytes).inserted { return false }
                    current = bytes
                }
                return true
            }
            if !grouped { return false }
        }
        return true
    }
}
