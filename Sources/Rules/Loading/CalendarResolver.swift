/// Finds the calendar a plan names: `calendars/NAME.json` beside its rules file first, then
/// the calendars built into the tool (spec §4.5).
public enum CalendarResolver {
    public static func resolve(_ name: String, beside folder: String, fileSystem: FileSystem, usedAt: SourceLocation,
                               diagnostics: inout [Diagnostic]) -> (any WorkingCalendar)? {
        let file = RulesLoader.join(RulesLoader.join(folder.isEmpty ? "." : folder, "calendars"), name + ".json")
        if fileSystem.kind(of: file) == .file {
            return CalendarFileLoader.load(file: file, fileSystem: fileSystem, diagnostics: &diagnostics)
        }
        if let builtIn = BuiltInCalendars.calendar(named: name) { return builtIn }
        diagnostics.append(.error(
            "rules.unknown-calendar", at: usedAt,
            LocalizedText(en: "unknown calendar '\(name)': no \(file) and no built-in calendar of that name",
                          vi: "không có lịch '\(name)': không thấy \(file) và không có lịch dựng sẵn tên này"),
            hint: DidYouMean.hint(name, from: BuiltInCalendars.names) ?? LocalizedText(
                en: "built-in calendars: \(BuiltInCalendars.names.joined(separator: ", "))",
                vi: "các lịch dựng sẵn: \(BuiltInCalendars.names.joined(separator: ", "))")))
        return nil
    }
}
