/// Reads a calendar file (`calendars/NAME.json`, spec §4.5) into a `TableCalendar`:
///
///     {"calendar": "vn", "extends": "vn",
///      "holidays": [{"date": "2027-02-05", "name": "Tết Nguyên đán"}],
///      "workdays": [{"date": "2027-02-20", "name": "Làm bù"}]}
///
/// A file either stands alone (`weekend`, default Saturday and Sunday) or extends a built-in
/// calendar (`extends`), keeping its weekend and years.
public enum CalendarFileLoader {
    public static let keys = ["calendar", "extends", "weekend", "holidays", "workdays", "years"]

    public static func load(file: String, fileSystem: FileSystem, diagnostics: inout [Diagnostic]) -> (any WorkingCalendar)? {
        guard let bytes = fileSystem.read(file) else {
            diagnostics.append(.error("rules.unreadable", at: SourceLocation(file: file),
                                      LocalizedText(en: "cannot read the calendar file", vi: "không đọc được tệp lịch")))
            return nil
        }
        let document: JSONDocument
        do {
            document = try JSONReader.parse(bytes, file: file)
        } catch {
            diagnostics.append(error.diagnostic)
            return nil
        }
        diagnostics += document.diagnostics
        let stem = String((file.split(separator: "/").last ?? "").dropLast(5))
        return load(document.root, name: stem, diagnostics: &diagnostics)
    }

    public static func load(_ root: JSONNode, name: String, diagnostics d: inout [Diagnostic]) -> (any WorkingCalendar)? {
        guard var o = ObjectFields(root, what: LocalizedText(en: "a calendar", vi: "một lịch"), diagnostics: &d) else { return nil }
        let before = d.count
        if let declared = o.string("calendar", diagnostics: &d), declared != name {
            d.append(.error("calendar.name-mismatch", at: root["calendar"]?.location,
                            LocalizedText(en: "the file is calendars/\(name).json but says \"calendar\": \"\(declared)\"",
                                          vi: "tệp là calendars/\(name).json nhưng ghi \"calendar\": \"\(declared)\""),
                            hint: LocalizedText(en: "plans find a calendar by its file name", vi: "kế hoạch tìm lịch theo tên tệp")))
        }
        var basis: TableCalendar.Basis = .standalone(weekend: [.saturday, .sunday])
        if let base = o.string("extends", diagnostics: &d), let node = root["extends"] {
            if o.has("weekend") {
                d.append(.error("calendar.weekend-and-extends", at: root["weekend"]?.location,
                                LocalizedText(en: "a calendar that extends another keeps its weekend: remove 'weekend' or 'extends'",
                                              vi: "lịch mở rộng lịch khác thì giữ ngày nghỉ hằng tuần của lịch đó: bỏ 'weekend' hoặc 'extends'")))
            }
            if let calendar = BuiltInCalendars.calendar(named: base) {
                basis = .extending(calendar)
            } else {
                d.append(.error("calendar.unknown", at: node.location,
                                LocalizedText(en: "'extends' names no built-in calendar: '\(base)'", vi: "'extends' không phải lịch dựng sẵn: '\(base)'"),
                                hint: DidYouMean.hint(base, from: BuiltInCalendars.names)))
            }
        }
        if let list = o.strings("weekend", diagnostics: &d) {
            var days = Set<Weekday>()
            for (text, node) in list {
                if let w = Weekday(name: text) { days.insert(w) } else {
                    d.append(.error("calendar.bad-weekday", at: node.location,
                                    LocalizedText(en: "'\(text)' is not a day of the week (monday … sunday, or thứ hai … chủ nhật)",
                                                  vi: "'\(text)' không phải ngày trong tuần (thứ hai … chủ nhật, hoặc monday … sunday)"),
                                    hint: DidYouMean.hint(text, from: Weekday.allCases.map(\.name))))
                }
            }
            if case .standalone = basis { basis = .standalone(weekend: days) }
        }
        let holidays = entries(&o, "holidays", &d)
        let workdays = entries(&o, "workdays", &d)
        var years: Set<Int>? = nil
        if let node = o.value("years") {
            if let list = node.elements, list.allSatisfy({ $0.numberValue?.int != nil }) {
                years = Set(list.compactMap { $0.numberValue?.int })
            } else {
                d.append(Loading.wrongType(node, expected: LocalizedText(en: "an array of years", vi: "một mảng các năm")))
            }
        }
        o.finish(allowed: keys, diagnostics: &d)
        guard !d[before...].contains(where: { $0.severity == .error }) else { return nil }
        do {
            return try TableCalendar(name: name, basis: basis, holidays: holidays, workdays: workdays,
                                     coveredYears: years, location: root.location)
        } catch {
            d += error.diagnostics
            return nil
        }
    }

    static func entries(_ o: inout ObjectFields, _ key: String, _ d: inout [Diagnostic]) -> [TableCalendar.Entry] {
        guard let node = o.value(key) else { return [] }
        guard let list = node.elements else {
            d.append(Loading.wrongType(node, expected: LocalizedText(en: "an array of {\"date\", \"name\"}", vi: "một mảng {\"date\", \"name\"}")))
            return []
        }
        var out: [TableCalendar.Entry] = []
        for element in list {
            guard var e = ObjectFields(element, what: LocalizedText(en: "a calendar day", vi: "một ngày trong lịch"), diagnostics: &d) else { continue }
            let text = e.string("date", required: true, diagnostics: &d)
            let name = e.string("name", diagnostics: &d)
            e.finish(allowed: ["date", "name"], diagnostics: &d)
            guard let text else { continue }
            guard let date = CivilDate.parseISO(Substring(text)) ?? (try? DateParser.parse(text, defaultYear: nil)) else {
                d.append(.error("calendar.bad-date", at: element["date"]?.location,
                                LocalizedText(en: "cannot read the date '\(text)': expected YYYY-MM-DD",
                                              vi: "không đọc được ngày '\(text)': cần dạng YYYY-MM-DD")))
                continue
            }
            out.append(TableCalendar.Entry(date: date, name: name, location: element.location))
        }
        return out
    }
}
