// Typed reads for loaders: each returns nil and records a diagnostic instead of throwing,
// so that a loader can report every problem in a file at once.

extension JSONNode {
    /// The code of "expected a string, found a number"; loaders may pass their own.
    public static let wrongTypeCode = "json.wrong-type"
    /// The code of "unknown key 'tagret'".
    public static let unknownKeyCode = "json.unknown-key"

    /// "expected a string, found a number" at this value.
    public func wrongType(expected: LocalizedText, code: String = JSONNode.wrongTypeCode,
                          hint: LocalizedText? = nil) -> Diagnostic {
        .error(code, at: location,
               LocalizedText(en: "expected \(expected.en), found \(typeName.en)",
                             vi: "cần \(expected.vi), nhưng gặp \(typeName.vi)"),
               hint: hint)
    }

    public func string(reporting diagnostics: inout [Diagnostic], code: String = JSONNode.wrongTypeCode) -> String? {
        if let s = stringValue { return s }
        diagnostics.append(wrongType(expected: JSONNode.Kind.string.typeName, code: code))
        return nil
    }

    public func number(reporting diagnostics: inout [Diagnostic], code: String = JSONNode.wrongTypeCode) -> Double? {
        if let d = doubleValue { return d }
        diagnostics.append(wrongType(expected: JSONNode.Kind.number.typeName, code: code))
        return nil
    }

    /// A whole number; `1.5` is reported as "expected a whole number, found '1.5'".
    public func integer(reporting diagnostics: inout [Diagnostic], code: String = JSONNode.wrongTypeCode) -> Int? {
        guard let n = numberValue else {
            diagnostics.append(wrongType(expected: LocalizedText(en: "a whole number", vi: "một số nguyên"), code: code))
            return nil
        }
        if let i = n.int { return i }
        diagnostics.append(.error(code, at: location,
                                  LocalizedText(en: "expected a whole number, found '\(n.literal)'",
                                                vi: "cần một số nguyên, nhưng gặp '\(n.literal)'")))
        return nil
    }

    public func bool(reporting diagnostics: inout [Diagnostic], code: String = JSONNode.wrongTypeCode) -> Bool? {
        if let b = boolValue { return b }
        diagnostics.append(wrongType(expected: JSONNode.Kind.bool.typeName, code: code))
        return nil
    }

    public func array(reporting diagnostics: inout [Diagnostic], code: String = JSONNode.wrongTypeCode) -> [JSONNode]? {
        if let a = elements { return a }
        diagnostics.append(wrongType(expected: JSONNode.Kind.array.typeName, code: code))
        return nil
    }

    public func object(reporting diagnostics: inout [Diagnostic], code: String = JSONNode.wrongTypeCode) -> [JSONMember]? {
        if let m = members { return m }
        diagnostics.append(wrongType(expected: JSONNode.Kind.object.typeName, code: code))
        return nil
    }

    /// An array of strings; every element that is not a string is reported and left out.
    public func strings(reporting diagnostics: inout [Diagnostic], code: String = JSONNode.wrongTypeCode) -> [String]? {
        guard let elements = array(reporting: &diagnostics, code: code) else { return nil }
        return elements.compactMap { $0.string(reporting: &diagnostics, code: code) }
    }

    /// Reports every key of this object that is not in `allowed`, at the key, with a
    /// "did you mean" hint; does nothing when this is not an object.
    public func reportUnknownKeys(allowed: some Collection<String>, into diagnostics: inout [Diagnostic],
                                  code: String = JSONNode.unknownKeyCode) {
        guard let members else { return }
        for member in members where !allowed.contains(member.key) {
            diagnostics.append(.error(code, at: member.keyLocation,
                                      LocalizedText(en: "unknown key '\(member.key)'",
                                                    vi: "khóa không hợp lệ '\(member.key)'"),
                                      hint: DidYouMean.hint(member.key, from: allowed)))
        }
    }
}
