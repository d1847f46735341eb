/// Where one field lies: in the input, or (a quoted field with `""` inside) in the
/// reader's scratch buffer after unescaping.
struct CSVFieldSlot {
    enum Storage: UInt8 {
        case plain, quoted, unescaped
    }

    /// Content bounds: input offsets, or scratch offsets for `.unescaped`.
    var start: Int
    var end: Int
    /// The field's first byte in the input (its opening quote when quoted), for positions.
    var rawStart: Int
    var storage: Storage
}

/// One record as `CSVReader` hands it to its caller: the fields as byte slices, valid only
/// inside the callback (they point into the input and into the reader's scratch buffer).
///
/// Nothing is decoded or copied until asked for; `string(_:)` builds a `String`, and the
/// positions of fields and of a problem are worked out on demand from the input, because
/// only diagnostics need them.
public struct CSVRecordView: ~Copyable {
    let input: UnsafeRawBufferPointer
    let base: UnsafeRawPointer
    let scratch: UnsafeRawPointer
    let slots: UnsafePointer<CSVFieldSlot>
    /// The record's text in the input: from its first byte to its line break (excluded).
    let start: Int
    let end: Int
    let problemKind: CSVProblem.Kind?
    let problemOffset: Int
    let delimiter: UInt8

    /// The number of fields. When `problem` is set, only the fields before the problem
    /// are here, and the caller should not use them as data.
    public let count: Int
    /// The physical line (1-based) on which the record starts.
    public let line: Int

    init(input: UnsafeRawBufferPointer, base: UnsafeRawPointer, scratch: UnsafeRawPointer, slots: UnsafePointer<CSVFieldSlot>, count: Int,
         line: Int, start: Int, end: Int, problemKind: CSVProblem.Kind?, problemOffset: Int, delimiter: UInt8) {
        self.input = input
        self.base = base
        self.scratch = scratch
        self.slots = slots
        self.count = count
        self.line = line
        self.start = start
        self.end = end
        self.problemKind = problemKind
        self.problemOffset = problemOffset
        self.delimiter = delimiter
    }

    /// The bytes of field `index` (0-based): without enclosing quotes, `""` read as `"`,
    /// line breaks inside a quoted field kept as written, whitespace kept.
    public subscript(index: Int) -> UnsafeRawBufferPointer {
        precondition(index >= 0 && index < count, "CSV field index \(index) out of range 0..<\(count)")
        let slot = slots[index]
        let origin = slot.storage == .unescaped ? scratch : base
        return UnsafeRawBufferPointer(start: origin + slot.start, count: slot.end - slot.start)
    }

    /// Field `index` as a `String` (invalid UTF-8, which only a record with a problem can
    /// hold, is repaired with U+FFFD).
    public func string(_ index: Int) -> String {
        String(decoding: self[index], as: UTF8.self)
    }

    /// Whether field `index` was enclosed in quotes.
    public func isQuoted(_ index: Int) -> Bool {
        precondition(index >= 0 && index < count, "CSV field index \(index) out of range 0..<\(count)")
        return slots[index].storage != .plain
    }

    /// The record as written, without its line break: quotes, delimiters and all.
    public var text: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: input[start..<end])
    }

    /// Where field `index`'s bytes lie in `text`, or nil when they had to be unescaped
    /// (a quoted field with `""` inside). Lets a caller decode `text` once and slice it.
    public func textRange(ofField index: Int) -> Range<Int>? {
        precondition(index >= 0 && index < count, "CSV field index \(index) out of range 0..<\(count)")
        let slot = slots[index]
        guard slot.storage != .unescaped else { return nil }
        return (slot.start - start)..<(slot.end - start)
    }

    /// The 1-based physical line and column (in Unicode scalars, as an editor counts
    /// characters) of field `index`'s first character (its opening quote when quoted).
    public func position(ofField index: Int) -> (line: Int, column: Int) {
        precondition(index >= 0 && index < count, "CSV field index \(index) out of range 0..<\(count)")
        return position(at: slots[index].rawStart)
    }

    /// A stray quote or invalid UTF-8 in this record, with its position; nil for a good record.
    public var problem: CSVProblem? {
        guard let problemKind else { return nil }
        let (line, column) = position(at: problemOffset)
        return CSVProblem.make(problemKind, at: problemOffset, in: input, line: line, column: column, delimiter: delimiter)
    }

    /// Line and column of `offset`, counted from the record's start, which is the start
    /// of a line (after a byte order mark, for the first record of a file).
    func position(at offset: Int) -> (line: Int, column: Int) {
        CSVRecordView.position(at: offset, in: input, from: start, line: line)
    }

    static func position(at offset: Int, in input: UnsafeRawBufferPointer, from lineStart: Int, line: Int)
        -> (line: Int, column: Int) {
        guard let base = input.baseAddress else { return (line, 1) }
        var line = line
        var lineStart = lineStart
        var k = lineStart
        while k < offset {
            let b = input[k]
            if b == 0x0A || b == 0x0D {
                if b == 0x0D && k + 1 < input.count && input[k + 1] == 0x0A { k += 1 }
                line += 1
                lineStart = k + 1
            }
            k += 1
        }
        return (line, UTF8Validation.scalarCount(base, from: lineStart, to: offset) + 1)
    }
}
