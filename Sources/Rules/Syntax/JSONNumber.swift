/// A JSON number as written and as a `Double`, so that `1840` prints back as `1840`
/// and `0.10` keeps its two decimals where that matters.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The literal exactly as in the file (`-0.5`, `1e3`).
    public var literal: String
    public var double: Double

    public init(literal: String, double: Double) {
        self.literal = literal
        self.double = double
    }

    /// The value as an `Int` when it is a whole number that an `Int` holds exactly
    /// (`2026`, `2026.0`, `2.026e3`), else nil.
    public var int: Int? {
        if let exact = Int(literal) { return exact }
        // 2^53: beyond it a Double no longer holds every integer, so the literal would be lost.
        guard double == double.rounded(), abs(double) <= 9_007_199_254_740_992 else { return nil }
        return Int(double)
    }

    public var description: String { literal }
}
