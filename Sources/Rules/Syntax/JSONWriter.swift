/// Writes `JSONValue`s as RFC 8259 text, byte-for-byte the same for the same value.
///
/// Strings are escaped as RFC 8259 §7 requires (`"`, `\`, control characters), plus U+2028
/// and U+2029, which JavaScript source cannot hold raw, and U+FEFF, which some readers
/// strip; other non-ASCII stays UTF-8.
/// Numbers use `NumberFormat.plain`: no exponent, integers without `.0`; NaN and infinities
/// have no JSON form and are written as `null`. No trailing newline is written.
public struct JSONWriter: Sendable {
    public enum Style: Sendable, Hashable {
        /// No whitespace at all: one value per line for JSON Lines.
        case compact
        /// Two-space indentation, `"key": value`, empty containers as `{}` and `[]`.
        case pretty
    }

    public var style: Style

    public init(style: Style = .pretty) {
        self.style = style
    }

    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out = ByteWriter()
        write(value, indent: 0, into: &out)
        return out.array
    }

    /// `s` as a JSON string literal, quotes included.
    public static func quoted(_ s: String) -> String {
        var out = ByteWriter()
        appendQuoted(s, to: &out)
        return out.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    public static func appendQuoted(_ s: String, to out: inout ByteWriter) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Nearly every string needs no escape at all: checked a word at a time (the
            // tail padded with spaces), it is copied in one go.
            if let base = UnsafeRawPointer(bytes.baseAddress), !needsEscape(base, bytes.count) {
                out.append(bytes)
                return
            }
            // Copy runs of bytes that need no escape in one go.
            var run = 0
            var k = 0
            let n = bytes.count
            let base = UnsafeRawPointer(bytes.baseAddress)
            while k < n {
                // Eight bytes at a time past those that need nothing (nearly all of them).
                if let base {
                    while k &+ 8 <= n, !ByteSearch.mayNeedJSONEscape(ByteSearch.load(base, k)) { k &+= 8 }
                    guard k < n else { break }
                }
                let b = bytes[k]
                let escape: StaticString?
                var width = 1
                switch b {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0x00..<0x20: escape = nil
                case 0xE2 where k + 2 < n && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9):
                    escape = bytes[k + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                case 0xEF where k + 2 < n && bytes[k + 1] == 0xBB && bytes[k + 2] == 0xBF:
                    // U+FEFF is invisible, and readers that strip byte order marks drop it raw
                    // even inside a string (Foundation's JSONSerialization on Linux does).
                    escape = "\\ufeff"
                    width = 3
                default:
                    k += 1
                    continue
                }
                out.append(UnsafeBufferPointer(rebasing: bytes[run..<k]))
                if let escape {
                    out.append(escape)
                } else {
                    let hex: StaticString = "0123456789abcdef"
                    out.append("\\u00")
                    out.append(hex.utf8Start[Int(b >> 4)])
                    out.append(hex.utf8Start[Int(b & 0xF)])
                }
                k += width
                run = k
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[run..<n]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ base: UnsafeRawPointer, _ n: Int) -> Bool {
        if n >= 8 {
            var k = 0
            while k &+ 8 <= n {
                if ByteSearch.mayNeedJSONEscape(ByteSearch.load(base, k)) { return true }
                k &+= 8
            }
            // The last eight bytes, overlapping what was checked: a check, not a copy.
            return k < n && ByteSearch.mayNeedJSONEscape(ByteSearch.load(base, n &- 8))
        }
        // Shorter: the bytes in the low end of a word of spaces (two overlapping loads).
        let spaces = ByteSearch.splat(0x20)
        let word: UInt64
        switch n {
        case 0: return false
        case 1: word = spaces << 8 | UInt64(base.load(as: UInt8.self))
        case 2, 3:
            let head = UInt64(UInt16(littleEndian: base.loadUnaligned(as: UInt16.self)))
            let tail = UInt64(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: n &- 2, as: UInt16.self)))
            word = spaces << 32 | tail << 16 | head
        default:
            let head = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
            let tail = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)))
            word = tail << 32 | head
        }
        return ByteSearch.mayNeedJSONEscape(word)
    }

    /// `value` as it appears nested `indent` levels deep (its closing bracket indented so).
    public func write(_ value: JSONValue, indent: Int, into out: inout ByteWriter) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.append(decimal: i)
        case .number(let x): NumberFormat.appendJSON(x, to: &out)
        case .string(let s): JSONWriter.appendQuoted(s, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else { out.append("[]"); return }
            out.append(UInt8(ascii: "["))
            for (k, element) in elements.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &out)
                write(element, indent: indent + 1, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { out.append("{}"); return }
            out.append(UInt8(ascii: "{"))
            for (k, (key, member)) in members.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &out)
                JSONWriter.appendQuoted(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if style == .pretty { out.append(UInt8(ascii: " ")) }
                write(member, indent: indent + 1, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ indent: Int, into out: inout ByteWriter) {
        guard style == .pretty else { return }
        out.append(0x0A)
        out.append(spaces: 2 * indent)
    }
}
