/// Reads a calendar file (`calendars/NAME.json`, spec §4.5) into a `TableCalendar`:
///
///     {"calendar": "vn", "extends": "vn",
///      "source": "Thông báo lịch nghỉ năm 2027",
///      "replaceYears": [2027],
///      "holidays": [{"date": "2027-02-05", "name": "Tết Nguyên đán"},
///                   {"date": "2027-02-10", "name": "Nghỉ bù Tết", "kind": "day-off"}],
///      "workdays": [{"date": "2027-02-20", "name": "Làm bù"}],
///      "options": {"cultureDay": true}}
///
/// A file either stands alone (`weekend`, default Saturday and Sunday) or extends a built-in
/// calendar (`extends`), keeping its weekend and years. `replaceYears` (extending only)
/// lists years whose schedule the file gives in full. `options` tune the extended `vn`
/// calendar: `cultureDay` turns on 24/11, Ngày Văn hóa Việt Nam, from 2026 (`true`) or
/// from a given year. `source` and `notes` are for people and are not read.
public enum CalendarFileLoader {
    public static let keys = ["calendar", "extends", "weekend", "holidays", "workdays", "years", "replaceYears",
                              "options", "source", "notes"]
    static let entryKeys = ["date", "name", "kind"]
    static let optionKeys = ["cultureDay"]
    /// The year Resolution 80-NQ/TW named 24/11 Ngày Văn hóa Việt Nam: `"cultureDay": true`
    /// starts there.
    public static let cultureDayFirstYear = 2026

