import Testing
@testable import Rules

/// Runs the engine on a plan written as JSON and data written as CSV, the way the tool
/// does, and returns what it found in a compact form that test rows can spell out.
enum Harness {
    /// A plan around `rules` (a JSON array body) with test-friendly defaults: one unit
    /// `u`, year 2026, `calendar: none` unless `extra` overrides keys.
    static func plan(rules: String, reports: String = "", extra: String = "") -> String {
        var s = #"{"plan": "p", "units": ["u"], "year": 2026, "#
        s += extra.isEmpty ? #""calendar": "none", "# : extra + ", "
        if !reports.isEmpty { s += #""reports": [\#(reports)], "# }
        s += #""rules": [\#(rules)]}"#
        return s
    }

    static func loadPlan(_ json: String, file: String = "rules/p.json") throws -> RuleSet {
        let document = try JSONReader.parse(json, file: file)
        let (plan, diagnostics) = PlanLoader.load(document.root)
        let errors = diagnostics.filter { $0.severity == .error }
        guard let plan, errors.isEmpty else {
            throw DiagnosticsError(errors)
        }
        var diags: [Diagnostic] = []
        let calendar = CalendarResolver.resolve(plan.calendarName, beside: "/nonexistent", fileSystem: .local,
                                                usedAt: SourceLocation(file: file), diagnostics: &diags)
        return RuleSet(plans: [plan], calendars: [plan.id: calendar ?? EveryDayCalendar()])
    }

    /// The diagnostics a plan gives (empty when it loads cleanly).
    static func problems(_ json: String) -> [Diagnostic] {
        do {
            let document = try JSONReader.parse(json, file: "rules/p.json")
            return PlanLoader.load(document.root).diagnostics.filter { $0.severity == .error } + document.diagnostics
        } catch {
            return [error.diagnostic]
        }
    }

    struct Outcome {
        var report: Report
        var lines: [String]
    }

    static func run(_ planJSON: String, csv: String, asOf: String, numbers: DataNumberStyle = .c,
                    keepPassed: Bool = false) throws -> Outcome {
        let rules = try loadPlan(planJSON)
        let date = try #require(CivilDate.parseISO(Substring(asOf)))
        let scope = DataScope(plans: rules.plans, asOf: date, numbers: numbers, unitFilter: [])
        let body = csv.hasPrefix("unit") ? csv : "unit,period,indicator,value,submitted,report\n" + csv
        let loaded = DataLoader.load([.init(name: "d.csv", bytes: Array(body.utf8))], scope: scope, plans: rules.plans)
        let fatal = loaded.diagnostics.filter { $0.severity == .error }
        guard fatal.isEmpty else { throw DiagnosticsError(fatal) }
        let report = Engine.run(rules, data: loaded.data, dataFindings: loaded.findings,
                                options: CheckOptions(asOf: date, keepPassed: keepPassed))
        return Outcome(report: report, lines: report.findings.map(line))
    }

    /// `violation target-missed r 2026-09 due=2026-09-30 actual=5 line=2`
    static func line(_ f: Finding) -> String {
        var s = "\(f.severity.rawValue) \(f.code.rawValue)"
        if let r = f.rule { s += " \(r)" }
        if let p = f.period { s += " \(p)" }
        if let d = f.due { s += " due=\(d.iso)" }
        switch f.actual {
        case .number(let x): s += " actual=\(NumberFormat.plain(x))"
        case .date(let d): s += " actual=\(d.iso)"
        case .none: break
        }
        if let line = f.location?.line { s += " line=\(line)" }
        return s
    }

    /// Codes only, for rows that care about what fired rather than the details.
    static func codes(_ outcome: Outcome) -> [String] {
        outcome.report.findings.map { "\($0.severity.rawValue) \($0.code.rawValue)" }
    }
}
