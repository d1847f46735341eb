/// One value of a parsed JSON document, with where it was written.
///
/// Positions are 1-based. Columns count Unicode scalars from the start of the line, so
/// `"Mục tiêu"` followed by a value puts the value where an editor shows it, not where
/// its byte offset would; a tab counts as one column.
public struct JSONNode: Hashable, Sendable {
    /// The shape of a value, for messages and for `switch`.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case object, array, string, number, bool, null
    }

    public enum Value: Hashable, Sendable {
        /// Members in the order written; a duplicate key is kept (and reported by the reader).
        case object([JSONMember])
        case array([JSONNode])
        case string(String)
        case number(JSONNumber)
        case bool(Bool)
        case null
    }

    public var value: Value
    public var file: String
    public var line: Int
    public var column: Int
    /// `$`, `$.rules[3].target`, `$.owners["kinh tế"]`.
    public var path: String

    public init(_ value: Value, file: String, line: Int, column: Int, path: String) {
        self.value = value
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    /// Where the value starts, ready for a `Diagnostic`.
    public var location: SourceLocation {
        SourceLocation(file: file, line: line, column: column, path: path)
    }

    public var kind: Kind {
        switch value {
        case .object: .object
        case .array: .array
        case .string: .string
        case .number: .number
        case .bool: .bool
        case .null: .null
        }
    }

    /// "a string", "an object": the found half of "expected a string, found a number".
    public var typeName: LocalizedText { kind.typeName }

    // MARK: Plain accessors (nil when the value has another kind)

    public var stringValue: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    public var numberValue: JSONNumber? {
        if case .number(let n) = value { return n }
        return nil
    }

    public var doubleValue: Double? { numberValue?.double }

    public var boolValue: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    public var isNull: Bool { kind == .null }

    public var elements: [JSONNode]? {
        if case .array(let a) = value { return a }
        return nil
    }

    public var members: [JSONMember]? {
        if case .object(let m) = value { return m }
        return nil
    }

    /// The value of the first member named `key`, or nil (also when this is not an object).
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    /// The element at `index`, or nil when out of range or not an array.
    public subscript(index: Int) -> JSONNode? {
        guard case .array(let elements) = value, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}

/// A key and its value; the key's own position lets "unknown key" point at the key.
public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var keyLine: Int
    public var keyColumn: Int
    public var value: JSONNode

    public init(key: String, keyLine: Int, keyColumn: Int, value: JSONNode) {
        self.key = key
        self.keyLine = keyLine
        self.keyColumn = keyColumn
        self.value = value
    }

    /// The key's position, with the member's path.
    public var keyLocation: SourceLocation {
        SourceLocation(file: value.file, line: keyLine, column: keyColumn, path: value.path)
    }
}

extension JSONNode.Kind {
    /// "a string" / "một chuỗi", for "expected …, found …".
    public var typeName: LocalizedText {
        switch self {
        case .object: LocalizedText(en: "an object", vi: "một đối tượng")
        case .array: LocalizedText(en: "an array", vi: "một mảng")
        case .string: LocalizedText(en: "a string", vi: "một chuỗi")
        case .number: LocalizedText(en: "a number", vi: "một số")
        case .bool: LocalizedText(en: "true or false", vi: "true hoặc false")
        case .null: LocalizedText(en: "null", vi: "null")
        }
    }
}
