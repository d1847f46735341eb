/// A streaming RFC 4180 reader over bytes, built for data files of millions of rows.
///
/// What it reads (RFC 4180 with the customary extensions of spec §5):
/// - UTF-8, with an optional byte order mark at the start of the input;
/// - records ended by CRLF, LF or a lone CR (old Mac files; editors show it as a line
///   break too, so line numbers agree with what the user sees); the last record may or
///   may not end with a line break (§2.2);
/// - fields separated by `,` or `;` (`detectDelimiter(in:)` picks one from the header);
///   a delimiter at the end of a line ends one more, empty, field;
/// - fields in double quotes, holding delimiters, quotes written twice and line breaks
///   (§2.5–2.7); whitespace is part of a field (§2.4) and is left for the caller to trim;
/// - empty lines (no byte between two line breaks) are skipped: they hold no record, and
///   a spreadsheet's trailing empty line is not an error. A line of spaces is a record.
///
/// Problems in one record (a stray quote, text after a closing quote, invalid UTF-8) are
/// attached to that record and reading goes on at the next line; a quoted field still
/// open at the end of the input is thrown as `CSVProblem`, since everything after its
/// opening quote was swallowed by it.
///
/// Nothing is allocated per record or field: a field is a slice of the input, or of a
/// reusable scratch buffer when `""` had to be unescaped, and the scan for the next
/// special byte looks at eight bytes at a time.
///
/// Feed the input whole, or in chunks: `parse` returns how many bytes it consumed, up to
/// the end of the last complete record; carry the rest to the front of the next chunk.
/// Line numbers go on from chunk to chunk.
public struct CSVReader: ~Copyable {
    /// The field separators the tool reads.
    public enum Delimiter: UInt8, Sendable, CaseIterable {
        case comma = 0x2C
        case semicolon = 0x3B
    }

    public let delimiter: Delimiter
    /// The physical line (1-based) on which the next record starts; a caller that reads
    /// some records itself (`PlainRecords`) moves it on past them.
    public internal(set) var line: Int
    /// Records that ended early on a stray quote (reading went on at the next line).
    /// After such a record the parity of `"` no longer tells where records start, so a
    /// caller that split the input (`CSVDataReader.split`) must re-read sequentially from the
    /// piece where this is first non-zero.
    public private(set) var resyncCount = 0
    /// Whether a byte order mark may still come: at the start of the input only.
    private var atStartOfInput: Bool

    private var slots: UnsafeMutablePointer<CSVFieldSlot>
    private var slotCapacity: Int
    private var scratch: UnsafeMutableRawPointer
    private var scratchCapacity: Int

    /// - Parameters:
    ///   - firstLine: the line on which the input starts (for a piece of a split file).
    ///   - atStartOfInput: false for a piece that does not start the file, so that bytes
    ///     like a byte order mark are not skipped there.
    public init(delimiter: Delimiter = .comma, firstLine: Int = 1, atStartOfInput: Bool = true) {
        self.delimiter = delimiter
        self.line = firstLine
        self.atStartOfInput = atStartOfInput
        slotCapacity = 16
        slots = .allocate(capacity: slotCapacity)
        scratchCapacity = 256
        scratch = .allocate(byteCount: scratchCapacity, alignment: 1)
    }

    deinit {
        slots.deallocate()
        scratch.deallocate()
    }

    // MARK: - Delimiter

    /// `;` when the header line (the first non-empty line) has a `;` outside quotes and
    /// no `,`; otherwise `,` (also when it has both or neither).
    public static func detectDelimiter(in input: UnsafeRawBufferPointer) -> Delimiter {
        var i = hasByteOrderMark(input) ? 3 : 0
        while i < input.count, input[i] == ByteSearch.lf || input[i] == ByteSearch.cr { i += 1 }
        var inQuotes = false, comma = false, semicolon = false
        while i < input.count {
            let b = input[i]
            if b == ByteSearch.quote {
                inQuotes.toggle()  // `""` toggles twice and changes nothing
            } else if !inQuotes {
                if b == ByteSearch.lf || b == ByteSearch.cr { break }
                if b == Delimiter.comma.rawValue { comma = true }
                if b == Delimiter.semicolon.rawValue { semicolon = true }
            }
            i += 1
        }
        return semicolon && !comma ? .semicolon : .comma
    }

    static func hasByteOrderMark(_ input: UnsafeRawBufferPointer) -> Bool {
        input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF
    }

    // MARK: - Parsing

