import Foundation

/// The one way the rules language compares words: Unicode NFC, lower case, and every run
/// of whitespace (NBSP and the other Unicode spaces included) reduced to one space.
///
/// Plans arrive in composed and decomposed Unicode alike (one seed document is NFD), and
/// from word processors that put non-breaking spaces between a number and its unit, so
/// "Quý I/2026", an NFD "quý I/2026" and "quý\u{A0}I/2026" must read the same.
public enum TextFold {
    /// `"  Quý\u{A0}I/2026 "` → `"quý i/2026"`, NFD input giving the same result as NFC.
    public static func fold(_ s: String) -> String {
        // Lower-casing first and composing afterwards also composes what lower-casing decomposed.
        collapse(s.lowercased().precomposedStringWithCanonicalMapping)
    }

    /// NFC with whitespace collapsed and trimmed, case kept: the form messages quote and
    /// units are shown in ("HTX" stays "HTX").
    public static func normalize(_ s: String) -> String {
        collapse(s.precomposedStringWithCanonicalMapping)
    }

    /// Whitespace, plus the zero-width space and BOM that copy-paste leaves between words.
    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        u.properties.isWhitespace || u == "\u{200B}" || u == "\u{FEFF}"
    }

    static func collapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in s.unicodeScalars {
            if isSpace(u) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(u)
        }
        return String(out)
    }
}