    /// Reads and checks the file; nil (with diagnostics) when it cannot be used.
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
        return load(document.root, name: name(ofFile: file), diagnostics: &diagnostics)
    }

    /// The calendar name a file stands for: its base name without `.json`.
    public static func name(ofFile file: String) -> String {
        let base = String(file.split(separator: "/").last ?? "")
        return base.hasSuffix(".json") ? String(base.dropLast(5)) : base
    }

    /// Checks every `*.json` in `folder/calendars/`, used by a plan or not (`check lint`).
    /// Returns the files read, in name order; a folder without `calendars/` gives none.
    public static func checkAll(besideRules folder: String, fileSystem: FileSystem,
                                diagnostics: inout [Diagnostic]) -> [String] {
        let calendars = RulesLoader.join(folder, "calendars")
        guard fileSystem.kind(of: calendars) == .directory else { return [] }
        let files = fileSystem.list(calendars).filter { $0.hasSuffix(".json") }.sorted()
            .map { RulesLoader.join(calendars, $0) }.filter { fileSystem.kind(of: $0) == .file }
        for file in files { _ = load(file: file, fileSystem: fileSystem, diagnostics: &diagnostics) }
        return files
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
        let options = vietnamOptions(&o, root: root, &d)
        var basis: TableCalendar.Basis = .standalone(weekend: [.saturday, .sunday])
        let base = o.string("extends", diagnostics: &d)
        if let base, let node = root["extends"] {
            if o.has("weekend") {
                d.append(.error("calendar.weekend-and-extends", at: root["weekend"]?.location,
                                LocalizedText(en: "a calendar that extends another keeps its weekend: remove 'weekend' or 'extends'",
                                              vi: "lịch mở rộng lịch khác thì giữ ngày nghỉ hằng tuần của lịch đó: bỏ 'weekend' hoặc 'extends'")))
            }
            if let calendar = BuiltInCalendars.calendar(named: base, options: base == "vn" ? options : VietnamCalendar.Options()) {
                basis = .extending(calendar)
            } else {
                d.append(.error("calendar.unknown", at: node.location,
                                LocalizedText(en: "'extends' names no built-in calendar: \(Wording.quoted(base))", vi: "'extends' không phải lịch dựng sẵn: \(Wording.quoted(base))"),
                                hint: DidYouMean.hint(base, from: BuiltInCalendars.names) ?? LocalizedText(
                                    en: "built-in calendars: \(Loading.list(BuiltInCalendars.names))",
                                    vi: "các lịch dựng sẵn: \(Loading.list(BuiltInCalendars.names))")))
            }
        }
        if options != VietnamCalendar.Options(), base != "vn", let node = root["options"] {
            d.append(.error("calendar.options-without-vn", at: node.location,
                            LocalizedText(en: "'options' tune the built-in 'vn' calendar, which this calendar does not extend",
                                          vi: "'options' điều chỉnh lịch dựng sẵn 'vn', nhưng lịch này không mở rộng lịch đó"),
                            hint: LocalizedText(en: "add \"extends\": \"vn\"", vi: "thêm \"extends\": \"vn\"")))
        }
        if let list = o.strings("weekend", diagnostics: &d) {
            var days = Set<Weekday>()
            for (text, node) in list {
                if let w = Weekday(name: text) { days.insert(w) } else {
                    d.append(.error("calendar.bad-weekday", at: node.location,
                                    LocalizedText(en: "\(Wording.quoted(text)) is not a day of the week (monday … sunday, or thứ hai … chủ nhật)",
                                                  vi: "\(Wording.quoted(text)) không phải ngày trong tuần (thứ hai … chủ nhật, hoặc monday … sunday)"),
                                    hint: DidYouMean.hint(text, from: Weekday.allCases.map(\.name))))
                }
            }
            if case .standalone = basis { basis = .standalone(weekend: days) }
        }
        let holidays = entries(&o, "holidays", &d)
        let workdays = entries(&o, "workdays", &d)
        let years = yearList(&o, "years", &d)
        let replacing = yearList(&o, "replaceYears", &d) ?? []
        o.finish(allowed: keys, diagnostics: &d)
        // The entries that could be read are still checked against each other, so that one
        // run reports every problem; only a calendar without its base cannot be.
        if o.has("extends"), case .standalone = basis { return nil }
        let calendar: TableCalendar
        do {
            calendar = try TableCalendar(name: name, basis: basis, holidays: holidays, workdays: workdays,
                                         coveredYears: years, replacing: replacing, location: root.location)
        } catch {
            d += error.diagnostics
            return nil
        }
        return d[before...].contains(where: { $0.severity == .error }) ? nil : calendar
    }

    /// `options` of the extended `vn` calendar: `{"cultureDay": true | false | YEAR}`.
    static func vietnamOptions(_ o: inout ObjectFields, root: JSONNode, _ d: inout [Diagnostic]) -> VietnamCalendar.Options {
        var options = VietnamCalendar.Options()
        guard let node = o.value("options") else { return options }
        guard var fields = ObjectFields(node, what: LocalizedText(en: "calendar options", vi: "tùy chọn của lịch"), diagnostics: &d) else {
            return options
        }
        if let value = fields.value("cultureDay") {
            if let on = value.boolValue {
                options.cultureDayFrom = on ? cultureDayFirstYear : nil
            } else if let year = value.numberValue?.int, VietnamCalendar.years.contains(year) {
                options.cultureDayFrom = year
            } else {
                d.append(.error("rules.bad-value", at: value.location,
                                LocalizedText(en: "'cultureDay' must be true, false or the first year of the day off (\(VietnamCalendar.years.lowerBound)–\(VietnamCalendar.years.upperBound)), found \(Loading.shown(value).en)",
                                              vi: "'cultureDay' phải là true, false hoặc năm bắt đầu được nghỉ (\(VietnamCalendar.years.lowerBound)–\(VietnamCalendar.years.upperBound)), nhưng gặp \(Loading.shown(value).vi)"),
                                hint: LocalizedText(en: "\"cultureDay\": true makes 24/11 a day off from \(cultureDayFirstYear)",
                                                    vi: "\"cultureDay\": true cho nghỉ ngày 24/11 từ năm \(cultureDayFirstYear)")))
            }
        }
        fields.finish(allowed: optionKeys, diagnostics: &d)
        return options
    }

    /// A list of years (`years`, `replaceYears`); nil when the key is absent.
    static func yearList(_ o: inout ObjectFields, _ key: String, _ d: inout [Diagnostic]) -> Set<Int>? {
        guard let node = o.value(key) else { return nil }
        guard let list = node.elements else {
            d.append(Loading.wrongType(node, expected: LocalizedText(en: "an array of years", vi: "một mảng các năm")))
            return nil
        }
        var years = Set<Int>()
        for element in list {
            guard let year = element.numberValue?.int, (1...9999).contains(year) else {
                d.append(Loading.wrongType(element, expected: LocalizedText(en: "a year such as 2027", vi: "một năm, ví dụ 2027")))
                continue
            }
            years.insert(year)
        }
        return years
    }

    static func entries(_ o: inout ObjectFields, _ key: String, _ d: inout [Diagnostic]) -> [TableCalendar.Entry] {
        guard let node = o.value(key) else { return [] }
        guard let list = node.elements else {
            d.append(Loading.wrongType(node, expected: LocalizedText(en: "an array of {\"date\", \"name\"}", vi: "một mảng {\"date\", \"name\"}")))
            return []
        }
        let isHolidays = key == "holidays"
        var out: [TableCalendar.Entry] = []
        for element in list {
            guard var e = ObjectFields(element, what: LocalizedText(en: "a calendar day", vi: "một ngày trong lịch"), diagnostics: &d) else { continue }
            let text = e.string("date", required: true, diagnostics: &d)
            let name = e.string("name", diagnostics: &d)
            var kind: CalendarDay.Kind? = nil
            if e.has("kind") {
                // Only a day off can be of two kinds; a make-up working day is always `workday`.
                let choices = isHolidays ? ["holiday", "day-off"] : ["workday"]
                kind = e.choice("kind", choices, diagnostics: &d).flatMap(CalendarDay.Kind.init(rawValue:))
            }
            e.finish(allowed: entryKeys, diagnostics: &d)
            guard let text else { continue }
            let date: CivilDate
            if let iso = CivilDate.parseISO(Substring(text)) {
                date = iso
            } else {
                do {
                    date = try DateParser.parse(text, defaultYear: nil)
                } catch {
                    d.append(.error("calendar.bad-date", at: element["date"]?.location, error.message,
                                    hint: error.hint ?? LocalizedText(en: "write the date as YYYY-MM-DD, e.g. 2027-02-05",
                                                                      vi: "ghi ngày dạng YYYY-MM-DD, ví dụ 2027-02-05")))
                    continue
                }
            }
            out.append(TableCalendar.Entry(date: date, name: name, location: element.location, kind: kind))
        }
        return out
    }
}
