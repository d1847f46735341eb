/// Why a CSV record (or, for an unterminated quoted field, the whole input) could not be
/// read, and where: the 1-based physical line and the column in characters.
///
/// `CSVReader` attaches record-level problems to the record (`CSVRecordView.problem`) and
/// carries on at the next line; it throws only `.unterminatedQuotedField`, which leaves
/// nothing after the opening quote that could be read reliably.
public struct CSVProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// `"abc"x`: a quoted field ends at its closing quote (RFC 4180 §2.5–2.7), so only a
        /// delimiter or a line break may follow. Record-level.
        case textAfterClosingQuote = "text-after-closing-quote"
        /// `ab"c`: a field that does not start with a quote may not contain one (RFC 4180 §2.5).
        /// Record-level.
        case quoteInUnquotedField = "quote-in-unquoted-field"
        /// Bytes that are not UTF-8 (RFC 3629). Record-level.
        case invalidUTF8 = "invalid-utf8"
        /// A quote opened and never closed before the end of the input. Fatal for the input;
        /// the position is the opening quote's.
        case unterminatedQuotedField = "unterminated-quoted-field"
    }

    public var kind: Kind
    public var line: Int
    public var column: Int
    public var message: LocalizedText
    public var hint: LocalizedText?

    public init(kind: Kind, line: Int, column: Int, message: LocalizedText, hint: LocalizedText? = nil) {
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// The problem as the `data.unreadable` error of `file`, at its line and column.
    public func diagnostic(file: String) -> Diagnostic {
        .error("data.unreadable", at: SourceLocation(file: file, line: line, column: column), message, hint: hint)
    }

    /// `3:7: unexpected quote '"' inside a field that does not start with one`.
    public var description: String { "\(line):\(column): \(message.en)" }

    /// The problem of `kind` at `offset` of `input`, with the wording that fits what stands there.
    static func make(_ kind: Kind, at offset: Int, in input: UnsafeRawBufferPointer, line: Int, column: Int,
                     delimiter: UInt8) -> CSVProblem {
        let delimiterText = String(UnicodeScalar(delimiter))
        switch kind {
        case .textAfterClosingQuote:
            let found = describe(at: offset, in: input)
            let isSpace = offset < input.count && (input[offset] == 0x20 || input[offset] == 0x09)
            return CSVProblem(
                kind: kind, line: line, column: column,
                message: LocalizedText(
                    en: "expected '\(delimiterText)' or the end of the line after the closing quote, found \(found.en)",
                    vi: "cần '\(delimiterText)' hoặc cuối dòng sau dấu ngoặc kép đóng, nhưng gặp \(found.vi)"),
                hint: isSpace
                    ? LocalizedText(en: "remove the space after the closing quote", vi: "xóa khoảng trắng sau dấu ngoặc kép đóng")
                    : LocalizedText(en: "a quote inside a quoted field is written twice: \"Xã \"\"Cao Minh\"\"\"",
                                    vi: "dấu ngoặc kép bên trong ô viết thành hai dấu: \"Xã \"\"Cao Minh\"\"\""))
        case .quoteInUnquotedField:
            return CSVProblem(
                kind: kind, line: line, column: column,
                message: LocalizedText(en: "unexpected quote '\"' inside a field that does not start with one",
                                       vi: "gặp dấu ngoặc kép '\"' giữa một ô không bắt đầu bằng dấu ngoặc kép"),
                hint: LocalizedText(
                    en: "put the whole field in quotes and write each quote inside it twice: \"Xã \"\"Cao Minh\"\"\"",
                    vi: "đặt cả ô trong ngoặc kép và viết mỗi dấu ngoặc kép bên trong thành hai: \"Xã \"\"Cao Minh\"\"\""))
        case .invalidUTF8:
            let byte = offset < input.count ? hex2(input[offset]) : "??"
            return CSVProblem(
                kind: kind, line: line, column: column,
                message: LocalizedText(en: "invalid UTF-8 (byte 0x\(byte))", vi: "UTF-8 không hợp lệ (byte 0x\(byte))"),
                hint: LocalizedText(en: "save the file as UTF-8", vi: "hãy lưu tệp ở dạng UTF-8"))
        case .unterminatedQuotedField:
            return CSVProblem(
                kind: kind, line: line, column: column,
                message: LocalizedText(en: "unterminated quoted field: the quote opened here is never closed",
                                       vi: "ô trong ngoặc kép chưa được đóng: dấu ngoặc kép mở ở đây không có dấu đóng"),
                hint: LocalizedText(en: "close the field with '\"'; a quote inside a field is written twice ('\"\"')",
                                    vi: "đóng ô bằng '\"'; dấu ngoặc kép bên trong ô viết thành hai ('\"\"')"))
        }
    }

    /// What stands at `offset`, for "found …".
    static func describe(at offset: Int, in input: UnsafeRawBufferPointer) -> LocalizedText {
        guard offset < input.count, let base = input.baseAddress else {
            return LocalizedText(en: "end of input", vi: "cuối dữ liệu")
        }
        let b = input[offset]
        if b < 0x20 || b == 0x7F {
            return LocalizedText(en: "control character U+00\(hex2(b))", vi: "ký tự điều khiển U+00\(hex2(b))")
        }
        if b == 0x20 { return LocalizedText(en: "a space", vi: "khoảng trắng") }
        guard let length = UTF8Validation.sequenceLength(base, at: offset, count: input.count) else {
            return LocalizedText(en: "invalid UTF-8 (byte 0x\(hex2(b)))", vi: "UTF-8 không hợp lệ (byte 0x\(hex2(b)))")
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: input[offset..<offset + length]), as: UTF8.self)
        return LocalizedText(verbatim: "'\(text)'")
    }

    /// Two upper-case hex digits.
    static func hex2(_ b: UInt8) -> String {
        let digits: StaticString = "0123456789ABCDEF"
        let d = digits.utf8Start
        return String(decoding: [d[Int(b >> 4)], d[Int(b & 0xF)]], as: UTF8.self)
    }
}
