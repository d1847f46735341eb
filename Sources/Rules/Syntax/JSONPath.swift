/// Builds the paths that locate a value in a document: `$.rules[3].target`.
///
/// Keys that read as identifiers use the dot form; any other key is quoted as a JSON
/// string (`$.owners["kinh-te"]`), so that a path can always be read back unambiguously.
public enum JSONPath {
    public static let root = "$"

    public static func appending(key: String, to path: String) -> String {
        if isIdentifier(key) { return path + "." + key }
        return path + "[" + JSONWriter.quoted(key) + "]"
    }

    public static func appending(index: Int, to path: String) -> String {
        path + "[" + String(index) + "]"
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    static func isIdentifier(_ key: String) -> Bool {
        var first = true
        for b in key.utf8 {
            let letter = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F
            let digit = b >= 0x30 && b <= 0x39
            if !(letter || (!first && digit)) { return false }
            first = false
        }
        return !first
    }
}
