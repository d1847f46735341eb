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
    /// appears again after another unit.
    static func looksGrouped(_ source: ByteSource, _ body: Range<Int>, layout: CSVDataReader.Layout) -> Bool {
        guard let unitColumn = layout.unit, body.count > stretches * stretchBytes else { return true }
        var seen = Set<[UInt8]>()
        var current: [UInt8] = []
        let step = body.count / stretches
        for k in 0..<stretches {
            let start = body.lowerBound + k * step
            let bytes = source.bytes(start..<min(start + stretchBytes, body.upperBound))
            // The first line of a stretch and its last are most likely cut in two.
            let lines = bytes.split(separator: ByteSearch.lf, omittingEmptySubsequences: true).dropLast().dropFirst(k > 0 ? 1 : 0)
            for line in lines where !line.contains(ByteSearch.quote) {
                let cells = line.split(separator: layout.delimiter.rawValue, omittingEmptySubsequences: false)
                guard unitColumn < cells.count else { continue }
                let unit = Array(cells[unitColumn])
                guard unit != current else { continue }
                if !seen.insert(unit).inserted { return false }
                current = unit
            }
        }
        return true
    }
}
