import Foundation

/// Turns the JSON of one rules file into a `Plan` (spec §2), collecting every problem.
public enum PlanLoader {
    public static let planKeys = ["plan", "title", "source", "units", "year", "timezone", "calendar", "roll",
                                  "numbers", "owner", "owners", "indicators", "rules", "reports", "notes",
                                  "warnDays", "pace"]
    public static let reportKeys = ["id", "title", "every", "periods", "due", "from", "to", "owner", "units",
                                    "severity", "requires"]

    /// The plan, or nil when it has errors; the diagnostics either way (notes and warnings
    /// do not make it nil).
    public static func load(_ root: JSONNode) -> (plan: Plan?, diagnostics: [Diagnostic]) {
        var d: [Diagnostic] = []
        guard var obj = ObjectFields(root, what: LocalizedText(en: "a plan", vi: "một kế hoạch"), diagnostics: &d) else {
            return (nil, d)
        }
        let errorsBefore = d.count
        let id = obj.string("plan", required: true, diagnostics: &d)
        if let id, !Loading.isIndicatorSlug(id) {
            d.append(.error("rules.bad-slug", at: root["plan"]?.location,
                            LocalizedText(en: "plan id \(Wording.quoted(id)) is not a valid slug: use lower-case letters, digits and '-'",
                                          vi: "mã kế hoạch \(Wording.quoted(id)) không hợp lệ: chỉ dùng chữ thường không dấu, số và '-'")))
        }
        let title = obj.string("title", diagnostics: &d)
        let source = obj.string("source", diagnostics: &d)
        let year = obj.integer("year", range: 1900...2100, required: true, diagnostics: &d)
        let units = loadUnits(&obj, &d)
        let timeZone = obj.string("timezone", diagnostics: &d) ?? "Asia/Ho_Chi_Minh"
        if TimeZone(identifier: timeZone) == nil, let node = root["timezone"] {
            d.append(.error("rules.bad-value", at: node.location,
                            LocalizedText(en: "unknown time zone \(Wording.quoted(timeZone)): expected an IANA name such as 'Asia/Ho_Chi_Minh'",
                                          vi: "múi giờ \(Wording.quoted(timeZone)) không hợp lệ: cần tên IANA như 'Asia/Ho_Chi_Minh'"),
                            hint: DidYouMean.hint(timeZone, from: TimeZone.knownTimeZoneIdentifiers)))
        }
        let calendar = obj.string("calendar", diagnostics: &d) ?? "vn"
        let roll = obj.choice("roll", ["next-working-day", "none"], diagnostics: &d) ?? "next-working-day"
        let numbers = obj.choice("numbers", NumberStyle.allCases.map(\.rawValue), diagnostics: &d)
            .flatMap(NumberStyle.init) ?? .auto
        let owners = loadOwners(&obj, &d)
        let defaultOwner = obj.string("owner", diagnostics: &d)
        if let o = defaultOwner, let node = root["owner"] { checkOwner(o, at: node, owners: owners, &d) }
        let indicators = loadIndicators(&obj, &d)
        let notes = (obj.strings("notes", diagnostics: &d) ?? []).map(\.0)
        let warnDays = obj.integer("warnDays", range: 0...366, diagnostics: &d) ?? 7
        let pace = obj.bool("pace", diagnostics: &d) ?? false

        var rules: [Rule] = []
        var reports: [ReportSchedule] = []
        if let year {
            let header = PlanHeader(id: id ?? "", year: year, numbers: numbers, indicators: indicators)
            rules = loadRules(&obj, header: header, owners: owners, &d)
            reports = loadReports(&obj, header: header, owners: owners, &d)
            // Checked on the raw objects, so that two broken rules with one id are still reported.
            var seen: [String: SourceLocation] = [:]
            let objects = (root["rules"]?.elements ?? []) + (root["reports"]?.elements ?? [])
            for idNode in objects.compactMap({ $0["id"] }) {
                guard let rid = idNode.stringValue else { continue }
                if let first = seen[rid] {
                    d.append(.error("rules.duplicate-id", at: idNode.location,
                                    LocalizedText(en: "id \(Wording.quoted(rid)) is already used at line \(first.line ?? 0) (rules and reports share ids)",
                                                  vi: "mã \(Wording.quoted(rid)) đã được dùng ở dòng \(first.line ?? 0) (quy tắc và báo cáo dùng chung mã)")))
                } else {
                    seen[rid] = idNode.location
                }
            }
        } else {
            _ = (obj.value("rules"), obj.value("reports"))
        }
        obj.finish(allowed: planKeys, diagnostics: &d)

        let failed = d[errorsBefore...].contains { $0.severity == .error }
        guard !failed, let id, let year, let units else { return (nil, d) }
        return (Plan(id: id, title: title, source: source, units: units, year: year, timeZone: timeZone,
                     calendarName: calendar, rollsToWorkingDay: roll == "next-working-day", numbers: numbers,
                     defaultOwner: defaultOwner, owners: owners, indicators: indicators, rules: rules, reports: reports,
                     notes: notes, warnDays: warnDays, pace: pace, file: root.file), d)
    }

