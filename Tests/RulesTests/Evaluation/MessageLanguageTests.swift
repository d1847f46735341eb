import Testing
@testable import Rules

/// Messages composed in the one language the output shows are the same text as when both
/// are composed; the other language is left empty, and its text is never built.
@Suite struct MessageLanguageTests {
    static let plan = Harness.plan(rules: """
        {"id": "t", "indicator": "x", "target": "≥ 50", "due": "31/03/2026"},
        {"id": "m", "indicator": "y", "maintain": "từ 90% trở lên"},
        {"id": "d", "indicator": "z", "target": "≥ 3000", "due": "30/04/2026"}
        """)
    static let csv = """
        u,2026-03,x,41.5,2026-04-02,
        u,2026-01,y,93,2026-02-02,
        u,2026-02,y,88.25,2026-03-02,
        u,2026-03,z,2500.5,2026-04-02,
        """

    static func findings(_ language: Language?) throws -> [Finding] {
        let rules = try Harness.loadPlan(plan)
        let asOf = CivilDate(year: 2026, month: 4, day: 24)!
        let scope = DataScope(plans: rules.plans, asOf: asOf, numbers: .c, unitFilter: [])
        let body = "unit,period,indicator,value,submitted,report\n" + csv
        let loaded = DataLoader.load([.init(name: "d.csv", bytes: Array(body.utf8))], scope: scope, plans: rules.plans)
        var options = CheckOptions(asOf: asOf)
        options.messageLanguage = language
        return Engine.run(rules, data: loaded.data, dataFindings: loaded.findings, options: options).findings
    }

    @Test(arguments: [Language.en, .vi])
    func oneLanguageReadsAsBoth(_ language: Language) throws {
        let both = try Self.findings(nil)
        let one = try Self.findings(language)
        #expect(both.map(\.code) == [.dueSoon, MaintainRule.broken, TargetRule.missed])
        #expect(one.map { $0.message.text(language) } == both.map { $0.message.text(language) })
        let other: Language = language == .en ? .vi : .en
        // The target and maintain messages are composed in one language only.
        #expect(one.suffix(2).map { $0.message.text(other) } == ["", ""])
        #expect(both.allSatisfy { !$0.message.en.isEmpty && !$0.message.vi.isEmpty })
    }

    /// Every kind of finding a run makes from rules and reports: each composed in one
    /// language only, and the same text as when both are composed.
    static let everyKind = Harness.plan(rules: """
        {"id": "t", "indicator": "x", "target": "≥ 50", "due": "31/03/2026"},
        {"id": "d", "indicator": "z", "target": "≥ 3000", "due": "30/04/2026"},
        {"id": "n", "indicator": "w", "target": "≥ 1", "due": "31/03/2026"},
        {"id": "k", "task": "Hoàn thành kiểm kê", "due": "31/03/2026"},
        {"id": "s", "task": "Tổng kết phong trào", "due": "28/04/2026"},
        {"id": "p", "indicator": "v", "target": "≥ 120", "due": "31/12/2026", "pace": true}
        """, reports: #"{"id": "thang", "every": "month", "due": "by day 1 of the next month"}"#)

    @Test(arguments: [Language.en, .vi])
    func everyKindOfFindingIsComposedInOneLanguage(_ language: Language) throws {
        func run(_ language: Language?) throws -> [Finding] {
            let rules = try Harness.loadPlan(Self.everyKind)
            let asOf = CivilDate(year: 2026, month: 4, day: 24)!
            let scope = DataScope(plans: rules.plans, asOf: asOf, numbers: .c, unitFilter: [])
            let body = "unit,period,indicator,value,submitted,report\n" + """
                u,2026-01,v,2,2026-02-02,
                u,2026-03,v,3,2026-04-02,
                u,2026-03,x,41.5,2026-04-02,
                u,2026-03,z,2500.5,2026-04-02,
                """
            let loaded = DataLoader.load([.init(name: "d.csv", bytes: Array(body.utf8))], scope: scope, plans: rules.plans)
            var options = CheckOptions(asOf: asOf)
            options.messageLanguage = language
            return Engine.run(rules, data: loaded.data, dataFindings: loaded.findings, options: options).findings
        }
        let both = try run(nil), one = try run(language)
        let codes = Set(both.map(\.code.rawValue))
        #expect(codes.isSuperset(of: ["target-missed", "due-soon", "no-data", "task-overdue", "report-late", "report-missing", "report-due-soon", "task-due-soon", "behind-pace"]),
                "\(codes.sorted())")
        #expect(one.map { $0.message.text(language) } == both.map { $0.message.text(language) })
        let other: Language = language == .en ? .vi : .en
        let bothLanguages = one.filter { !$0.message.text(other).isEmpty }.map { "\($0.code) \($0.message.text(language))" }
        #expect(bothLanguages.isEmpty)
    }

    @Test func theUnusedLanguageIsNeverComposed() {
        var built: [String] = []
        func compose(_ s: String) -> String { built.append(s); return s }
        let text = LocalizedText(in: .vi, en: compose("en"), vi: compose("vi"))
        #expect(built == ["vi"] && text.vi == "vi" && text.en.isEmpty)
        _ = LocalizedText(in: nil, en: compose("en"), vi: compose("vi"))
        #expect(built == ["vi", "en", "vi"])
    }
}
