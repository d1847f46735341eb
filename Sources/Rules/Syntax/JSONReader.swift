import Foundation

/// A strict RFC 8259 parser that keeps where every value was written.
///
/// It accepts exactly the JSON grammar (a UTF-8 byte order mark at the start is skipped)
/// and stops at the first syntax error, saying what was expected and what was found.
/// Duplicate keys are not syntax errors: they are kept, in order, and reported in
/// `JSONDocument.diagnostics`.
///
/// The parser is iterative, so nesting is bounded by `maximumDepth` rather than by the
/// thread's stack, and it builds no string twice, so multi-megabyte files parse in linear time.
public enum JSONReader {
    /// Deeper nesting is rejected: no plan needs it, and hostile input must not exhaust memory.
    public static let maximumDepth = 512
    public static let duplicateKeyCode = "json.duplicate-key"

    public static func parse(_ bytes: UnsafeRawBufferPointer, file: String) throws(JSONSyntaxError) -> JSONDocument {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw JSONSyntaxError(location: SourceLocation(file: file, line: 1, column: 1, path: JSONPath.root),
                                  message: LocalizedText(en: "expected a JSON value, found end of input",
                                                         vi: "cần một giá trị JSON, nhưng gặp cuối dữ liệu"),
                                  hint: LocalizedText(en: "the file is empty", vi: "tệp rỗng"))
        }
        var parser = JSONParser(base: base, count: bytes.count, file: file)
        let root = try parser.parseDocument()
        return JSONDocument(root: root, diagnostics: parser.duplicates)
    }

    public static func parse(_ bytes: [UInt8], file: String) throws(JSONSyntaxError) -> JSONDocument {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) in try parse(buffer, file: file) }
        }
        return try result.get()
    }

    public static func parse(_ data: Data, file: String) throws(JSONSyntaxError) -> JSONDocument {
        let result = data.withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) in try parse(buffer, file: file) }
        }
        return try result.get()
    }

    public static func parse(_ text: String, file: String) throws(JSONSyntaxError) -> JSONDocument {
        try parse(Array(text.utf8), file: file)
    }
}

// MARK: - The parser

private enum Byte {
    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), slash = UInt8(ascii: "/")
    static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":")
    static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    static let minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+"), dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
    static let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, tab: UInt8 = 0x09, space: UInt8 = 0x20
}

/// An object or array whose closing bracket has not been reached yet.
private struct Frame {
    var isObject: Bool
    var line: Int
    var column: Int
    var path: String
    var elements: [JSONNode] = []
    var members: [JSONMember] = []
    /// First index of each key, built only once an object is large enough for a linear
    /// search to hurt.
    var keyIndex: [String: Int] = [:]
    var key = ""
    var keyLine = 0
    var keyColumn = 0

    var opener: String { isObject ? "{" : "[" }
}

private struct JSONParser {
    let base: UnsafeRawPointer
    let count: Int
    let file: String
    var i = 0
    var line = 1
    var lineStart = 0
    /// The last offset whose column was computed, so that columns on one long line (a
    /// minified file) are counted incrementally rather than from the line start each time.
    var columnBase = 0
    var columnAtBase = 1
    var scratch: [UInt8] = []
    var duplicates: [Diagnostic] = []

    init(base: UnsafeRawPointer, count: Int, file: String) {
        self.base = base
        self.count = count
        self.file = file
    }

    /// The byte at `k`, or -1 past the end.
    @inline(__always) func at(_ k: Int) -> Int {
        k < count ? Int(base.load(fromByteOffset: k, as: UInt8.self)) : -1
    }

    @inline(__always) var current: Int { at(i) }

    @inline(__always) func isDigit(_ b: Int) -> Bool { b >= Int(Byte.zero) && b <= Int(Byte.nine) }

    // MARK: Positions

    /// Column of `offset`, which must lie on the current line.
    mutating func column(at offset: Int) -> Int {
        if columnBase < lineStart || offset < columnBase {
            columnBase = lineStart
            columnAtBase = 1
        }
        columnAtBase += UTF8Validation.scalarCount(base, from: columnBase, to: offset)
        columnBase = offset
        return columnAtBase
    }

