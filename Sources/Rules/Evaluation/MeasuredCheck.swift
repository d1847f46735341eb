/// A value measured for a check at a cut-off date: the number compared with the
/// requirement, and the data row that evidences it.
public struct Measurement: Sendable {
    /// The quantity the requirement applies to (the value, or the change from a baseline).
    public var compared: Double
    /// What findings show as `actual`.
    public var actual: Actual
    public var evidence: SeriesPoint?
    /// When set, the requirement cannot be met whatever the value, and this says why
    /// (a relative change from a zero baseline).
    public var impossible: LocalizedText?
    /// What to show in messages; rendered only when a message is written (most checks pass).
    public var display: Display

    /// How a measured quantity reads in messages.
    public enum Display: Sendable {
        /// `4.2 km` (`4,2 km` in Vietnamese).
        case quantity(Double, unit: String?)
        /// `+12.5% (1840 → 2070 triệu đồng)`: the change, its suffix, and the values it joins.
        case change(Double, suffix: String, from: Double, to: Double, unit: String?)
        case text(LocalizedText)
    }

    public init(compared: Double, actual: Actual, evidence: SeriesPoint?, display: Display, impossible: LocalizedText? = nil) {
        self.compared = compared
        self.actual = actual
        self.evidence = evidence
        self.display = display
        self.impossible = impossible
    }

    /// The quantity as messages show it (`4.2 km`, `+12.5% (1840 → 2070 triệu đồng)`).
    /// The quantity in one language, without composing the other.
    public func shown(_ language: Language) -> String {
        switch display {
        case .quantity(let x, let unit): return Wording.quantity(x, unit, language)
        default: return shown.text(language)
        }
    }

    public var shown: LocalizedText {
        switch display {
        case .quantity(let x, let unit): return Wording.quantity(x, unit)
        case .change(let amount, let suffix, let from, let to, let unit):
            let a = Wording.quantity(from, unit), b = Wording.quantity(to, unit)
            func signed(_ language: Language) -> String {
                let s = NumberFormat.formatter(for: language)(NumberFormat.roundedValue(amount))
                return amount > 0 && s != "0" ? "+" + s : s
            }
            return LocalizedText(en: "\(signed(.en))\(suffix) (\(a.en) → \(b.en))", vi: "\(signed(.vi))\(suffix) (\(a.vi) → \(b.vi))")
        case .text(let t): return t
        }
    }
}

/// One dated requirement on a measured quantity: a target, a milestone, or a change.
/// Targets, milestones and changes share how they are judged (spec §6): after the due date
/// the value up to that date must meet the requirement; before it only warnings fire.
struct MeasuredCheck {
    var missCode: FindingCode
    var due: DueDate
    var requirement: Requirement
    /// Canonical requirement text for `expected`.
    var expected: String
    /// The requirement as messages show it in each language.
    var expectedText: LocalizedText
    /// Measures the quantity with values up to the cut-off; nil = no value known.
    var measure: (CivilDate) -> Measurement?
    /// Which check this is, for `--all` and messages (`2026-06` for a milestone, nil for the target).
    var label: LocalizedText?
    /// Overrides the rule's severity for this check (a milestone may be aspirational while
    /// the final target binds).
    var severity: Severity? = nil
    /// Why there is no value, when it is more specific than "no value reported" (a missing baseline).
    var noDataReason: ((CivilDate) -> LocalizedText?)? = nil

    struct Outcome {
        var noData = false
        var dueSoon = false
        var judged = false
        var measurement: Measurement?
        var findings: [Finding] = []
        var pending = false
        /// What the check's result is made of; the result itself is built only when kept.
        var subject: (factory: FindingFactory, due: CivilDate, expected: String)?

        /// Records the check with any extra warnings the rule adds.
        func commit(to recorder: inout CheckRecorder, adding extra: [Finding] = []) {
            guard let subject else { return }
            recorder.check(subject.factory.result(due: subject.due, expected: subject.expected, measurement: measurement,
                                                  pending: pending),
                           pending: pending, findings: extra.isEmpty ? findings : findings + extra)
        }
    }

