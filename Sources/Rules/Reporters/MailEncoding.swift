import Foundation

/// The parts of RFC 5322 and MIME (RFC 2045, 2047) that mail written for `sendmail -t`
/// needs: encoded-words for non-ASCII headers, folding to 78 characters, quoted-printable
/// bodies and CRLF line ends.
enum MailEncoding {
    static let crlf = "\r\n"

    /// RFC 2047 `B` encoded-words of UTF-8 text. Each word holds at most 42 bytes (56 base64
    /// characters, 68 with the `=?UTF-8?B?…?=` frame), so that even after `Subject: ` a
    /// line stays within 78 characters; words split between code points, never inside one,
    /// and a decoder joins adjacent words without the folding space between them.
    static func encodedWords(_ text: String, maxBytes: Int = 42) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?=" }

    /// A header field folded before any token that would take its line past 78 characters
    /// (RFC 5322 §2.2.3: folding is CRLF followed by a space).
    static func header(_ name: String, _ tokens: [String]) -> String {
        var out = name + ":"
        var lineLength = out.count
        for token in tokens {
            if lineLength + 1 + token.count > 78 && lineLength > name.count + 1 {
                out += crlf
                lineLength = 0
            }
            out += " " + token
            lineLength += 1 + token.count
        }
        return out + crlf
    }

    /// Quoted-printable (RFC 2045 §6.7) of text whose lines end in `\n`, with CRLF hard
    /// line breaks and soft breaks keeping every encoded line within 76 characters. Besides
    /// what the rule requires, a leading `.` and a leading `From ` are encoded too, so that
    /// neither SMTP nor an mbox file can mistake a body line for something else.
    static func quotedPrintable(_ text: String) -> String {
        var out = ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            var pieces: [String] = []
            var length = 0
            for (i, b) in bytes.enumerated() {
                let isLast = i == bytes.count - 1
                let plain = (b >= 33 && b <= 126 && b != 61) || ((b == 32 || b == 9) && !isLast)
                let guarded = i == 0 && (b == 46 || (b == 70 && line.hasPrefix("From ")))
                let piece = plain && !guarded ? String(UnicodeScalar(b)) : hex(b)
                // Break at 73 so that a space left at the end of the line can still be
                // written `=20` (a trailing space may be stripped in transit) and the soft
                // break's `=` added within 76 characters.
                if length + piece.count > 73 && !(isLast && length + piece.count <= 76) {
                    if let last = pieces.last, last == " " || last == "\t" {
                        pieces[pieces.count - 1] = hex(last == " " ? 32 : 9)
                    }
                    out += pieces.joined() + "=" + crlf
                    pieces = []
                    length = 0
                }
                pieces.append(piece)
                length += piece.count
            }
            out += pieces.joined()
            if index < lines.count - 1 { out += crlf }
        }
        return out
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
    }

    /// A plain `local@domain` address: no spaces, no control characters, none of the
    /// characters that would end or restructure an address header.
    static func isPlainAddress(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, s.utf8.count <= 254 else { return false }
        return s.unicodeScalars.allSatisfy { u in
            u.value > 32 && u.value < 127 && !"<>()[]\\,;:\"".unicodeScalars.contains(u)
        }
    }

    /// Whether text put in a header could end it: a line break, or any other control character.
    static func breaksHeader(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value < 32 || $0.value == 127 || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" }
    }

    /// A display name that can stand bare in a header: letters, digits and spaces of ASCII.
    static func isBareName(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ($0.value < 128 && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == " " }
            && s.first != " " && s.last != " "
    }

    /// `Wed, 01 Jul 2026 07:00:00 +0700`: seven in the morning in Vietnam on `day`.
    static func date(_ day: CivilDate) -> String {
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let d = day.day < 10 ? "0\(day.day)" : "\(day.day)"
        return "\(weekdays[day.isoWeekday - 1]), \(d) \(months[day.month - 1]) \(day.year) 07:00:00 +0700"
    }

    /// FNV-1a, 64 bits: a stable digest for message ids and file names (not for security).
    static func digest(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A file name for an owner id that is safe on every file system and unique per id: a
    /// plain slug stays as it is; anything else becomes a slug of its letters and digits
    /// (diacritics dropped) plus `_` and the id's digest, which no plain slug contains.
    static func fileName(for id: String) -> String {
        let isPlain = !id.isEmpty && id.utf8.count <= 64 && id.first != "-" && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        if isPlain { return id }
        var slug = ""
        let folded = id.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .decomposedStringWithCanonicalMapping.lowercased()
        for u in folded.unicodeScalars {
            if ("a"..."z").contains(u) || ("0"..."9").contains(u) {
                slug.unicodeScalars.append(u)
            } else if u.properties.generalCategory != .nonspacingMark, !slug.isEmpty, slug.last != "-" {
                slug += "-"
            }
        }
        while slug.last == "-" { slug.removeLast() }
        if slug.count > 40 { slug = String(slug.prefix(40)) }
        return (slug.isEmpty ? "owner" : slug) + "_" + digest(id)
    }
}