    mutating func skipWhitespace() {
        while i < count {
            switch base.load(fromByteOffset: i, as: UInt8.self) {
            case Byte.space, Byte.tab:
                i += 1
            case Byte.lf:
                i += 1
                line += 1
                lineStart = i
            case Byte.cr:
                // CRLF is one line break; a lone CR is one too, as editors show it.
                i += 1
                if at(i) == Int(Byte.lf) { i += 1 }
                line += 1
                lineStart = i
            default:
                return
            }
        }
    }

    // MARK: Document

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        if count >= 3, at(0) == 0xEF, at(1) == 0xBB, at(2) == 0xBF {
            i = 3
            lineStart = 3
            columnBase = 3
        }
        var stack: [Frame] = []
        var path = JSONPath.root
        var node: JSONNode
        skipWhitespace()
        if i >= count {
            throw error(at: i, path: path,
                        LocalizedText(en: "expected a JSON value, found end of input",
                                      vi: "cần một giá trị JSON, nhưng gặp cuối dữ liệu"),
                        hint: LocalizedText(en: "the file is empty", vi: "tệp rỗng"))
        }
        parsing: while true {
            skipWhitespace()
            let startLine = line, startColumn = column(at: i)
            func make(_ value: JSONNode.Value) -> JSONNode {
                JSONNode(value, file: file, line: startLine, column: startColumn, path: path)
            }
            switch current {
            case Int(Byte.openBrace), Int(Byte.openBracket):
                let isObject = current == Int(Byte.openBrace)
                if stack.count >= JSONReader.maximumDepth {
                    throw error(at: i, path: path,
                                LocalizedText(en: "nesting is deeper than \(JSONReader.maximumDepth) levels",
                                              vi: "lồng nhau sâu quá \(JSONReader.maximumDepth) cấp"))
                }
                i += 1
                skipWhitespace()
                if current == Int(isObject ? Byte.closeBrace : Byte.closeBracket) {
                    i += 1
                    node = make(isObject ? .object([]) : .array([]))
                } else {
                    var frame = Frame(isObject: isObject, line: startLine, column: startColumn, path: path)
                    if isObject {
                        try readKey(into: &frame)
                        path = JSONPath.appending(key: frame.key, to: frame.path)
                    } else {
                        path = JSONPath.appending(index: 0, to: frame.path)
                    }
                    stack.append(frame)
                    continue parsing
                }
            case Int(Byte.quote):
                node = make(.string(try readString(path: path)))
            case Int(Byte.minus), Int(Byte.zero)...Int(Byte.nine):
                node = make(.number(try readNumber(path: path)))
            case Int(UInt8(ascii: "t")) where matches("true"):
                i += 4
                node = make(.bool(true))
            case Int(UInt8(ascii: "f")) where matches("false"):
                i += 5
                node = make(.bool(false))
            case Int(UInt8(ascii: "n")) where matches("null"):
                i += 4
                node = make(.null)
            default:
                throw unexpected(at: i, path: path,
                                 expected: LocalizedText(en: "a JSON value", vi: "một giá trị JSON"),
                                 hint: valueHint(at: i))
            }

            // A value is complete: hand it to its container, closing every container
            // whose closing bracket follows.
            while var frame = stack.popLast() {
                skipWhitespace()
                if frame.isObject { addMember(node, to: &frame) } else { frame.elements.append(node) }
                let closer = frame.isObject ? Byte.closeBrace : Byte.closeBracket
                switch current {
                case Int(Byte.comma):
                    let commaLine = line, commaColumn = column(at: i)
                    i += 1
                    skipWhitespace()
                    if current == Int(closer) {
                        throw JSONSyntaxError(
                            location: SourceLocation(file: file, line: commaLine, column: commaColumn, path: frame.path),
                            message: LocalizedText(en: "trailing comma is not allowed in JSON",
                                                   vi: "JSON không cho phép dấu phẩy thừa ở cuối"),
                            hint: LocalizedText(en: "remove the comma before '\(Character(Unicode.Scalar(closer)))'",
                                                vi: "xóa dấu phẩy trước '\(Character(Unicode.Scalar(closer)))'"))
                    }
                    if frame.isObject {
                        try readKey(into: &frame)
                        path = JSONPath.appending(key: frame.key, to: frame.path)
                    } else {
                        path = JSONPath.appending(index: frame.elements.count, to: frame.path)
                    }
                    stack.append(frame)
                    continue parsing
                case Int(closer):
                    i += 1
                    node = JSONNode(frame.isObject ? .object(frame.members) : .array(frame.elements),
                                    file: file, line: frame.line, column: frame.column, path: frame.path)
                    path = frame.path
                default:
                    let what = frame.isObject
                        ? LocalizedText(en: "',' or '}' after an object member",
                                        vi: "',' hoặc '}' sau một thành phần của đối tượng")
                        : LocalizedText(en: "',' or ']' after an array element",
                                        vi: "',' hoặc ']' sau một phần tử của mảng")
                    var hint: LocalizedText?
                    if current < 0 {
                        hint = LocalizedText(
                            en: "the '\(frame.opener)' at line \(frame.line), column \(frame.column) is never closed",
                            vi: "dấu '\(frame.opener)' ở dòng \(frame.line), cột \(frame.column) chưa được đóng")
                    } else if current == Int(Byte.quote) || (!frame.isObject && startsValue(current)) {
                        hint = LocalizedText(en: "a comma is missing before this", vi: "thiếu dấu phẩy trước chỗ này")
                    }
                    throw unexpected(at: i, path: frame.path, expected: what, hint: hint)
                }
            }
            break parsing
        }
        skipWhitespace()
        if i < count {
            throw unexpected(at: i, path: JSONPath.root,
                             expected: LocalizedText(en: "end of input after the JSON value",
                                                     vi: "cuối dữ liệu sau giá trị JSON"),
                             hint: LocalizedText(en: "a JSON file holds exactly one value; put several in an array",
                                                 vi: "một tệp JSON chỉ chứa đúng một giá trị; hãy đặt nhiều giá trị trong một mảng"))
        }
        return node
    }

    func startsValue(_ b: Int) -> Bool {
        b == Int(Byte.quote) || b == Int(Byte.openBrace) || b == Int(Byte.openBracket) || b == Int(Byte.minus)
            || isDigit(b) || b == Int(UInt8(ascii: "t")) || b == Int(UInt8(ascii: "f")) || b == Int(UInt8(ascii: "n"))
    }

    func matches(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= count else { return false }
        let w = word.utf8Start
        for k in 0..<n where base.load(fromByteOffset: i + k, as: UInt8.self) != w[k] { return false }
        return true
    }

    // MARK: Objects

    /// Reads `"key"` and the `:` after it; `i` is at the key's first byte.
    mutating func readKey(into frame: inout Frame) throws(JSONSyntaxError) {
        guard current == Int(Byte.quote) else {
            var hint: LocalizedText?
            let word = self.word(at: i)
            if !word.isEmpty, isLetter(current) {
                hint = LocalizedText(en: "write the key in double quotes: \"\(word)\"",
                                     vi: "viết khóa trong dấu ngoặc kép: \"\(word)\"")
            } else if current == Int(UInt8(ascii: "'")) {
                hint = LocalizedText(en: "JSON strings use double quotes", vi: "chuỗi JSON dùng dấu ngoặc kép")
            }
            throw unexpected(at: i, path: frame.path,
                             expected: LocalizedText(en: "a key in double quotes", vi: "một khóa trong dấu ngoặc kép"),
                             hint: hint)
        }
        frame.keyLine = line
        frame.keyColumn = column(at: i)
        frame.key = try readString(path: frame.path)
        skipWhitespace()
        guard current == Int(Byte.colon) else {
            throw unexpected(at: i, path: JSONPath.appending(key: frame.key, to: frame.path),
                             expected: LocalizedText(en: "':' after the object key", vi: "':' sau khóa của đối tượng"))
        }
        i += 1
    }

    mutating func addMember(_ value: JSONNode, to frame: inout Frame) {
        let member = JSONMember(key: frame.key, keyLine: frame.keyLine, keyColumn: frame.keyColumn, value: value)
        let first: Int?
        if frame.members.count < 16 {
            first = frame.members.firstIndex(where: { $0.key == member.key })
        } else {
            if frame.keyIndex.isEmpty {
                for (k, m) in frame.members.enumerated() where frame.keyIndex[m.key] == nil { frame.keyIndex[m.key] = k }
            }
            first = frame.keyIndex[member.key]
            if first == nil { frame.keyIndex[member.key] = frame.members.count }
        }
        if let first {
            let earlier = frame.members[first]
            duplicates.append(.error(
                JSONReader.duplicateKeyCode, at: member.keyLocation,
                LocalizedText(en: "duplicate key '\(member.key)' (first at line \(earlier.keyLine), column \(earlier.keyColumn))",
                              vi: "khóa '\(member.key)' bị lặp lại (lần đầu ở dòng \(earlier.keyLine), cột \(earlier.keyColumn))"),
                hint: LocalizedText(en: "keep only one of them", vi: "chỉ giữ lại một khóa")))
        }
        frame.members.append(member)
    }

    // MARK: Strings

    /// Reads a string; `i` is at its opening quote.
    mutating func readString(path: String) throws(JSONSyntaxError) -> String {
        let open = i
        i += 1
        let start = i
        // Most strings have no escapes: they become a String straight from the input.
        while i < count {
            let b = base.load(fromByteOffset: i, as: UInt8.self)
            if b == Byte.quote {
                let s = String(decoding: UnsafeRawBufferPointer(start: base + start, count: i - start), as: UTF8.self)
                i += 1
                return s
            }
            if b == Byte.backslash { break }
            try stepOverCharacter(b, open: open, path: path)
        }
        guard i < count else { throw unterminatedString(open: open, path: path) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeRawBufferPointer(start: base + start, count: i - start))
        while i < count {
            let b = base.load(fromByteOffset: i, as: UInt8.self)
            if b == Byte.quote {
                i += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b == Byte.backslash {
                try readEscape(open: open, path: path)
            } else {
                let from = i
                try stepOverCharacter(b, open: open, path: path)
                scratch.append(contentsOf: UnsafeRawBufferPointer(start: base + from, count: i - from))
            }
        }
        throw unterminatedString(open: open, path: path)
    }

    /// Moves past one unescaped character of a string, rejecting control characters and
    /// invalid UTF-8.
    @inline(__always)
    mutating func stepOverCharacter(_ b: UInt8, open: Int, path: String) throws(JSONSyntaxError) {
        if b >= 0x20 && b < 0x80 {
            i += 1
        } else if b < 0x20 {
            if b == Byte.lf || b == Byte.cr {
                throw unterminatedString(open: open, path: path,
                                         hint: LocalizedText(en: "a line break inside a string is written '\\n'",
                                                             vi: "xuống dòng trong chuỗi phải viết là '\\n'"))
            }
            let code = hex2(b)
            let escape = b == Byte.tab ? "\\t" : b == 0x08 ? "\\b" : b == 0x0C ? "\\f" : "\\u00\(code)"
            throw error(at: i, path: path,
                        LocalizedText(en: "control character U+00\(code) is not allowed in a string",
                                      vi: "chuỗi không được chứa ký tự điều khiển U+00\(code)"),
                        hint: LocalizedText(en: "write it as '\(escape)'", vi: "hãy viết là '\(escape)'"))
        } else {
            guard let length = UTF8Validation.sequenceLength(base, at: i, count: count) else {
                throw invalidUTF8(at: i, path: path)
            }
            i += length
        }
    }

    /// Reads one escape into `scratch`; `i` is at the backslash.
    mutating func readEscape(open: Int, path: String) throws(JSONSyntaxError) {
        let escape = i
        i += 1
        let b = current
        let simple: UInt8? = switch b {
        case Int(Byte.quote): Byte.quote
        case Int(Byte.backslash): Byte.backslash
        case Int(Byte.slash): Byte.slash
        case Int(UInt8(ascii: "b")): 0x08
        case Int(UInt8(ascii: "f")): 0x0C
        case Int(UInt8(ascii: "n")): Byte.lf
        case Int(UInt8(ascii: "r")): Byte.cr
        case Int(UInt8(ascii: "t")): Byte.tab
        default: nil
        }
        if let simple {
            scratch.append(simple)
            i += 1
            return
        }
        guard b == Int(UInt8(ascii: "u")) else {
            if b < 0 { throw unterminatedString(open: open, path: path) }
            throw error(at: escape, path: path,
                        LocalizedText(en: "invalid escape '\\\(describeEscaped(at: i))' in a string",
                                      vi: "chuỗi chứa chuỗi thoát không hợp lệ '\\\(describeEscaped(at: i))'"),
                        hint: LocalizedText(en: "JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; a backslash itself is written '\\\\'",
                                            vi: "JSON chỉ cho phép \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; dấu gạch chéo ngược viết là '\\\\'"))
        }
        i += 1
        var scalar = try hex4(escape: escape, path: path)
        if (0xDC00...0xDFFF).contains(scalar) {
            throw loneSurrogate(scalar, at: escape, path: path)
        }
        if (0xD800...0xDBFF).contains(scalar) {
            // Characters beyond the BMP are written as a UTF-16 pair: \uD83D\uDE00.
            guard at(i) == Int(Byte.backslash), at(i + 1) == Int(UInt8(ascii: "u")) else {
                throw loneSurrogate(scalar, at: escape, path: path)
            }
            let second = i
            i += 2
            let low = try hex4(escape: second, path: path)
            guard (0xDC00...0xDFFF).contains(low) else { throw loneSurrogate(scalar, at: escape, path: path) }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw loneSurrogate(scalar, at: escape, path: path) }
        scratch.append(contentsOf: unicode.utf8)
    }

    mutating func hex4(escape: Int, path: String) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for k in 0..<4 {
            let b = at(i + k)
            let digit: Int
            switch b {
            case Int(Byte.zero)...Int(Byte.nine): digit = b - Int(Byte.zero)
            case Int(UInt8(ascii: "a"))...Int(UInt8(ascii: "f")): digit = b - Int(UInt8(ascii: "a")) + 10
            case Int(UInt8(ascii: "A"))...Int(UInt8(ascii: "F")): digit = b - Int(UInt8(ascii: "A")) + 10
            default:
                throw unexpected(at: i + k, path: path,
                                 expected: LocalizedText(en: "four hex digits after '\\u'", vi: "bốn chữ số hex sau '\\u'"))
            }
            value = value << 4 | UInt32(digit)
        }
        i += 4
        return value
    }

    mutating func loneSurrogate(_ scalar: UInt32, at offset: Int, path: String) -> JSONSyntaxError {
        let text = "\\u" + String(scalar, radix: 16, uppercase: true)
        return error(at: offset, path: path,
                     LocalizedText(en: "lone surrogate '\(text)' in a string", vi: "chuỗi chứa nửa cặp thay thế lẻ '\(text)'"),
                     hint: LocalizedText(en: "a character beyond U+FFFF is written as a pair such as '\\uD83D\\uDE00'",
                                         vi: "ký tự ngoài U+FFFF phải viết thành một cặp, ví dụ '\\uD83D\\uDE00'"))
    }

    mutating func unterminatedString(open: Int, path: String, hint: LocalizedText? = nil) -> JSONSyntaxError {
        error(at: open, path: path, LocalizedText(en: "unterminated string", vi: "chuỗi chưa được đóng"),
              hint: hint ?? LocalizedText(en: "close the string with '\"'", vi: "đóng chuỗi bằng '\"'"))
    }

    // MARK: Numbers

    /// Reads `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func readNumber(path: String) throws(JSONSyntaxError) -> JSONNumber {
        let start = i
        if current == Int(Byte.minus) { i += 1 }
        if current == Int(Byte.zero) {
            i += 1
            if isDigit(current) {
                throw error(at: start, path: path,
                            LocalizedText(en: "leading zeros are not allowed in JSON numbers",
                                          vi: "số JSON không được có chữ số 0 ở đầu"),
                            hint: LocalizedText(en: "write the number without them, or as a string if it is a code",
                                                vi: "bỏ các số 0 ở đầu, hoặc viết thành chuỗi nếu đó là một mã"))
            }
        } else if isDigit(current) {
            while isDigit(current) { i += 1 }
        } else {
            let word = self.word(at: i)
            throw unexpected(at: i, path: path, expected: LocalizedText(en: "a digit after '-'", vi: "một chữ số sau '-'"),
                             hint: word == "Infinity" ? notANumberHint : nil)
        }
        if current == Int(Byte.dot) {
            i += 1
            guard isDigit(current) else {
                throw unexpected(at: i, path: path,
                                 expected: LocalizedText(en: "a digit after the decimal point", vi: "một chữ số sau dấu thập phân"))
            }
            while isDigit(current) { i += 1 }
        }
        if current == Int(UInt8(ascii: "e")) || current == Int(UInt8(ascii: "E")) {
            i += 1
            if current == Int(Byte.plus) || current == Int(Byte.minus) { i += 1 }
            guard isDigit(current) else {
                throw unexpected(at: i, path: path,
                                 expected: LocalizedText(en: "a digit in the exponent", vi: "một chữ số trong số mũ"))
            }
            while isDigit(current) { i += 1 }
        }
        let literal = String(decoding: UnsafeRawBufferPointer(start: base + start, count: i - start), as: UTF8.self)
        guard let value = Double(literal), value.isFinite else {
            throw error(at: start, path: path,
                        LocalizedText(en: "number '\(literal)' is too large", vi: "số '\(literal)' quá lớn"))
        }
        return JSONNumber(literal: literal, double: value)
    }

    var notANumberHint: LocalizedText {
        LocalizedText(en: "NaN and Infinity are not JSON numbers", vi: "NaN và Infinity không phải là số JSON")
    }

    // MARK: Errors

    mutating func error(at offset: Int, path: String, _ message: LocalizedText, hint: LocalizedText? = nil) -> JSONSyntaxError {
        JSONSyntaxError(location: SourceLocation(file: file, line: line, column: column(at: offset), path: path),
                        message: message, hint: hint)
    }

    /// "expected X, found Y", or the message that says what Y really is (a comment).
    mutating func unexpected(at offset: Int, path: String, expected: LocalizedText,
                             hint: LocalizedText? = nil) -> JSONSyntaxError {
        if at(offset) == Int(Byte.slash), at(offset + 1) == Int(Byte.slash) || at(offset + 1) == Int(UInt8(ascii: "*")) {
            return error(at: offset, path: path,
                         LocalizedText(en: "comments are not allowed in JSON", vi: "JSON không cho phép chú thích"),
                         hint: LocalizedText(en: "move the comment into a \"notes\" entry or remove it",
                                             vi: "chuyển chú thích vào mục \"notes\" hoặc xóa đi"))
        }
        let found = describe(at: offset)
        var hint = hint
        if hint == nil, at(offset) >= 0x80, UTF8Validation.sequenceLength(base, at: offset, count: count) == nil {
            hint = LocalizedText(en: "save the file as UTF-8", vi: "hãy lưu tệp ở dạng UTF-8")
        }
        return error(at: offset, path: path,
                     LocalizedText(en: "expected \(expected.en), found \(found.en)",
                                   vi: "cần \(expected.vi), nhưng gặp \(found.vi)"),
                     hint: hint)
    }

    mutating func invalidUTF8(at offset: Int, path: String) -> JSONSyntaxError {
        error(at: offset, path: path,
              LocalizedText(en: "invalid UTF-8 (byte 0x\(hex2(UInt8(at(offset)))))",
                            vi: "UTF-8 không hợp lệ (byte 0x\(hex2(UInt8(at(offset)))))"),
              hint: LocalizedText(en: "save the file as UTF-8", vi: "hãy lưu tệp ở dạng UTF-8"))
    }

    /// What stands at `offset`, for "found …": a quoted character or word, or a name for
    /// what cannot be quoted.
    func describe(at offset: Int) -> LocalizedText {
        let b = at(offset)
        if b < 0 { return LocalizedText(en: "end of input", vi: "cuối dữ liệu") }
        if b < 0x20 || b == 0x7F {
            let code = hex2(UInt8(b))
            return LocalizedText(en: "control character U+00\(code)", vi: "ký tự điều khiển U+00\(code)")
        }
        let word = self.word(at: offset)
        if !word.isEmpty { return LocalizedText(verbatim: "'\(word)'") }
        if b < 0x80 { return LocalizedText(verbatim: "'\(Character(Unicode.Scalar(UInt8(b))))'") }
        guard let length = UTF8Validation.sequenceLength(base, at: offset, count: count) else {
            return LocalizedText(en: "invalid UTF-8 (byte 0x\(hex2(UInt8(b))))", vi: "UTF-8 không hợp lệ (byte 0x\(hex2(UInt8(b))))")
        }
        let text = String(decoding: UnsafeRawBufferPointer(start: base + offset, count: length), as: UTF8.self)
        return LocalizedText(verbatim: "'\(text)'")
    }

    /// The escape character after a backslash, as text.
    func describeEscaped(at offset: Int) -> String {
        let b = at(offset)
        guard b >= 0x20 else { return "" }
        if b < 0x80 { return String(Character(Unicode.Scalar(UInt8(b)))) }
        guard let length = UTF8Validation.sequenceLength(base, at: offset, count: count) else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: base + offset, count: length), as: UTF8.self)
    }

    func isLetter(_ b: Int) -> Bool {
        (b >= Int(UInt8(ascii: "a")) && b <= Int(UInt8(ascii: "z"))) || (b >= Int(UInt8(ascii: "A")) && b <= Int(UInt8(ascii: "Z")))
    }

    /// The run of ASCII letters, digits and `_` at `offset` (at most 24), for messages
    /// that quote a bare word: `found 'True'`.
    func word(at offset: Int) -> String {
        var end = offset
        while end - offset < 24 {
            let b = at(end)
            guard isLetter(b) || isDigit(b) || b == Int(UInt8(ascii: "_")) else { break }
            end += 1
        }
        return String(decoding: UnsafeRawBufferPointer(start: base + offset, count: end - offset), as: UTF8.self)
    }

    /// A hint for a character that cannot start a value.
    func valueHint(at offset: Int) -> LocalizedText? {
        let word = self.word(at: offset)
        switch word {
        case "True", "False", "TRUE", "FALSE", "Null", "NULL", "None", "nil":
            return LocalizedText(en: "JSON literals are written in lower case: true, false, null",
                                 vi: "các hằng JSON viết thường: true, false, null")
        case "NaN", "Infinity":
            return notANumberHint
        case "":
            break
        default:
            if isLetter(at(offset)) {
                return LocalizedText(en: "write text in double quotes: \"\(word)\"", vi: "viết văn bản trong dấu ngoặc kép: \"\(word)\"")
            }
        }
        switch at(offset) {
        case Int(UInt8(ascii: "'")):
            return LocalizedText(en: "JSON strings use double quotes", vi: "chuỗi JSON dùng dấu ngoặc kép")
        case Int(Byte.dot):
            return LocalizedText(en: "a number starts with a digit, as in 0.5", vi: "số phải bắt đầu bằng chữ số, ví dụ 0.5")
        case Int(Byte.plus):
            return LocalizedText(en: "a JSON number has no '+' sign", vi: "số JSON không có dấu '+'")
        default:
            return nil
        }
    }
}

/// Two upper-case hex digits.
private func hex2(_ b: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
}