    /// Judges the check without recording it, so that the rule can add its own warnings
    /// (pace, forecast, `no-data`) to the same check before recording. Message text is built
    /// only for findings: most checks pass.
    func run(_ rule: Rule, _ ctx: UnitContext, _ recorder: inout CheckRecorder) -> Outcome {
        let dueDay = due.rolled
        let factory = FindingFactory(rule: rule, context: ctx)
        var outcome = Outcome()
        outcome.subject = (factory, dueDay, expected)
        func what() -> LocalizedText {
            label.map { LocalizedText(en: "\($0.en): ", vi: "\($0.vi): ") } ?? LocalizedText(verbatim: "")
        }

        if ctx.isJudged(dueDay) {
            outcome.judged = true
            let m = measure(dueDay)
            outcome.measurement = m
            recorder.explain(LocalizedText(
                en: "\(what().en)judged at the deadline \(dueDay.iso): \(m.map { $0.shown.en } ?? "no value") against \(expectedText.en)",
                vi: "\(what().vi)đánh giá tại hạn \(dueDay.vietnamese): \(m.map { $0.shown.vi } ?? "chưa có số liệu") so với yêu cầu \(expectedText.vi)"))
            guard let m else {
                outcome.noData = true
                let dueText = Wording.date(dueDay), w = what()
                let reason = noDataReason?(dueDay) ?? LocalizedText(
                    en: "no value reported by the deadline \(dueText.en)", vi: "chưa có số liệu đến hạn \(dueText.vi)")
                outcome.findings = [factory.finding(
                    .noData, severity: severity ?? rule.severity, due: dueDay, expected: expected,
                    message: LocalizedText(in: ctx.language,
                        en: "\(w.en)\(reason.en), so \(expectedText.en) cannot be confirmed",
                        vi: "\(w.vi)\(reason.vi), không xác nhận được yêu cầu \(expectedText.vi)"))]
                return outcome
            }
            if let why = m.impossible {
                let w = what()
                outcome.findings = [factory.finding(
                    missCode, severity: severity ?? rule.severity, due: dueDay, expected: expected, measurement: m,
                    message: LocalizedText(in: ctx.language, en: "\(w.en)\(why.en)", vi: "\(w.vi)\(why.vi)"))]
                return outcome
            }
            if !requirement.isSatisfied(by: m.compared) {
                let w = what()
                outcome.findings = [factory.finding(
                    missCode, severity: severity ?? rule.severity, due: dueDay, expected: expected, measurement: m,
                    message: LocalizedText(
                        in: ctx.language,
                        en: "\(w.en)\(m.shown(.en)) by the deadline \(dueDay.iso), required \(expectedText.en)",
                        vi: "\(w.vi)đạt \(m.shown(.vi)) đến hạn \(dueDay.vietnamese), yêu cầu \(expectedText.vi)"))]
            }
            return outcome
        }

        // Not judged yet: the current value, for warnings only.
        let m = measure(ctx.asOf)
        outcome.measurement = m
        let met = m.map { $0.impossible == nil && requirement.isSatisfied(by: $0.compared) } ?? false
        recorder.explain(LocalizedText(
            en: "\(what().en)not judged before the deadline \(dueDay.iso); now \(m.map { $0.shown.en } ?? "no value") against \(expectedText.en)\(met ? " (met)" : "")",
            vi: "\(what().vi)chưa đến hạn \(dueDay.vietnamese); hiện \(m.map { $0.shown.vi } ?? "chưa có số liệu") so với yêu cầu \(expectedText.vi)\(met ? " (đã đạt)" : "")"))
        if ctx.isDueSoon(dueDay) && !met {
            outcome.dueSoon = true
            let dueText = Wording.date(dueDay), w = what()
            let left = Wording.days(ctx.asOf.days(to: dueDay))
            let now = m.map { m in let shown = m.shown; return LocalizedText(en: "now \(shown.en)", vi: "hiện đạt \(shown.vi)") }
                ?? LocalizedText(en: "no value yet", vi: "chưa có số liệu")
            outcome.findings = [factory.finding(
                .dueSoon, severity: .warning, due: dueDay, expected: expected, measurement: m,
                message: LocalizedText(in: ctx.language,
                    en: "\(w.en)due \(dueText.en) (\(left.en) left) and not yet met: \(now.en), required \(expectedText.en)",
                    vi: "\(w.vi)sắp đến hạn \(dueText.vi) (còn \(left.vi)) nhưng chưa đạt: \(now.vi), yêu cầu \(expectedText.vi)"))]
        } else {
            outcome.pending = true
        }
        return outcome
    }
}

/// Fills the fields every finding of a rule shares (plan, rule, unit, owner, locations).
struct FindingFactory {
    let rule: Rule
    let context: UnitContext

    func finding(_ code: FindingCode, severity: Severity, period: String? = nil, due: CivilDate?, expected: String?,
                 measurement: Measurement? = nil, actual: Actual? = nil, location: SourceLocation? = nil,
                 message: LocalizedText) -> Finding {
        let evidence = measurement?.evidence
        return Finding(
            severity: severity, code: code, plan: context.plan.id, rule: rule.id, title: rule.title,
            unit: context.unit, indicator: rule.indicator,
            period: period ?? evidence.map { context.periodID($0.period) },
            due: due, expected: expected, actual: actual ?? measurement?.actual ?? .none,
            owner: context.ownerID(of: rule), message: message,
            location: location ?? evidence.flatMap { context.location(of: $0) }, ruleLocation: rule.location)
    }

    func result(period: String? = nil, due: CivilDate?, expected: String?, measurement: Measurement? = nil,
                actual: Actual? = nil, pending: Bool = false) -> CheckResult {
        CheckResult(
            plan: context.plan.id, rule: rule.id, title: rule.title, unit: context.unit, indicator: rule.indicator,
            period: period ?? measurement?.evidence.map { context.periodID($0.period) },
            due: due, expected: expected, actual: actual ?? measurement?.actual ?? .none,
            owner: context.ownerID(of: rule), status: pending ? .pending : .passed)
    }
}
