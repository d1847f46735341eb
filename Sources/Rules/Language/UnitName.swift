/// A unit as written after a number (spec §3.2), split into a scale and a base unit:
/// "triệu đồng/người/năm" is ×10⁶ of "đồng/người/năm", "125 nghìn con" is ×10³ of "con".
///
/// Scale words (`nghìn`/`ngàn` ×10³, `triệu` ×10⁶, `tỷ`/`tỉ` ×10⁹) apply to any unit; money
/// spellings (`đồng`, `đ`, `VND`, `VNĐ`, `trđ`) share one base, so every money unit converts
/// to every other. Anything else is a free-form count unit (`km`, `ha`, `HTX`, `tiêu chí`,
/// `cuộc/năm`) that equals only itself, compared case-insensitively after NFC.
public struct UnitName: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// `%`, `phần trăm`.
        case percent
        /// Percentage points: `pp`, `điểm %`, `điểm phần trăm`.
        case points
        /// `đồng` and its spellings, with or without a scale word.
        case money
        /// Any other unit, or a scale word alone ("125 nghìn").
        case count
    }

    /// As written, spaces collapsed.
    public let written: String
    public let kind: Kind
    /// The power of ten of the scale word: 0, 3, 6, 9 (or 12 for `nghìn tỷ`).
    public let scale: Int
    /// The base unit to show, scale word removed and money spelt `đồng`: "đồng/người/năm",
    /// "HTX", "%"; empty for a bare scale word.
    public let base: String
    /// `base` folded: what two units are compared by.
    public let key: String

    public var description: String { written }

    /// Whether this is a scale word with no unit after it ("125 nghìn"): it then takes the
    /// indicator's unit.
    public var isBareScale: Bool { base.isEmpty }

    /// The unit in `text`, or nil when `text` is empty or only spaces.
    public init?(_ text: String) {
        let written = TextFold.normalize(text)
        guard !written.isEmpty else { return nil }
        self.written = written
        let folded = TextFold.fold(written)

        if let k = UnitName.percentSpellings[folded] {
            (kind, scale, base, key) = (k, 0, k == .percent ? "%" : "pp", k == .percent ? "%" : "pp")
            return
        }

        // Only the part before the first "/" carries a scale or a money word:
        // "triệu đồng/người/năm" → "triệu đồng" + "/người/năm".
        let slash = written.unicodeScalars.firstIndex(of: "/")
        let headWritten = slash.map { String(written.unicodeScalars[..<$0]) } ?? written
        let tail = slash.map { String(written.unicodeScalars[$0...]) } ?? ""
        var headWords = headWritten.split(separator: " ").map(String.init)
        var scale = 0
        if let first = headWords.first {
            let f = TextFold.fold(first)
            if let abbreviated = UnitName.abbreviatedMoney[f] {
                scale = abbreviated
                headWords[0] = "đồng"
            } else if let s = UnitName.scaleWords[f] {
                scale = s
                headWords.removeFirst()
                // "nghìn tỷ": a scale of a scale.
                if let next = headWords.first, let s2 = UnitName.scaleWords[TextFold.fold(next)], s2 > s {
                    scale += s2
                    headWords.removeFirst()
                }
            }
        }
        let headRest = headWords.joined(separator: " ")
        if let money = UnitName.moneySpellings[TextFold.fold(headRest)] {
            kind = .money
            base = money + tail
        } else {
            kind = .count
            base = headRest.isEmpty && !tail.isEmpty ? String(tail.dropFirst()) : headRest + tail
        }
        self.scale = scale
        self.key = TextFold.fold(base)
    }

    static let scaleWords: [String: Int] = ["nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9]
    static let moneySpellings: [String: String] = ["đồng": "đồng", "đ": "đồng", "vnd": "đồng", "vnđ": "đồng", "việt nam đồng": "đồng"]
    /// Abbreviations that carry their own scale: "trđ" = triệu đồng.
    static let abbreviatedMoney: [String: Int] = ["trđ": 6, "tr.đ": 6, "tr.đồng": 6]
    static let percentSpellings: [String: Kind] = [
        "%": .percent, "phần trăm": .percent,
        "pp": .points, "điểm %": .points, "điểm phần trăm": .points, "percentage points": .points, "điểm pt": .points,
    ]

    /// Whether a value in this unit can be converted to `other`: the same base (money
    /// included), or a bare scale word against any count or money unit.
    public func converts(to other: UnitName) -> Bool {
        if key == other.key { return true }
        if isBareScale { return other.kind == .count || other.kind == .money }
        return false
    }
}
