/// Control characters in user text (a data note, a title) that a log viewer or terminal
/// would act on instead of showing: the C0 set except tab, line feed and carriage return,
/// DEL, and the C1 set. The CI formats show each as U+FFFD (the replacement character),
/// so that nothing from a data file can move the cursor, recolour a log or ring a bell.
enum ControlCharacters {
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    static func isInvisibleControl(_ v: UInt32) -> Bool {
        (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v)
    }

    static func replaced(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { isInvisibleControl($0.value) }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            out.append(isInvisibleControl(scalar.value) ? replacement : scalar)
        }
        return String(out)
    }
}
