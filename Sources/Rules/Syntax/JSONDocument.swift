/// A parsed document: its root and the problems that do not stop parsing (duplicate keys).
public struct JSONDocument: Hashable, Sendable {
    public var root: JSONNode
    /// `json.duplicate-key` errors, in file order.
    public var diagnostics: [Diagnostic]

    public init(root: JSONNode, diagnostics: [Diagnostic]) {
        self.root = root
        self.diagnostics = diagnostics
    }
}
