/// A JSON value to write: objects keep their keys in the order given, so output is
/// deterministic without sorting.
///
/// Literals build values directly; a dictionary literal keeps its order:
/// `let v: JSONValue = ["asOf": "2026-09-30", "findings": []]`.
public enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    /// Written with `NumberFormat.plain`; NaN and infinities are written as `null`.
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.array(x), .array(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.number(x), .number(y)): return x == y || (x.isNaN && y.isNaN)
        case let (.int(x), .int(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    /// `.string(s)`, or `.null` when `s` is nil: for fields present only where they apply.
    public static func string(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// `.number(x)`, or `.null` when `x` is nil.
    public static func number(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }
}

extension JSONValue {
    /// The parsed value without positions: numbers written as whole numbers that fit an
    /// `Int` become `.int` (so `1840` prints back as `1840`), others `.number`.
    public init(_ node: JSONNode) {
        switch node.value {
        case .object(let members): self = .object(members.map { ($0.key, JSONValue($0.value)) })
        case .array(let elements): self = .array(elements.map(JSONValue.init))
        case .string(let s): self = .string(s)
        case .number(let n):
            if let i = Int(n.literal) { self = .int(i) } else { self = .number(n.double) }
        case .bool(let b): self = .bool(b)
        case .null: self = .null
        }
    }

    /// The value of the first member named `key` of an object, else nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.0 == key })?.1
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
    public init(nilLiteral: ()) { self = .null }
}
