/// Text made safe for XML 1.0, in element content and in attribute values.
///
/// XML 1.0 (§2.2, `Char`) allows tab, LF, CR and U+0020 and up, except U+FFFE and U+FFFF;
/// the other control characters cannot appear at all, not even as `&#1;`. Those become
/// U+FFFD (the replacement character). `&` is escaped first so that the entities written
/// for the others are not escaped again. CR is written `&#13;` because parsers turn a raw
/// CR LF into LF; in attributes tab and LF are written `&#9;`, `&#10;` too, because
/// attribute-value normalisation turns raw ones into spaces.
enum XMLText {
    static func content(_ s: String) -> String { escape(s, attribute: false) }

    static func attribute(_ s: String) -> String { escape(s, attribute: true) }

    static func isAllowed(_ v: UInt32) -> Bool {
        v == 0x09 || v == 0x0A || v == 0x0D || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
    }

    private static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default:
                // Also the controls XML allows but a viewer would act on (DEL, C1), as in the other CI formats.
                let keep = isAllowed(scalar.value) && !ControlCharacters.isInvisibleControl(scalar.value)
                out.unicodeScalars.append(keep ? scalar : ControlCharacters.replacement)
            }
        }
        return out
    }
}