    // MARK: - Plan parts

    static func loadUnits(_ obj: inout ObjectFields, _ d: inout [Diagnostic]) -> Plan.UnitSelection? {
        guard let node = obj.value("units") else {
            d.append(obj.missing("units"))
            return nil
        }
        if node.stringValue == "*" { return .everyUnitInData }
        guard let list = slugList(node, &d) else { return nil }
        guard !list.isEmpty else {
            d.append(.error("rules.empty-value", at: node.location,
                            LocalizedText(en: "'units' lists no unit: give unit slugs or \"*\" for every unit in the data",
                                          vi: "'units' không có đơn vị nào: ghi mã đơn vị hoặc \"*\" cho mọi đơn vị có trong số liệu")))
            return nil
        }
        return .listed(list)
    }

    /// A list of unit slugs (plan, rule or report `units`).
    static func slugList(_ node: JSONNode, _ d: inout [Diagnostic]) -> [String]? {
        guard let elements = node.elements else {
            d.append(Loading.wrongType(node, expected: LocalizedText(en: "an array of unit slugs or \"*\"",
                                                                     vi: "một mảng mã đơn vị hoặc \"*\"")))
            return nil
        }
        var out: [String] = []
        var ok = true
        for e in elements {
            guard let s = e.stringValue else {
                d.append(Loading.wrongType(e, expected: LocalizedText(en: "a unit slug", vi: "một mã đơn vị")))
                ok = false
                continue
            }
            guard Loading.isUnitSlug(s) else {
                d.append(.error("rules.bad-slug", at: e.location,
                                LocalizedText(en: "unit \(Wording.quoted(s)) is not a valid slug: use lower-case letters without accents, digits and '-' (e.g. 'cao-minh')",
                                              vi: "mã đơn vị \(Wording.quoted(s)) không hợp lệ: dùng chữ thường không dấu, số và '-' (ví dụ 'cao-minh')")))
                ok = false
                continue
            }
            if out.contains(s) {
                d.append(.error("rules.duplicate-id", at: e.location,
                                LocalizedText(en: "unit \(Wording.quoted(s)) is listed twice", vi: "đơn vị \(Wording.quoted(s)) bị liệt kê hai lần")))
                ok = false
            }
            out.append(s)
        }
        return ok ? out : nil
    }

    static func loadOwners(_ obj: inout ObjectFields, _ d: inout [Diagnostic]) -> [Owner] {
        guard let node = obj.value("owners") else { return [] }
        guard let members = node.members else {
            d.append(Loading.wrongType(node, expected: LocalizedText(en: "an object of owners (id → {name, email})",
                                                                     vi: "một đối tượng các đơn vị chủ trì (mã → {name, email})")))
            return []
        }
        var owners: [Owner] = []
        for m in members {
            guard var o = ObjectFields(m.value, what: LocalizedText(en: "an owner", vi: "một đơn vị chủ trì"), diagnostics: &d) else { continue }
            if !Loading.isIndicatorSlug(m.key) {
                d.append(.error("rules.bad-slug", at: m.keyLocation,
                                LocalizedText(en: "owner id \(Wording.quoted(m.key)) is not a valid slug", vi: "mã đơn vị chủ trì \(Wording.quoted(m.key)) không hợp lệ")))
            }
            let name = o.string("name", diagnostics: &d)
            let email = o.string("email", diagnostics: &d)
            for (key, value) in [("name", name), ("email", email)] {
                if let value, value.contains(where: { $0.isNewline || $0 == "\0" }) {
                    d.append(.error("rules.bad-value", at: m.value[key]?.location,
                                    LocalizedText(en: "owner \(key) must be on one line (a line break here could forge email headers)",
                                                  vi: "\(key) của đơn vị chủ trì phải nằm trên một dòng (xuống dòng có thể giả mạo tiêu đề email)")))
                }
            }
            if let email, !isPlausibleEmail(email) {
                d.append(.error("rules.bad-value", at: m.value["email"]?.location,
                                LocalizedText(en: "\(Wording.quoted(email)) is not an email address (expected name@domain)",
                                              vi: "\(Wording.quoted(email)) không phải địa chỉ email (cần dạng ten@mien)")))
            }
            o.finish(allowed: ["name", "email"], diagnostics: &d)
            owners.append(Owner(id: m.key, name: name, email: email))
        }
        return owners
    }

