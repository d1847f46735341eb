/// Reads progress data files (CSV or JSON; `-` is standard input) into what the rules need.
public enum DataLoader {
    public struct Result: Sendable {
        public var data: ProgressData
        /// `data-invalid` findings for rows that could not be read, and `unknown-indicator` warnings
        /// and conflicting duplicates (but those of the units in `streamed`, which are there).
        public var findings: [Finding]
        /// Problems that stop the check (exit 2): a file that cannot be read as a table.
        /// Notes (ignored rows) too, with severity `.note`.
        public var diagnostics: [Diagnostic]
        /// The units judged while reading (`judging`), for `Engine.judge`; `data` holds
        /// none of their rows.
        public var streamed: StreamedUnits?
    }

    /// A source of data: a file read from disk as it is parsed, or bytes already in memory
    /// (standard input); `bytes: nil` is a source that could not be read.
    public struct Source: Sendable {
        public var name: String
        var path: String?
        public var bytes: [UInt8]?

        public init(name: String, bytes: [UInt8]?) {
            self.name = name
            self.bytes = bytes
        }

        public init(path: String) {
            self.name = path
            self.path = path
        }
    }

    /// - Parameters:
    ///   - threads: how many threads may read one file (1 = all on the caller's thread).
    ///   - parallelThreshold: the smallest file read by several threads (tests lower it).
    ///   - plainLane: whether CSV records of plain ASCII take the fast lane (`PlainRecords`);
    ///     tests turn it off to prove both lanes read the same.
    ///   - judging: judge each unit as soon as its rows are read, when the data is one CSV
    ///     file in unit order (`UnitJudging`); otherwise, and when a unit comes back after
    ///     others, the data is read as usual and judged afterwards.
    public static func load(_ sources: [Source], scope: DataScope, plans: [Plan], threads: Int = 1,
                            parallelThreshold: Int = CSVDataReader.parallelThreshold, plainLane: Bool = true,
                            judging: UnitJudging? = nil) -> Result {
        var judging = sources.count == 1 ? judging : nil
        judging?.files = sources.map(\.name)
        var collectors: [ObservationCollector] = []
        var diagnostics: [Diagnostic] = []
        for (index, source) in sources.enumerated() {
            let fileIndex = Int32(index)
            let bytes: ByteSource
            if let path = source.path {
                guard let opened = ByteSource(path: path) else {
                    diagnostics.append(unreadable(source.name))
                    continue
                }
                bytes = opened
            } else if let data = source.bytes {
                bytes = ByteSource(bytes: data)
            } else {
                diagnostics.append(unreadable(source.name))
                continue
            }
            if looksLikeJSON(bytes.prefix(4096), name: source.name) {
                var collector = ObservationCollector(scope: scope, file: fileIndex)
                diagnostics += JSONDataReader.read(bytes.prefix(bytes.count), file: source.name, into: &collector)
                collector.finish()
                collectors.append(collector)
            } else {
                let (read, problems) = CSVDataReader.read(bytes, file: source.name, fileIndex: fileIndex, scope: scope,
                                                          threads: threads, parallelThreshold: parallelThreshold,
                                                          plainLane: plainLane, judging: judging)
                collectors += read
                diagnostics += problems
            }
        }
        var streamed: StreamedUnits?
        if let judging {
            let judges = collectors.compactMap(\.judge)
            guard !judging.stop.isSet && UnitJudge.inUnitOrder(judges) else {
                return load(sources, scope: scope, plans: plans, threads: threads, parallelThreshold: parallelThreshold,
                            plainLane: plainLane)
            }
            if !judges.isEmpty { streamed = UnitJudge.result(judges) }
        }
        guard let (data, rowFindings) = ProgressData.merge(collectors, files: sources.map(\.name), threads: threads) else {
            diagnostics.append(.error("data.too-many-rows", at: SourceLocation(file: sources.map(\.name).joined(separator: ", ")),
                LocalizedText(en: "more rows than one check can index (about 2 billion, fewer with many files); check the units in several runs",
                              vi: "số dòng vượt quá mức một lần kiểm tra lập chỉ mục được (khoảng 2 tỷ, ít hơn khi có nhiều tệp); hãy kiểm tra các đơn vị trong nhiều lần chạy")))
            return Result(data: ProgressData(), findings: [], diagnostics: diagnostics)
        }
        var findings = rowFindings
        findings += UnknownIndicators.findings(data: data, plans: plans)
        let ignored = collectors.reduce(0) { $0 + $1.ignoredRows }
        if ignored > 0 {
            diagnostics.append(.note("data.ignored-rows", LocalizedText(
                en: "\(ignored) rows of units that no selected plan binds were ignored",
                vi: "bỏ qua \(ignored) dòng của các đơn vị không thuộc kế hoạch nào được chọn")))
        }
        return Result(data: data, findings: findings, diagnostics: diagnostics, streamed: streamed)
    }

    static func unreadable(_ name: String) -> Diagnostic {
        .error("data.unreadable", at: SourceLocation(file: name),
               LocalizedText(en: "cannot read the file", vi: "không đọc được tệp"))
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
