/// Where the CI formats (GitHub, SARIF, JUnit) point for a finding: the data row that
/// caused it, else the line of the rule (or report schedule) in its rules file. Standard
/// input has no file to point at, so a finding read from it points at its rule or nowhere.
struct FindingAnchor: Hashable, Sendable {
    /// Relative to the base directory where the file lies under it, else as given.
    var path: String
    var line: Int?
    var column: Int?

    static func of(_ f: Finding, base: String?) -> FindingAnchor? {
        if let l = f.location, let a = FindingAnchor(l, base: base) { return a }
        if let l = f.ruleLocation, let a = FindingAnchor(l, base: base) { return a }
        return nil
    }

    /// The rule's own line, when the finding points at a data row (for SARIF's related locations).
    static func rule(of f: Finding, base: String?) -> FindingAnchor? {
        guard let data = f.location, FindingAnchor(data, base: base) != nil, let rule = f.ruleLocation else { return nil }
        return FindingAnchor(rule, base: base)
    }

    init?(_ location: SourceLocation, base: String?) {
        let file = location.file
        // `<stdin>` and the like name a stream, not a file.
        guard !file.isEmpty, !(file.hasPrefix("<") && file.hasSuffix(">")) else { return nil }
        path = FindingAnchor.relative(file, to: base)
        line = location.line
        column = location.column
    }

    static func relative(_ path: String, to base: String?) -> String {
        var p = Substring(path)
        if p.hasPrefix("/"), let base, !base.isEmpty {
            let folder = base.hasSuffix("/") ? base : base + "/"
            if p.hasPrefix(folder) { p = p.dropFirst(folder.count) }
        }
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        return String(p)
    }

    var isRelative: Bool { !path.hasPrefix("/") }

    /// An RFC 3986 URI reference: relative paths stay relative, absolute ones become
    /// `file://` URIs. Every byte but the unreserved characters and `/` is percent-encoded,
    /// so spaces, Vietnamese letters and a `:` in the first segment cannot be misread.
    var uri: String {
        var out = isRelative ? "" : "file://"
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                bytes.append(b)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(b >> 4)])
                bytes.append(hex[Int(b & 0xF)])
            }
        }
        out += String(decoding: bytes, as: UTF8.self)
        return out
    }
}