    /// `local@domain` with no spaces, angle brackets or line breaks: enough to catch typos
    /// and header injection; deliverability is the mail system's business.
    static func isPlausibleEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix(".") else { return false }
        return !s.unicodeScalars.contains { $0.value <= 0x20 || "<>()[]\\,;:\"".unicodeScalars.contains($0) || $0.value == 0x7F }
    }

    static func checkOwner(_ owner: String, at node: JSONNode, owners: [Owner], _ d: inout [Diagnostic]) {
        guard !owners.isEmpty, !owners.contains(where: { $0.id == owner }) else { return }
        let known = owners.map(\.id)
        d.append(.error("rules.unknown-owner", at: node.location,
                        LocalizedText(en: "owner \(Wording.quoted(owner)) is not in the plan's owners", vi: "đơn vị chủ trì \(Wording.quoted(owner)) không có trong danh sách 'owners'"),
                        hint: DidYouMean.hint(owner, from: known) ?? LocalizedText(
                            en: "the plan's owners are \(Loading.list(known)); add \(Wording.quoted(owner)) there or use one of them",
                            vi: "các đơn vị chủ trì của kế hoạch: \(Loading.list(known)); thêm \(Wording.quoted(owner)) vào đó hoặc dùng một trong số này")))
    }

    static func loadIndicators(_ obj: inout ObjectFields, _ d: inout [Diagnostic]) -> [String: Indicator] {
        guard let node = obj.value("indicators") else { return [:] }
        guard let members = node.members else {
            d.append(Loading.wrongType(node, expected: LocalizedText(en: "an object of indicators (id → {title, unit, aggregate})",
                                                                     vi: "một đối tượng các chỉ tiêu (mã → {title, unit, aggregate})")))
            return [:]
        }
        var out: [String: Indicator] = [:]
        for m in members {
            if !Loading.isIndicatorSlug(m.key) {
                d.append(.error("rules.bad-slug", at: m.keyLocation,
                                LocalizedText(en: "indicator id \(Wording.quoted(m.key)) is not a valid slug: use lower-case letters, digits, '_', '.', '-'",
                                              vi: "mã chỉ tiêu \(Wording.quoted(m.key)) không hợp lệ: chỉ dùng chữ thường không dấu, số, '_', '.', '-'")))
            }
            guard var o = ObjectFields(m.value, what: LocalizedText(en: "an indicator", vi: "một chỉ tiêu"), diagnostics: &d) else { continue }
            let title = o.string("title", diagnostics: &d)
            let unit = o.string("unit", diagnostics: &d).map { $0.trimmingCharacters(in: .whitespaces) }
            let aggregate = o.choice("aggregate", Indicator.Aggregate.allCases.map(\.rawValue), diagnostics: &d)
                .flatMap(Indicator.Aggregate.init) ?? .latest
            o.finish(allowed: ["title", "unit", "aggregate"], diagnostics: &d)
            out[m.key] = Indicator(id: m.key, title: title, unit: unit, aggregate: aggregate)
        }
        return out
    }

    // MARK: - Rules

    static func loadRules(_ obj: inout ObjectFields, header: PlanHeader, owners: [Owner], _ d: inout [Diagnostic]) -> [Rule] {
        guard let node = obj.value("rules") else { return [] }
        guard let elements = node.elements else {
            d.append(Loading.wrongType(node, expected: LocalizedText(en: "an array of rules", vi: "một mảng các quy tắc")))
            return []
        }
        var rules: [Rule] = []
        for element in elements {
            if let rule = loadRule(element, header: header, owners: owners, &d) { rules.append(rule) }
        }
        return rules
    }

    static func loadRule(_ node: JSONNode, header: PlanHeader, owners: [Owner], _ d: inout [Diagnostic]) -> Rule? {
        guard var o = ObjectFields(node, what: LocalizedText(en: "a rule", vi: "một quy tắc"), diagnostics: &d) else { return nil }
        let errorsBefore = d.count
        let id = o.string("id", required: true, diagnostics: &d)
        if let id, !Loading.isIndicatorSlug(id) {
            d.append(.error("rules.bad-slug", at: node["id"]?.location,
                            LocalizedText(en: "rule id \(Wording.quoted(id)) is not a valid slug: use lower-case letters, digits, '_', '.', '-'",
                                          vi: "mã quy tắc \(Wording.quoted(id)) không hợp lệ: chỉ dùng chữ thường không dấu, số, '_', '.', '-'")))
        }
        let title = o.string("title", diagnostics: &d)
        let owner = o.string("owner", diagnostics: &d)
        if let owner, let n = node["owner"] { checkOwner(owner, at: n, owners: owners, &d) }
        let severity = o.choice("severity", Severity.allCases.map(\.rawValue), diagnostics: &d).flatMap(Severity.init) ?? .violation
        let source = o.string("source", diagnostics: &d)
        let note = o.string("note", diagnostics: &d)
        let units = o.value("units").flatMap { slugList($0, &d) }

        let shapes = RuleKinds.all.filter { o.has($0.descriptor.shapeKey) }
        let shapeKeys = RuleKinds.all.map { $0.descriptor.shapeKey }
        guard shapes.count == 1, let kindType = shapes.first else {
            if shapes.isEmpty {
                let guess = o.keys.lazy.compactMap { DidYouMean.suggest($0, from: shapeKeys) }.first
                d.append(.error("rules.no-shape", at: node.location,
                                LocalizedText(en: "a rule needs exactly one of \(Loading.list(shapeKeys))",
                                              vi: "mỗi quy tắc cần đúng một trong các khóa \(Loading.list(shapeKeys))"),
                                hint: guess.map { LocalizedText(en: "did you mean '\($0)'?", vi: "có phải ý bạn là '\($0)'?") }))
            } else {
                let names = shapes.map { $0.descriptor.shapeKey }
                d.append(.error("rules.several-shapes", at: node.location,
                                LocalizedText(en: "a rule has exactly one shape, found \(Loading.list(names))",
                                              vi: "mỗi quy tắc chỉ có một dạng, nhưng gặp \(Loading.list(names))"),
                                hint: LocalizedText(en: "split it into one rule per shape", vi: "tách thành nhiều quy tắc, mỗi quy tắc một dạng")))
            }
            return nil
        }
        o.what = LocalizedText(en: "a \(kindType.descriptor.shapeKey) rule", vi: "quy tắc dạng \(kindType.descriptor.shapeKey)")
        var fields = RuleFields(object: o, ruleID: id ?? "", plan: header)
        let kind = kindType.load(&fields)
        d.append(contentsOf: fields.diagnostics)
        let allowed = RuleKinds.commonKeys + kindType.descriptor.keys
        var foreign: [String: String] = [:]
        for other in RuleKinds.all where other.descriptor.shapeKey != kindType.descriptor.shapeKey {
            for key in other.descriptor.keys where !allowed.contains(key) {
                foreign[key] = foreign[key].map { "\($0)/\(other.descriptor.shapeKey)" } ?? other.descriptor.shapeKey
            }
        }
        fields.object.finish(allowed: allowed, foreign: foreign, diagnostics: &d)
        o = fields.object
        guard let id, let kind, !d[errorsBefore...].contains(where: { $0.severity == .error }) else { return nil }
        return Rule(id: id, title: title, owner: owner, severity: severity, source: source, note: note, units: units, kind: kind,
                    location: node.location)
    }

    // MARK: - Report schedules

    static func loadReports(_ obj: inout ObjectFields, header: PlanHeader, owners: [Owner], _ d: inout [Diagnostic]) -> [ReportSchedule] {
        guard let node = obj.value("reports") else { return [] }
        guard let elements = node.elements else {
            d.append(Loading.wrongType(node, expected: LocalizedText(en: "an array of report schedules", vi: "một mảng các lịch báo cáo")))
            return []
        }
        return elements.compactMap { loadReport($0, header: header, owners: owners, &d) }
    }

    static func loadReport(_ node: JSONNode, header: PlanHeader, owners: [Owner], _ d: inout [Diagnostic]) -> ReportSchedule? {
        guard var o = ObjectFields(node, what: LocalizedText(en: "a report schedule", vi: "một lịch báo cáo"), diagnostics: &d) else { return nil }
        let errorsBefore = d.count
        let id = o.string("id", required: true, diagnostics: &d)
        if let id, !Loading.isIndicatorSlug(id) {
            d.append(.error("rules.bad-slug", at: node["id"]?.location,
                            LocalizedText(en: "report id \(Wording.quoted(id)) is not a valid slug", vi: "mã báo cáo \(Wording.quoted(id)) không hợp lệ")))
        }
        let title = o.string("title", diagnostics: &d)
        let owner = o.string("owner", diagnostics: &d)
        if let owner, let n = node["owner"] { checkOwner(owner, at: n, owners: owners, &d) }
        let severity = o.choice("severity", Severity.allCases.map(\.rawValue), diagnostics: &d).flatMap(Severity.init) ?? .violation
        let units = o.value("units").flatMap { slugList($0, &d) }
        let year = header.year

        var cadence: ReportSchedule.Cadence? = nil
        var periods: [Period] = []
        switch (o.has("every"), o.has("periods")) {
        case (true, true):
            _ = o.value("periods")
            d.append(.error("rules.several-shapes", at: node.location,
                            LocalizedText(en: "a report schedule has 'every' or 'periods', not both",
                                          vi: "lịch báo cáo dùng 'every' hoặc 'periods', không dùng cả hai")))
        case (false, false):
            d.append(.error("rules.missing-key", at: node.location,
                            LocalizedText(en: "a report schedule needs 'every' (month, quarter, half, year) or 'periods'",
                                          vi: "lịch báo cáo cần 'every' (month, quarter, half, year) hoặc 'periods'")))
        case (true, false):
            cadence = o.choice("every", ReportSchedule.Cadence.allCases.map(\.rawValue), diagnostics: &d)
                .flatMap(ReportSchedule.Cadence.init)
            switch cadence {
            case .month: periods = (1...12).map { .month(year, $0) }
            case .quarter: periods = (1...4).map { .quarter(year, $0) }
            case .half: periods = (1...2).map { .half(year, $0) }
            case .year: periods = [.year(year)]
            case nil: break
            }
        case (false, true):
            for (text, element) in o.strings("periods", diagnostics: &d) ?? [] {
                if let p = PeriodParser.parse(text, defaultYear: year) {
                    periods.append(p)
                } else {
                    d.append(.error("rules.bad-period", at: element.location,
                                    LocalizedText(en: "expected a period such as '2026-Q1', '2026-H1', '2026-9M', '2026', found \(Wording.quoted(text))",
                                                  vi: "cần một kỳ như '2026-Q1', '2026-H1', '2026-9M', '2026', nhưng gặp \(Wording.quoted(text))")))
                }
            }
        }
        let from = o.string("from", diagnostics: &d).flatMap { text in
            Loading.windowBound(text, at: node["from"]!, key: "from", end: false, year: year, diagnostics: &d)
        }
        let to = o.string("to", diagnostics: &d).flatMap { text in
            Loading.windowBound(text, at: node["to"]!, key: "to", end: true, year: year, diagnostics: &d)
        }
        periods = periods.filter { p in (from.map { p.end >= $0 } ?? true) && (to.map { p.end <= $0 } ?? true) }

        var due: DueRule? = nil
        let dueText = o.string("due", required: true, diagnostics: &d)
        if let dueText, let dueNode = node["due"] {
            do { due = try DueRuleParser.parse(dueText, year: year) } catch {
                d.append(Loading.languageError(error, at: dueNode))
            }
        }
        var requires: ReportSchedule.RequiredIndicators = .none
        if let r = o.value("requires") {
            if r.stringValue == "all" {
                requires = .all
            } else if let list = r.elements {
                var ids: [String] = []
                for e in list {
                    if let s = e.stringValue, Loading.isIndicatorSlug(s) { ids.append(s) } else {
                        d.append(Loading.wrongType(e, expected: LocalizedText(en: "an indicator id", vi: "một mã chỉ tiêu")))
                    }
                }
                requires = .listed(ids)
            } else {
                d.append(Loading.wrongType(r, expected: LocalizedText(en: "\"all\" or an array of indicator ids",
                                                                      vi: "\"all\" hoặc một mảng mã chỉ tiêu")))
            }
        }
        o.finish(allowed: reportKeys, diagnostics: &d)
        guard let id, let due, let dueText, !d[errorsBefore...].contains(where: { $0.severity == .error }) else { return nil }
        return ReportSchedule(id: id, title: title, cadence: cadence, periods: periods, due: due, dueWritten: dueText,
                              owner: owner, units: units, severity: severity, requires: requires, location: node.location)
    }
}
