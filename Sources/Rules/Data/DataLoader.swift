/// Reads progress data files (CSV or JSON; `-` is standard input) into what the rules need.
public enum DataLoader {
    public struct Result: Sendable {
        public var data: ProgressData
        /// `data-invalid` findings for rows that could not be read, and `unknown-indicator` warnings.
        public var findings: [Finding]
        /// Problems that stop the check (exit 2): a file that cannot be read as a table.
        /// Notes (ignored rows) too, with severity `.note`.
        public var diagnostics: [Diagnostic]
    }

    /// A source of data: a path, or standard input given as bytes.
    public struct Source: Sendable {
        public var name: String
        public var bytes: [UInt8]?

        public init(name: String, bytes: [UInt8]?) {
            self.name = name
            self.bytes = bytes
        }
    }

    public static func load(_ sources: [Source], scope: DataScope, plans: [Plan]) -> Result {
        var collector = ObservationCollector(scope: scope)
        var diagnostics: [Diagnostic] = []
        for source in sources {
            let index = collector.addFile(source.name)
            guard let bytes = source.bytes else {
                diagnostics.append(.error("data.unreadable", at: SourceLocation(file: source.name),
                                          LocalizedText(en: "cannot read the file", vi: "không đọc được tệp")))
                continue
            }
            if looksLikeJSON(bytes, name: source.name) {
                diagnostics += JSONDataReader.read(bytes, file: source.name, fileIndex: index, into: &collector)
            } else {
                diagnostics += CSVDataReader.read(bytes, file: source.name, fileIndex: index, into: &collector)
            }
        }
        let data = collector.finish()
        var findings = collector.findings
        findings += UnknownIndicators.findings(firstRows: collector.firstRows, files: collector.files, plans: plans)
        if collector.ignoredRows > 0 {
            diagnostics.append(.note("data.ignored-rows", LocalizedText(
                en: "\(collector.ignoredRows) rows of units that no selected plan binds were ignored",
                vi: "bỏ qua \(collector.ignoredRows) dòng của các đơn vị không thuộc kế hoạch nào được chọn")))
        }
        return Result(data: data, findings: findings, diagnostics: diagnostics)
    }

    /// JSON by extension, else by the first non-blank byte (`[` or `{`), so standard input works too.
    static func looksLikeJSON(_ bytes: [UInt8], name: String) -> Bool {
        let lower = name.lowercased()
        if lower.hasSuffix(".json") { return true }
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") { return false }
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        return i < bytes.count && (bytes[i] == UInt8(ascii: "[") || bytes[i] == UInt8(ascii: "{"))
    }
}
