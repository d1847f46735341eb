/// What a rule kind needs from its plan while loading: the plan year (for dates without
/// one), the number style, and the declared indicators (for units).
public struct PlanHeader: Sendable {
    public var id: String
    public var year: Int
    public var numbers: NumberStyle
    public var indicators: [String: Indicator]

    public init(id: String, year: Int, numbers: NumberStyle, indicators: [String: Indicator]) {
        self.id = id
        self.year = year
        self.numbers = numbers
        self.indicators = indicators
    }
}

/// One rule object being read by its kind: typed getters that parse the rules language
/// (thresholds, deadlines, periods) and record every problem with its JSON path.
public struct RuleFields {
    public var object: ObjectFields
    public var diagnostics: [Diagnostic] = []
    public let ruleID: String
    public let plan: PlanHeader

    public init(object: ObjectFields, ruleID: String, plan: PlanHeader) {
        self.object = object
        self.ruleID = ruleID
        self.plan = plan
    }

    public mutating func value(_ key: String) -> JSONNode? { object.value(key) }

    public mutating func string(_ key: String, required: Bool = false) -> String? {
        object.string(key, required: required, diagnostics: &diagnostics)
    }

    public mutating func bool(_ key: String) -> Bool? { object.bool(key, diagnostics: &diagnostics) }

    public mutating func choice(_ key: String, _ choices: [String]) -> String? {
        object.choice(key, choices, diagnostics: &diagnostics)
    }

    /// `indicator`, required unless a default is given; checked against the slug rule.
    public mutating func indicator(default fallback: String? = nil) -> String? {
        guard let id = string("indicator", required: fallback == nil) else { return fallback }
        guard Loading.isIndicatorSlug(id) else {
            diagnostics.append(.error("rules.bad-slug", at: object.node["indicator"]?.location,
                                      LocalizedText(en: "indicator \(Wording.quoted(id)) is not a valid slug: use lower-case letters, digits, '_', '.', '-'",
                                                    vi: "chỉ tiêu \(Wording.quoted(id)) không hợp lệ: chỉ dùng chữ thường không dấu, số, '_', '.', '-'")))
            return nil
        }
        return id
    }

    public func indicatorUnit(_ indicator: String) -> String? { plan.indicators[indicator]?.unit }

    /// A threshold (§3) in `key`, read against the indicator's declared unit.
    public mutating func threshold(_ key: String, shape: ThresholdContext.Shape, indicator: String,
                                   required: Bool = true) -> Threshold? {
        guard let text = string(key, required: required), let node = object.node[key] else { return nil }
        return threshold(text, at: node, key: key, shape: shape, indicator: indicator)
    }

    public mutating func threshold(_ text: String, at node: JSONNode, key: String, shape: ThresholdContext.Shape,
                                   indicator: String) -> Threshold? {
        let context = ThresholdContext(shape: shape, indicatorUnit: indicatorUnit(indicator), numbers: plan.numbers)
        do {
            return try ThresholdParser.parse(text, context: context)
        } catch {
            diagnostics.append(Loading.languageError(error, at: node))
            return nil
        }
    }

    public mutating func changeThreshold(_ key: String, indicator: String) -> ChangeThreshold? {
        guard let text = string(key, required: true), let node = object.node[key] else { return nil }
        let context = ThresholdContext(shape: .change, indicatorUnit: indicatorUnit(indicator), numbers: plan.numbers)
        do {
            return try ThresholdParser.parseChange(text, context: context)
        } catch {
            diagnostics.append(Loading.languageError(error, at: node))
            return nil
        }
    }

    /// A deadline (§4.2); when absent, `fallback` (nil + `required` = an error).
    public mutating func deadline(_ key: String, required: Bool, fallback: Deadline? = nil) -> Deadline? {
        guard object.has(key) else {
            if required { diagnostics.append(object.missing(key)) }
            return fallback
        }
        guard let text = string(key, required: true), let node = object.node[key] else { return nil }
        return deadline(text, at: node, key: key)
    }

    public mutating func deadline(_ text: String, at node: JSONNode, key: String) -> Deadline? {
        do {
            return try DeadlineParser.parse(text, year: plan.year)
        } catch {
            diagnostics.append(Loading.languageError(error, at: node))
            return nil
        }
    }

    /// A period or a date (§4.1, §4.4) as a window bound: its first day (`end: false`) or
    /// its last day (`end: true`).
    public mutating func windowBound(_ key: String, end: Bool) -> CivilDate? {
        guard let text = string(key), let node = object.node[key] else { return nil }
        return Loading.windowBound(text, at: node, key: key, end: end, year: plan.year, diagnostics: &diagnostics)
    }

    /// The end-of-plan-year deadline that target and change rules default to.
    public var endOfYear: Deadline {
        Deadline(nominal: .lastDay(ofYear: plan.year, month: 12), form: .period(.year(plan.year)), written: "\(plan.year)")
    }
}

extension Loading {
    /// A window bound written as a period (`2026-Q2`, `quý II/2026`) or a date.
    static func windowBound(_ text: String, at node: JSONNode, key: String, end: Bool, year: Int,
                            diagnostics: inout [Diagnostic]) -> CivilDate? {
        if let p = PeriodParser.parse(text, defaultYear: year) { return end ? p.end : p.start }
        do {
            return try DateParser.parse(text, defaultYear: year)
        } catch {
            diagnostics.append(.error(
                "rules.bad-period", at: node.location,
                LocalizedText(en: "\(key): expected a period ('2026-Q2', 'quý II/2026') or a date ('2026-04-01'), found \(Wording.quoted(text))",
                              vi: "\(key): cần một kỳ ('2026-Q2', 'quý II/2026') hoặc một ngày ('01/04/2026'), nhưng gặp \(Wording.quoted(text))")))
            return nil
        }
    }
}
