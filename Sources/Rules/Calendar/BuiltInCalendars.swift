/// The calendars built into the tool, by the name a plan's `calendar` key uses (spec §4.5):
/// `vn` (Vietnam's working days) and `none` (every day is a working day). A plan's name is
/// looked up in `calendars/NAME.json` first; only then here.
public enum BuiltInCalendars {
    /// The shared `vn` calendar: one instance, so that every plan reuses its computed years.
    public static let vietnam = VietnamCalendar()

    /// Every built-in name, sorted.
    public static let names = ["none", "vn"]

    /// The built-in calendar called `name` (exact, lower case), or nil. `options` apply to
    /// `vn`; the default options give the shared instance.
    public static func calendar(named name: String,
                                options: VietnamCalendar.Options = VietnamCalendar.Options()) -> (any WorkingCalendar)? {
        switch name {
        case "vn": return options == VietnamCalendar.Options() ? vietnam : VietnamCalendar(options: options)
        case "none": return EveryDayCalendar()
        default: return nil
        }
    }

    /// The built-in calendar called `name`, or a `calendar.unknown` error that lists the
    /// known names and suggests the closest one.
    public static func lookup(_ name: String, at location: SourceLocation? = nil,
                              options: VietnamCalendar.Options = VietnamCalendar.Options()) throws(DiagnosticsError) -> any WorkingCalendar {
        if let calendar = calendar(named: name, options: options) { return calendar }
        let known = names.map { "'\($0)'" }.joined(separator: ", ")
        let hint = DidYouMean.hint(name, from: names)
            ?? LocalizedText(en: "add calendars/\(name).json beside the rules file, or use one of \(known)",
                             vi: "thêm tệp calendars/\(name).json cạnh tệp quy tắc, hoặc dùng một trong \(known)")
        throw DiagnosticsError([.error("calendar.unknown", at: location,
                                       LocalizedText(en: "unknown calendar '\(name)': no calendar file of that name and no built-in one (\(known))",
                                                     vi: "không có lịch '\(name)': không có tệp lịch nào tên như vậy và cũng không có lịch dựng sẵn (\(known))"),
                                       hint: hint)])
    }
}
