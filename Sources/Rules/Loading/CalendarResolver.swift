/// Finds the calendar a plan names: `calendars/NAME.json` beside its rules file first, then
/// the calendars built into the tool (spec §4.5). A file named like a built-in calendar
/// replaces it unless it says `"extends": "vn"`.
///
/// Every calendar it returns is a fresh `WatchedCalendar`, so that a run can tell the user
/// once per calendar about the years it was asked about and does not cover.
public enum CalendarResolver {
    public static func resolve(_ name: String, beside folder: String, fileSystem: FileSystem, usedAt: SourceLocation,
                               diagnostics: inout [Diagnostic]) -> (any WorkingCalendar)? {
        guard isPlainName(name) else {
            diagnostics.append(.error(
                "rules.bad-calendar-name", at: usedAt,
                LocalizedText(en: "\(Wording.quoted(name)) is not a calendar name: a plan names a calendar, not a path",
                              vi: "\(Wording.quoted(name)) không phải tên lịch: kế hoạch ghi tên lịch, không ghi đường dẫn"),
                hint: LocalizedText(en: "put the file in calendars/ beside the rules file and write its name without '.json'",
                                    vi: "đặt tệp vào thư mục calendars/ cạnh tệp quy tắc và ghi tên tệp không kèm '.json'")))
            return nil
        }
        let file = calendarFile(name, beside: folder)
        if fileSystem.kind(of: file) == .file {
            return CalendarFileLoader.load(file: file, fileSystem: fileSystem, diagnostics: &diagnostics)
                .map { WatchedCalendar($0, file: file) }
        }
        if let builtIn = BuiltInCalendars.calendar(named: name) { return WatchedCalendar(builtIn) }
        diagnostics.append(.error(
            "rules.unknown-calendar", at: usedAt,
            LocalizedText(en: "unknown calendar \(Wording.quoted(name)): no \(file) and no built-in calendar of that name",
                          vi: "không có lịch \(Wording.quoted(name)): không thấy \(file) và không có lịch dựng sẵn tên này"),
            hint: DidYouMean.hint(name, from: BuiltInCalendars.names) ?? LocalizedText(
                en: "built-in calendars: \(BuiltInCalendars.names.joined(separator: ", "))",
                vi: "các lịch dựng sẵn: \(BuiltInCalendars.names.joined(separator: ", "))")))
        return nil
    }

    /// The calendar file `resolve` reads for `name` beside `folder`: nil when `name` is not
    /// a plain name or no such file exists (a built-in or unknown calendar).
    public static func file(named name: String, beside folder: String, fileSystem: FileSystem) -> String? {
        guard isPlainName(name) else { return nil }
        let file = calendarFile(name, beside: folder)
        return fileSystem.kind(of: file) == .file ? file : nil
    }

    /// What `check calendar NAME` found.
    public enum Lookup {
        /// The calendar, read from `file` or built in (file nil).
        case found(WatchedCalendar)
        /// No file and no built-in calendar of that name: a mistake on the command line.
        case unknown(Diagnostic)
        /// A calendar file that cannot be read or has errors.
        case broken([Diagnostic])
    }

    /// The calendar `reference` stands for on the command line: a path to a calendar file
    /// (it contains `/` or ends in `.json`), else a name looked up as `calendars/NAME.json`
    /// beside each of `rulesPaths` (a folder, or a rules file's folder) in turn, then among
    /// the built-in calendars. Diagnostics that are not errors (JSON warnings) come back
    /// with the calendar.
    public static func lookup(_ reference: String, rulesPaths: [String], fileSystem: FileSystem) -> (Lookup, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func loaded(_ file: String) -> (Lookup, [Diagnostic]) {
            let calendar = CalendarFileLoader.load(file: file, fileSystem: fileSystem, diagnostics: &diagnostics)
            guard let calendar, !diagnostics.contains(where: { $0.severity == .error }) else {
                return (.broken(diagnostics.sorted()), [])
            }
            return (.found(WatchedCalendar(calendar, file: file)), diagnostics.sorted())
        }
        if !isPlainName(reference) || reference.hasSuffix(".json") {
            return loaded(reference)
        }
        for path in rulesPaths {
            let folder: String
            switch fileSystem.kind(of: path) {
            case .directory: folder = path
            case .file: folder = parent(of: path)
            case .missing: continue
            }
            let file = calendarFile(reference, beside: folder)
            if fileSystem.kind(of: file) == .file { return loaded(file) }
        }
        if let builtIn = BuiltInCalendars.calendar(named: reference) { return (.found(WatchedCalendar(builtIn)), []) }
        let folders = rulesPaths.map { fileSystem.kind(of: $0) == .file ? parent(of: $0) : $0 }
        let places = folders.map { calendarFile(reference, beside: $0) }
        let files = folders.flatMap { folder in
            fileSystem.list(RulesLoader.join(folder, "calendars")).filter { $0.hasSuffix(".json") }.map(CalendarFileLoader.name(ofFile:))
        }
        let known = BuiltInCalendars.names.map { "'\($0)'" }.joined(separator: ", ")
        return (.unknown(.error(
            "calendar.unknown", at: nil,
            LocalizedText(en: "unknown calendar \(Wording.quoted(reference)): no \(places.joined(separator: " or ")) and no built-in calendar of that name (\(known))",
                          vi: "không có lịch \(Wording.quoted(reference)): không thấy \(places.joined(separator: " hay ")) và không có lịch dựng sẵn tên này (\(known))"),
            hint: DidYouMean.hint(reference, from: BuiltInCalendars.names + files) ?? LocalizedText(
                en: "give the calendar file's path, or the rules folder with --rules",
                vi: "ghi đường dẫn tệp lịch, hoặc chỉ định thư mục quy tắc bằng --rules"))), [])
    }

    /// `folder/calendars/NAME.json`.
    public static func calendarFile(_ name: String, beside folder: String) -> String {
        RulesLoader.join(RulesLoader.join(folder.isEmpty ? "." : folder, "calendars"), name + ".json")
    }

    /// A name that stays inside `calendars/`: no path separators, not hidden, not empty.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\")
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
