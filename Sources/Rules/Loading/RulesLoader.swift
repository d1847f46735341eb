import Foundation

/// Reads rules files and folders into a `RuleSet`, with each plan's calendar resolved.
/// Every problem in every file is collected before anything is evaluated.
public enum RulesLoader {
    public struct Result: Sendable {
        /// Nil when any rules file has an error.
        public var rules: RuleSet?
        /// Sorted by location; errors, warnings and notes.
        public var diagnostics: [Diagnostic]
        /// The rules files read, in order.
        public var files: [String]
        /// The calendar files the plans name (`calendars/NAME.json`), each read once, in the
        /// order first needed; built-in calendars are not files and are not listed.
        public var calendarFiles: [String] = []
    }

    /// `paths`: rules files or folders (read non-recursively; `calendars/` holds calendars).
    public static func load(paths: [String], fileSystem: FileSystem = .local) -> Result {
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        // A file named twice (`rules rules/p.json`, `rules rules/`) is read once, not
        // reported as a duplicate of its own plan.
        var seen = Set<String>()
        func add(_ file: String) {
            if seen.insert(samePath(file)).inserted { files.append(file) }
        }
        for path in paths {
            switch fileSystem.kind(of: path) {
            case .directory:
                let entries = fileSystem.list(path).filter { $0.hasSuffix(".json") }.sorted()
                let jsonFiles = entries.map { join(path, $0) }.filter { fileSystem.kind(of: $0) == .file }
                if jsonFiles.isEmpty {
                    diagnostics.append(.error("rules.no-files", at: SourceLocation(file: path),
                                              LocalizedText(en: "no rules files (*.json) in this folder",
                                                            vi: "thư mục không có tệp quy tắc (*.json)")))
                }
                jsonFiles.forEach(add)
            case .file:
                add(path)
            case .missing:
                diagnostics.append(.error("rules.unreadable", at: SourceLocation(file: path),
                                          LocalizedText(en: "no such file or folder", vi: "không tìm thấy tệp hoặc thư mục"),
                                          hint: path == "rules" || path == "rules/" ? LocalizedText(
                                            en: "give the rules with --rules PATH", vi: "chỉ định quy tắc bằng --rules ĐƯỜNG_DẪN") : nil))
            }
        }

        var plans: [Plan] = []
        var calendars: [String: any WorkingCalendar] = [:]
        var planFiles: [String: String] = [:]
        var calendarCache: [String: (any WorkingCalendar)?] = [:]
        var calendarFiles: [String] = []
        var calendarFilesSeen = Set<String>()
        for file in files {
            guard let bytes = fileSystem.read(file) else {
                diagnostics.append(.error("rules.unreadable", at: SourceLocation(file: file),
                                          LocalizedText(en: "cannot read the file", vi: "không đọc được tệp")))
                continue
            }
            let document: JSONDocument
            do {
                document = try JSONReader.parse(bytes, file: file)
            } catch {
                diagnostics.append(error.diagnostic)
                continue
            }
            diagnostics.append(contentsOf: document.diagnostics)
            let (plan, planDiagnostics) = PlanLoader.load(document.root)
            diagnostics.append(contentsOf: planDiagnostics)
            let folder = (file as NSString).deletingLastPathComponent
            // The calendar is looked up whenever the plan names one readably, even when the
            // rest of the file has errors, so that its problems come with all the others.
            func resolveCalendar(_ name: String) -> (any WorkingCalendar)? {
                let cacheKey = folder + "\u{0}" + name
                if calendarCache[cacheKey] == nil {
                    calendarCache[cacheKey] = .some(CalendarResolver.resolve(name, beside: folder, fileSystem: fileSystem,
                                                                             usedAt: document.root["calendar"]?.location
                                                                                ?? SourceLocation(file: file, path: "$.calendar"),
                                                                             diagnostics: &diagnostics))
                    if let read = CalendarResolver.file(named: name, beside: folder, fileSystem: fileSystem),
                       calendarFilesSeen.insert(samePath(read)).inserted {
                        calendarFiles.append(read)
                    }
                }
                return calendarCache[cacheKey]!
            }
            guard let plan else {
                if let name = readableCalendarName(document.root) { _ = resolveCalendar(name) }
                continue
            }
            if let other = planFiles[plan.id] {
                diagnostics.append(.error("rules.duplicate-plan", at: document.root["plan"]?.location,
                                          LocalizedText(en: "plan \(Wording.quoted(plan.id)) is also defined in \(other)",
                                                        vi: "kế hoạch \(Wording.quoted(plan.id)) đã được định nghĩa trong \(other)")))
                _ = resolveCalendar(plan.calendarName)
                continue
            }
            planFiles[plan.id] = file
            if let calendar = resolveCalendar(plan.calendarName) {
                calendars[plan.id] = calendar
                plans.append(plan)
            }
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return Result(rules: failed ? nil : RuleSet(plans: plans, calendars: calendars),
                      diagnostics: diagnostics.sorted(), files: files, calendarFiles: calendarFiles)
    }

    /// The calendar a plan's JSON names, when that much can be read whatever else is wrong:
    /// its `calendar` string, or `vn` when it has none; nil when the file is not an object or
    /// `calendar` is not a string (already reported by `PlanLoader`).
    static func readableCalendarName(_ root: JSONNode) -> String? {
        guard root.members != nil else { return nil }
        guard let node = root["calendar"] else { return "vn" }
        return node.stringValue
    }

    /// One spelling for the paths of one file: `rules/p.json`, `./rules/p.json` and
    /// `rules//p.json` give the same.
    public static func samePath(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// The file operations loading needs, behind a value so tests can count what is touched.
public struct FileSystem: Sendable {
    public enum Kind: Sendable { case file, directory, missing }

    let kindOf: @Sendable (String) -> Kind
    let listing: @Sendable (String) -> [String]
    let reading: @Sendable (String) -> [UInt8]?

    public init(kind: @escaping @Sendable (String) -> Kind, list: @escaping @Sendable (String) -> [String],
                read: @escaping @Sendable (String) -> [UInt8]?) {
        self.kindOf = kind
        self.listing = list
        self.reading = read
    }

    public func kind(of path: String) -> Kind { kindOf(path) }
    public func list(_ folder: String) -> [String] { listing(folder) }
    public func read(_ path: String) -> [UInt8]? { reading(path) }

    public static let local = FileSystem(
        kind: { path in
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return .missing }
            return isDir.boolValue ? .directory : .file
        },
        list: { path in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] },
        read: { path in FileManager.default.contents(atPath: path).map { [UInt8]($0) } })
}