    /// Reads the complete records of `chunk`, handing each to `body`, and returns how
    /// many bytes they (and any empty lines after them) took.
    ///
    /// A record is complete when its line break has been seen, or at the end of the
    /// chunk when `isFinal`. The bytes after the returned count belong to a record that
    /// goes on in the next chunk: pass them again at its front. When nothing at all could
    /// be consumed, the chunk is smaller than one record: grow it (double it, so that a
    /// long record is not scanned again and again).
    ///
    /// - Throws: `CSVProblem` (`.unterminatedQuotedField`) when `isFinal` and a quoted
    ///   field is still open at the end; whatever `body` throws, which stops reading.
    /// With `limit`, returns after that many records (and the empty lines before them).
    public mutating func parse(_ chunk: UnsafeRawBufferPointer, isFinal: Bool, limit: Int = .max,
                               _ body: (borrowing CSVRecordView) throws -> Void) throws -> Int {
        var delivered = 0
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return 0 }
        let n = chunk.count
        var i = 0
        if atStartOfInput {
            var k = 0
            while k < 3 && k < n && chunk[k] == ByteSearch.byteOrderMark[k] { k += 1 }
            if k == 3 {
                i = 3
            } else if k == n && !isFinal {
                return 0  // the start of a byte order mark, or of a record that starts like one
            }
            atStartOfInput = false
        }
        var consumed = i
        let delimiter = self.delimiter.rawValue
        let delimiters = ByteSearch.splat(delimiter), quotes = ByteSearch.splat(ByteSearch.quote)
        let lfs = ByteSearch.splat(ByteSearch.lf), crs = ByteSearch.splat(ByteSearch.cr)
        // UTF-8 is checked a window ahead of the records (one pass, while the bytes are
        // still in cache): bytes before `validatedTo` were checked, and `invalidAt` is the
        // first invalid one among them at or after the current record (`n`: none).
        var validatedTo = i
        var invalidAt = n

