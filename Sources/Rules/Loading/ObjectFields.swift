/// Typed reading of one JSON object of a rules or calendar file. Every getter records what
/// is wrong (wrong type, missing key, bad value) instead of throwing, so that one run
/// reports every problem; `finish` then reports the keys nobody asked for.
public struct ObjectFields {
    public let node: JSONNode
    /// What the object is, for messages: "a rule", "an owner".
    public var what: LocalizedText
    private let members: [JSONMember]
    private var used: Set<String> = []

    /// Nil (with a diagnostic) when `node` is not an object.
    public init?(_ node: JSONNode, what: LocalizedText, diagnostics: inout [Diagnostic]) {
        guard let members = node.members else {
            diagnostics.append(Loading.wrongType(node, expected: LocalizedText(en: "an object (\(what.en))", vi: "một đối tượng (\(what.vi))")))
            return nil
        }
        self.node = node
        self.what = what
        self.members = members
    }

    public func has(_ key: String) -> Bool { members.contains { $0.key == key } }

    public var keys: [String] { members.map(\.key) }

    /// The member's value, marking the key as understood.
    public mutating func value(_ key: String) -> JSONNode? {
        used.insert(key)
        return node[key]
    }

    public mutating func string(_ key: String, required: Bool = false, diagnostics: inout [Diagnostic]) -> String? {
        guard let v = value(key) else {
            if required { diagnostics.append(missing(key)) }
            return nil
        }
        guard let s = v.stringValue else {
            diagnostics.append(Loading.wrongType(v, expected: LocalizedText(en: "a string", vi: "một chuỗi")))
            return nil
        }
        // Blank as `CharacterSet.whitespaces` has it (tab and the Zs spaces), without
        // bridging through NSString: this runs for every field of every rule.
        if required && s.unicodeScalars.allSatisfy({ $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }) {
            diagnostics.append(.error("rules.empty-value", at: v.location,
                                      LocalizedText(en: "'\(key)' must not be empty", vi: "'\(key)' không được để trống")))
            return nil
        }
        return s
    }

    public mutating func bool(_ key: String, diagnostics: inout [Diagnostic]) -> Bool? {
        guard let v = value(key) else { return nil }
        guard let b = v.boolValue else {
            diagnostics.append(Loading.wrongType(v, expected: LocalizedText(en: "true or false", vi: "true hoặc false")))
            return nil
        }
        return b
    }

    public mutating func integer(_ key: String, range: ClosedRange<Int>, required: Bool = false,
                                 diagnostics: inout [Diagnostic]) -> Int? {
        guard let v = value(key) else {
            if required { diagnostics.append(missing(key)) }
            return nil
        }
        guard let n = v.numberValue?.int, range.contains(n) else {
            diagnostics.append(.error(
                v.numberValue == nil ? "rules.wrong-type" : "rules.bad-value", at: v.location,
                LocalizedText(en: "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(Loading.shown(v).en)",
                              vi: "cần một số nguyên từ \(range.lowerBound) đến \(range.upperBound), nhưng gặp \(Loading.shown(v).vi)")))
            return nil
        }
        return n
    }

    /// A string that must be one of `choices`, with a "did you mean" for a near miss.
    public mutating func choice(_ key: String, _ choices: [String], diagnostics: inout [Diagnostic]) -> String? {
        guard let s = string(key, diagnostics: &diagnostics) else { return nil }
        guard choices.contains(s) else {
            let v = node[key]!
            diagnostics.append(.error(
                "rules.bad-value", at: v.location,
                LocalizedText(en: "'\(key)' must be one of \(Loading.list(choices)), found \(Wording.quoted(s))",
                              vi: "'\(key)' phải là một trong \(Loading.list(choices)), nhưng gặp \(Wording.quoted(s))"),
                hint: DidYouMean.hint(s, from: choices)))
            return nil
        }
        return s
    }

