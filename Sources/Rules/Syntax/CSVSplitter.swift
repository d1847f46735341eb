/// Cuts a CSV input into pieces that start at record boundaries, so that the pieces can be
/// read in parallel, each by its own `CSVReader`, with exact line numbers.
///
/// A line break is a record boundary when it lies outside quotes, which in RFC 4180 text
/// is exactly when the number of `"` bytes before it is even (`""` inside a quoted field
/// adds two). Text with a stray quote breaks that rule, and the reader reports it: when a
/// piece's reader ends with `resyncCount > 0`, the boundaries after that piece may be
/// wrong, and the rest of the input must be read sequentially from that piece's start
/// (which is a true boundary, since every piece before it was clean).
public enum CSVSplitter {
    /// A piece of the input: read `range` with
    /// `CSVReader(delimiter:firstLine: firstLine, atStartOfInput: range.lowerBound == 0)`.
    public struct Piece: Hashable, Sendable {
        public var range: Range<Int>
        /// The physical line on which the piece starts.
        public var firstLine: Int

        public init(range: Range<Int>, firstLine: Int) {
            self.range = range
            self.firstLine = firstLine
        }
    }

    /// At most `count` pieces of about equal size covering all of `input`, each starting
    /// just after a line break outside quotes (the first at 0). Fewer when the input has
    /// fewer such line breaks; one empty piece for an empty input.
    ///
    /// One pass over the input, eight bytes at a time, counting quotes and line breaks.
    public static func split(_ input: UnsafeRawBufferPointer, into count: Int, firstLine: Int = 1) -> [Piece] {
        let n = input.count
        guard let base = input.baseAddress, n > 0, count > 1 else {
            return [Piece(range: 0..<n, firstLine: firstLine)]
        }
        var pieces: [Piece] = []
        var pieceStart = 0
        var pieceLine = firstLine
        // Quotes and line breaks in 0..<counted.
        var counted = 0
        var quoteCount = 0
        var lineBreaks = 0
        for k in 1..<count {
            let target = n / count * k + min(k, n % count)
            guard target > counted else { continue }
            let counts = ByteSearch.countQuotesAndLineBreaks(in: base, from: counted, to: target, count: n)
            quoteCount += counts.quotes
            lineBreaks += counts.lineBreaks
            counted = target
            let last = input[target - 1]
            let targetIsBoundary = quoteCount & 1 == 0
                && (last == ByteSearch.lf || (last == ByteSearch.cr && input[target] != ByteSearch.lf))
            if !targetIsBoundary {
                counted = nextBoundary(in: input, from: target, quoteCount: &quoteCount, lineBreaks: &lineBreaks)
            }
            guard counted < n else { break }
            pieces.append(Piece(range: pieceStart..<counted, firstLine: pieceLine))
            pieceStart = counted
            pieceLine = firstLine + lineBreaks
        }
        pieces.append(Piece(range: pieceStart..<n, firstLine: pieceLine))
        return pieces
    }

    /// Just past the first line break at or after `from` that has an even number of
    /// quotes before it, or the end of `input`; counts what it passes.
    private static func nextBoundary(in input: UnsafeRawBufferPointer, from: Int, quoteCount: inout Int,
                                     lineBreaks: inout Int) -> Int {
        guard let base = input.baseAddress else { return from }
        let n = input.count
        let quotes = ByteSearch.splat(ByteSearch.quote), lfs = ByteSearch.splat(ByteSearch.lf)
        let crs = ByteSearch.splat(ByteSearch.cr)
        var i = from
        while i < n {
            let j = ByteSearch.first(in: base, from: i, to: n, quotes, lfs, crs)
            guard j < n else {
                let rest = ByteSearch.countQuotesAndLineBreaks(in: base, from: i, to: n, count: n)
                quoteCount += rest.quotes
                lineBreaks += rest.lineBreaks
                return n
            }
            i = j + 1
            if input[j] == ByteSearch.quote {
                quoteCount += 1
                continue
            }
            if input[j] == ByteSearch.cr && i < n && input[i] == ByteSearch.lf { i += 1 }
            lineBreaks += 1
            if quoteCount & 1 == 0 { return i }
        }
        return n
    }
}