        records: while i < n {
            let recordStart = i
            let first = base.load(fromByteOffset: i, as: UInt8.self)
            if first == ByteSearch.lf || first == ByteSearch.cr {
                // An empty line: no record.
                guard let after = Self.endOfLineBreak(at: i, in: base, count: n, isFinal: isFinal) else { break records }
                i = after
                line += 1
                consumed = i
                continue records
            }

            var fieldCount = 0
            var scratchUsed = 0
            var breaksInside = 0
            var problem: CSVProblem.Kind? = nil
            var problemAt = 0
            var contentEnd = n

            fields: while true {
                if fieldCount == slotCapacity { growSlots() }
                let fieldStart = i
                if i < n && base.load(fromByteOffset: i, as: UInt8.self) == ByteSearch.quote {
                    // A quoted field (RFC 4180 §2.5–2.7).
                    i += 1
                    var runStart = i
                    var unescaped = false
                    var scratchStart = 0
                    quoted: while true {
                        i = ByteSearch.first(in: base, from: i, to: n, quotes, lfs, crs)
                        if i >= n {
                            guard isFinal else { break records }
                            let (l, c) = CSVRecordView.position(at: fieldStart, in: chunk, from: recordStart, line: line)
                            throw CSVProblem.make(.unterminatedQuotedField, at: fieldStart, in: chunk, line: l, column: c,
                                                  delimiter: delimiter)
                        }
                        let b = base.load(fromByteOffset: i, as: UInt8.self)
                        if b == ByteSearch.quote {
                            if i + 1 < n {
                                if base.load(fromByteOffset: i + 1, as: UInt8.self) == ByteSearch.quote {
                                    // `""` is one quote (§2.7): copy what came before it, and one quote.
                                    if !unescaped {
                                        unescaped = true
                                        scratchStart = scratchUsed
                                    }
                                    appendScratch(base + runStart, count: i + 1 - runStart, at: &scratchUsed)
                                    i += 2
                                    runStart = i
                                    continue quoted
                                }
                            } else if !isFinal {
                                break records  // `"` at the end: a closing quote or the first of `""`
                            }
                            break quoted
                        }
                        // A line break inside the field.
                        guard let after = Self.endOfLineBreak(at: i, in: base, count: n, isFinal: isFinal) else { break records }
                        i = after
                        breaksInside += 1
                    }
                    // `i` is at the closing quote.
                    if unescaped {
                        appendScratch(base + runStart, count: i - runStart, at: &scratchUsed)
                        slots[fieldCount] = CSVFieldSlot(start: scratchStart, end: scratchUsed, rawStart: fieldStart,
                                                         storage: .unescaped)
                    } else {
                        slots[fieldCount] = CSVFieldSlot(start: fieldStart + 1, end: i, rawStart: fieldStart, storage: .quoted)
                    }
                    fieldCount += 1
                    i += 1
                    if i >= n {
                        guard isFinal else { break records }
                        contentEnd = n
                        break fields
                    }
                    let b = base.load(fromByteOffset: i, as: UInt8.self)
                    if b == delimiter {
                        i += 1
                        continue fields
                    }
                    if b == ByteSearch.lf || b == ByteSearch.cr {
                        contentEnd = i
                        break fields
                    }
                    problem = .textAfterClosingQuote
                    problemAt = i
                } else {
                    let j = ByteSearch.first(in: base, from: i, to: n, delimiters, quotes, lfs, crs)
                    if j >= n {
                        guard isFinal else { break records }
                        slots[fieldCount] = CSVFieldSlot(start: i, end: n, rawStart: i, storage: .plain)
                        fieldCount += 1
                        contentEnd = n
                        break fields
                    }
                    let b = base.load(fromByteOffset: j, as: UInt8.self)
                    if b == ByteSearch.quote {
                        problem = .quoteInUnquotedField
                        problemAt = j
                    } else {
                        slots[fieldCount] = CSVFieldSlot(start: i, end: j, rawStart: i, storage: .plain)
                        fieldCount += 1
                        if b == delimiter {
                            i = j + 1
                            continue fields
                        }
                        contentEnd = j
                        break fields
                    }
                }
                // A stray quote: the quotes after it cannot be trusted, so the record ends
                // at the next line break, quoted or not.
                contentEnd = ByteSearch.first(in: base, from: problemAt, to: n, lfs, crs, crs)
                if contentEnd >= n && !isFinal { break records }
                resyncCount += 1
                break fields
            }

            // The record's line break.
            var next = n
            if contentEnd < n {
                guard let after = Self.endOfLineBreak(at: contentEnd, in: base, count: n, isFinal: isFinal) else { break records }
                next = after
            }

            if problem == nil {
                if invalidAt < recordStart {
                    // The invalid byte found was in an earlier record: look again from here.
                    invalidAt = n
                    validatedTo = recordStart
                }
                while invalidAt == n && validatedTo < contentEnd {
                    // Reading one record at a time (`limit`), check just that record.
                    var windowEnd = min(n, limit == .max ? validatedTo + CSVReader.validationWindow : max(contentEnd, validatedTo + 1))
                    // Never cut a sequence: end the window before a byte that starts one.
                    while windowEnd < n && base.load(fromByteOffset: windowEnd, as: UInt8.self) & 0xC0 == 0x80 { windowEnd += 1 }
                    let window = UnsafeRawBufferPointer(start: base + validatedTo, count: windowEnd - validatedTo)
                    if let k = UTF8Validation.firstInvalidOffset(in: window) { invalidAt = validatedTo + k }
                    validatedTo = windowEnd
                }
                if invalidAt < contentEnd {
                    problem = .invalidUTF8
                    problemAt = invalidAt
                }
            }

            let recordLine = line
            line += breaksInside + (contentEnd < n ? 1 : 0)
            i = next
            consumed = next
            let view = CSVRecordView(input: chunk, base: base, scratch: UnsafeRawPointer(scratch), slots: slots,
                                     count: fieldCount, line: recordLine, start: recordStart, end: contentEnd,
                                     problemKind: problem, problemOffset: problemAt, delimiter: delimiter)
            try body(view)
            delivered += 1
            if delivered == limit { return consumed }
        }
        return consumed
    }

    /// How far ahead UTF-8 is checked at a time: small enough to stay in cache for the
    /// parse that follows.
    static let validationWindow = 32_768

    /// Just past the line break (LF, CRLF or CR) at `i`, or nil for a CR at the end of a
    /// chunk that is not the last: whether an LF follows, only the next chunk tells.
    @inline(__always)
    private static func endOfLineBreak(at i: Int, in base: UnsafeRawPointer, count n: Int, isFinal: Bool) -> Int? {
        if base.load(fromByteOffset: i, as: UInt8.self) == ByteSearch.lf { return i + 1 }
        if i + 1 < n { return base.load(fromByteOffset: i + 1, as: UInt8.self) == ByteSearch.lf ? i + 2 : i + 1 }
        return isFinal ? i + 1 : nil
    }

    // MARK: - Buffers

    private mutating func growSlots() {
        let bigger = UnsafeMutablePointer<CSVFieldSlot>.allocate(capacity: slotCapacity * 2)
        bigger.moveInitialize(from: slots, count: slotCapacity)
        slots.deallocate()
        slots = bigger
        slotCapacity *= 2
    }

    @inline(__always)
    private mutating func appendScratch(_ source: UnsafeRawPointer, count: Int, at used: inout Int) {
        if used + count > scratchCapacity {
            var capacity = scratchCapacity * 2
            while capacity < used + count { capacity *= 2 }
            let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 1)
            bigger.copyMemory(from: scratch, byteCount: used)
            scratch.deallocate()
            scratch = bigger
            scratchCapacity = capacity
        }
        (scratch + used).copyMemory(from: source, byteCount: count)
        used += count
    }
}