    /// A list of strings, each with its node (for locations).
    public mutating func strings(_ key: String, diagnostics: inout [Diagnostic]) -> [(String, JSONNode)]? {
        guard let v = value(key) else { return nil }
        guard let elements = v.elements else {
            diagnostics.append(Loading.wrongType(v, expected: LocalizedText(en: "an array of strings", vi: "một mảng chuỗi")))
            return nil
        }
        var out: [(String, JSONNode)] = []
        for e in elements {
            guard let s = e.stringValue else {
                diagnostics.append(Loading.wrongType(e, expected: LocalizedText(en: "a string", vi: "một chuỗi")))
                continue
            }
            out.append((s, e))
        }
        return out
    }

    public func missing(_ key: String) -> Diagnostic {
        .error("rules.missing-key", at: node.location,
               LocalizedText(en: "\(what.en) needs '\(key)'", vi: "\(what.vi) cần có khóa '\(key)'"))
    }

    /// Reports every key that was never read and is not in `allowed`; a key that belongs to
    /// another rule shape gets its own message (`foreign` maps key → the shapes it fits).
    public func finish(allowed: [String], foreign: [String: String] = [:], diagnostics: inout [Diagnostic]) {
        let known = Set(allowed).union(used)
        for m in members where !known.contains(m.key) {
            if let owner = foreign[m.key] {
                diagnostics.append(.error(
                    "rules.key-not-for-shape", at: m.keyLocation,
                    LocalizedText(en: "\(Wording.quoted(m.key)) does not apply to \(what.en)", vi: "\(Wording.quoted(m.key)) không dùng cho \(what.vi)"),
                    hint: LocalizedText(en: "\(Wording.quoted(m.key)) belongs to \(owner) rules", vi: "\(Wording.quoted(m.key)) dành cho quy tắc \(owner)")))
            } else {
                diagnostics.append(.error(
                    "rules.unknown-key", at: m.keyLocation,
                    LocalizedText(en: "unknown key \(Wording.quoted(m.key)) in \(what.en)", vi: "khóa \(Wording.quoted(m.key)) không hợp lệ trong \(what.vi)"),
                    hint: DidYouMean.hint(m.key, from: known.sorted()) ?? LocalizedText(
                        en: "allowed keys: \(allowed.joined(separator: ", "))",
                        vi: "các khóa hợp lệ: \(allowed.joined(separator: ", "))")))
            }
        }
    }
}

/// Shared wording and checks for loading.
public enum Loading {
    public static func wrongType(_ node: JSONNode, expected: LocalizedText) -> Diagnostic {
        .error("rules.wrong-type", at: node.location,
               LocalizedText(en: "expected \(expected.en), found \(shown(node).en)",
                             vi: "cần \(expected.vi), nhưng gặp \(shown(node).vi)"))
    }

    /// A value as messages quote it: `'abc'` for strings, its type otherwise.
    public static func shown(_ node: JSONNode) -> LocalizedText {
        switch node.value {
        case .string(let s): return LocalizedText(verbatim: Wording.quoted(s))
        case .number(let n): return LocalizedText(en: "the number \(n.literal)", vi: "số \(n.literal)")
        default: return node.typeName
        }
    }

    public static func list(_ items: [String]) -> String { items.map { Wording.quoted($0) }.joined(separator: ", ") }

    /// A language error at a node: the parser says what is wrong, the node says where.
    public static func languageError(_ error: LanguageError, at node: JSONNode) -> Diagnostic {
        // The location's JSON path already names the key.
        .error(error.code, at: node.location, error.message, hint: error.hint)
    }

    /// Unit slugs: `[a-z0-9][a-z0-9-]*` (spec §1).
    public static func isUnitSlug(_ s: some StringProtocol) -> Bool {
        var first = true
        for b in s.utf8 {
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (!first && b == 0x2D)
            if !ok { return false }
            first = false
        }
        return !first
    }

    /// Indicator slugs: `[a-z0-9][a-z0-9_.-]*` (spec §1).
    public static func isIndicatorSlug(_ s: some StringProtocol) -> Bool {
        var first = true
        for b in s.utf8 {
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                || (!first && (b == 0x2D || b == 0x5F || b == 0x2E))
            if !ok { return false }
            first = false
        }
        return !first
    }
}
