import Foundation
import Rules

/// Rules loaded, as-of date fixed, data read: what `check` and `check explain` share.
struct PreparedCheck {
    var rules: RuleSet
    var checkOptions: CheckOptions
    var data: DataLoader.Result
}

enum Pipeline {
    /// Loads everything, printing diagnostics; returns the exit status instead when the
    /// check cannot be made. `forReport`: the options of a run that renders `options.format`
    /// (messages in one language, details for the formats that draw them), whose units may be
    /// judged while the data is read (`UnitJudging`; `CHITIEU_STREAMING=0` turns that off).
    static func prepare(_ options: CommonOptions, console: Console, now: Date,
                        forReport: Bool = false) -> Result<PreparedCheck, ExitCode> {
        let language = options.language
        let loaded = RulesLoader.load(paths: options.rules)
        CheckCLI.printDiagnostics(loaded.diagnostics, console: console, language: language, color: false, quiet: options.quiet)
        guard let rules = loaded.rules else {
            let errors = loaded.diagnostics.filter { $0.severity == .error }.count
            console.err(language == .en
                        ? "check: the rules have \(errors) error\(errors == 1 ? "" : "s"); nothing was checked\n"
                        : "check: quy tắc có \(errors) lỗi; chưa kiểm tra gì\n")
            return .failure(ExitCode(ExitStatus.cannotCheck.rawValue))
        }
        if let bad = unknownSelection(options, rules: rules) {
            return .failure(ExitCode(CheckCLI.usage(bad, console: console, language: language)))
        }
        let plans = rules.plans.filter { options.plans.isEmpty || options.plans.contains($0.id) }
        let asOf: CivilDate
        if let given = options.asOf {
            asOf = given
        } else {
            let zones = Set(plans.map(\.timeZone)).sorted()
            let zone = zones.first ?? "Asia/Ho_Chi_Minh"
            if zones.count > 1 && !options.quiet {
                console.err(language == .en
                            ? "check: note: the plans use several time zones (\(zones.joined(separator: ", "))); today is taken in \(zone); give --as-of to choose\n"
                            : "check: ghi chú: các kế hoạch dùng nhiều múi giờ (\(zones.joined(separator: ", "))); ngày hôm nay tính theo \(zone); dùng --as-of để chọn\n")
            }
            asOf = CommonOptions.today(in: zone, now: now)
        }
        var sources: [DataLoader.Source] = []
        var stdinRead = false
        for path in options.data {
            if path == "-" {
                guard !stdinRead else { continue }
                stdinRead = true
                sources.append(DataLoader.Source(name: "<stdin>", bytes: console.readStandardInput()))
            } else {
                sources.append(DataLoader.Source(path: path))
            }
        }
        var checkOptions = CheckOptions(asOf: asOf, warnDays: options.warnDays, units: options.units, plans: options.plans,
                                        owners: options.owners, keepPassed: options.all || options.format.listsEveryCheck,
                                        threads: threads(console))
        var judging: UnitJudging?
        if forReport {
            checkOptions.details = options.format.needsDetails
            // Every format shows findings in the one language of `--lang`.
            checkOptions.messageLanguage = options.language
            if !checkOptions.details && console.environment["CHITIEU_STREAMING"] != "0" {
                judging = UnitJudging(rules: rules, options: checkOptions)
            }
        }
        let scope = DataScope(plans: plans, asOf: asOf, numbers: options.numbers, unitFilter: options.units)
        let data = DataLoader.load(sources, scope: scope, plans: plans, threads: threads(console), judging: judging)
        CheckCLI.printDiagnostics(data.diagnostics, console: console, language: language, color: false, quiet: options.quiet)
        if data.diagnostics.contains(where: { $0.severity == .error }) {
            console.err(language == .en ? "check: the data cannot be read; nothing was checked\n"
                                        : "check: không đọc được số liệu; chưa kiểm tra gì\n")
            return .failure(ExitCode(ExitStatus.cannotCheck.rawValue))
        }
        return .success(PreparedCheck(rules: rules, checkOptions: checkOptions, data: data))
    }

    /// The hint for a unit that plans left out by --plan would check: `plan 'p' binds it;
    /// add --plan p` (`every`: the plans bind every unit in the data). Nil without plans.
    static func otherPlans(_ ids: [String], every: Bool) -> LocalizedText? {
        guard let first = ids.first else { return nil }
        let named = ids.map { "'\($0)'" }.joined(separator: ", ")
        let one = ids.count == 1
        let en = (one ? "plan \(named) binds " : "plans \(named) bind ") + (every ? "every unit in the data" : "it")
            + (one ? "; add --plan \(first)" : "; add one of them with --plan")
        let vi = "kế hoạch \(named) áp dụng cho " + (every ? "mọi đơn vị có số liệu" : "đơn vị này")
            + (one ? "; thêm --plan \(first)" : "; thêm một trong số đó bằng --plan")
        return LocalizedText(en: en, vi: vi)
    }

    /// How many threads to use: `CHITIEU_THREADS` when set (1 = everything on one thread, the
    /// reference for byte-identical output), else one per processor core.
    static func threads(_ console: Console) -> Int {
        if let text = console.environment["CHITIEU_THREADS"], let n = Int(text), n >= 1 { return min(n, 64) }
        return max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16))
    }

    /// `--plan`, `--owner` or `--unit` naming nothing in the rules: a usage error with a suggestion.
    static func unknownSelection(_ options: CommonOptions, rules: RuleSet) -> UsageError? {
        let planIDs = rules.plans.map(\.id)
        for p in options.plans.sorted() where !planIDs.contains(p) {
            return UsageError(LocalizedText(en: "--plan: no plan \(Wording.quoted(p)) in the rules", vi: "--plan: không có kế hoạch \(Wording.quoted(p)) trong quy tắc"),
                              hint: DidYouMean.hint(p, from: planIDs))
        }
        // Only the plans --plan selects check anything, so only their owners and units count:
        // an owner of a plan left out, or a plan left out that binds every unit ("*"), must
        // not let a run through that checks nothing.
        let selected = rules.plans.filter { options.plans.isEmpty || options.plans.contains($0.id) }
        func owners(_ plan: Plan) -> [String] {
            plan.owners.map(\.id) + [plan.defaultOwner].compactMap { $0 } + plan.rules.compactMap(\.owner)
                + plan.reports.compactMap(\.owner)
        }
        let ownerIDs = Set(selected.flatMap(owners)).sorted()
        for o in options.owners.sorted() where !ownerIDs.contains(o) {
            let elsewhere = rules.plans.filter { !selected.map(\.id).contains($0.id) && owners($0).contains(o) }.map(\.id).sorted()
            if let first = elsewhere.first {
                let chosen = options.plans.sorted().joined(separator: ", ")
                return UsageError(LocalizedText(en: "--owner: no plan selected by --plan (\(chosen)) has owner \(Wording.quoted(o))",
                                                vi: "--owner: không kế hoạch nào được chọn bằng --plan (\(chosen)) có đơn vị chủ trì \(Wording.quoted(o))"),
                                  hint: LocalizedText(en: "plan '\(first)' has it; add --plan \(first)",
                                                      vi: "kế hoạch '\(first)' có đơn vị này; thêm --plan \(first)"))
            }
            return UsageError(LocalizedText(en: "--owner: no owner \(Wording.quoted(o)) in the rules", vi: "--owner: không có đơn vị chủ trì \(Wording.quoted(o)) trong quy tắc"),
                              hint: DidYouMean.hint(o, from: ownerIDs))
        }
        if !selected.contains(where: { $0.units == .everyUnitInData }) {
            let unitIDs = Set(selected.flatMap { plan -> [String] in
                if case .listed(let l) = plan.units { return l }
                return []
            }).sorted()
            for u in options.units.sorted() where !unitIDs.contains(u) {
                if options.plans.isEmpty {
                    return UsageError(LocalizedText(en: "--unit: no plan binds unit \(Wording.quoted(u))", vi: "--unit: không kế hoạch nào áp dụng cho đơn vị \(Wording.quoted(u))"),
                                      hint: DidYouMean.hint(u, from: unitIDs))
                }
                let chosen = options.plans.sorted().joined(separator: ", ")
                let others = rules.plans.filter { !options.plans.contains($0.id) }
                let naming = others.filter { $0.units != .everyUnitInData && $0.binds(unit: u) }.map(\.id).sorted()
                let everyUnit = others.filter { $0.units == .everyUnitInData }.map(\.id).sorted()
                let hint = Self.otherPlans(naming, every: false) ?? DidYouMean.hint(u, from: unitIDs)
                    ?? Self.otherPlans(everyUnit, every: true)
                return UsageError(LocalizedText(en: "--unit: no plan selected by --plan (\(chosen)) binds unit \(Wording.quoted(u))",
                                                vi: "--unit: không kế hoạch nào được chọn bằng --plan (\(chosen)) áp dụng cho đơn vị \(Wording.quoted(u))"),
                                  hint: hint)
            }
        }
        return nil
    }

    /// After evaluation: one note per calendar that was asked about years it does not cover
    /// (spec §6.1: a note on standard error, not a finding).
    static func printCalendarNotes(_ rules: RuleSet, options: CommonOptions, console: Console) {
        let calendars = rules.plans.map { rules.calendar(for: $0) }
        CheckCLI.printDiagnostics(WatchedCalendar.notes(for: calendars), console: console, language: options.language,
                                  color: false, quiet: options.quiet)
    }

    /// Reads the earlier JSON report of `--only-new`; an unreadable one stops the run (exit 2).
    static func readPrevious(_ path: String, options: CommonOptions, console: Console) -> Result<PreviousFindings, ExitCode> {
        let language = options.language
        guard let data = FileManager.default.contents(atPath: path) else {
            console.err(language == .en ? "check: --only-new: cannot read '\(path)'\n"
                                        : "check: --only-new: không đọc được '\(path)'\n")
            return .failure(ExitCode(ExitStatus.cannotCheck.rawValue))
        }
        switch PreviousFindings.read([UInt8](data), file: path) {
        case .success(let p): return .success(p)
        case .failure(let error):
            CheckCLI.printDiagnostics(error.diagnostics, console: console, language: language, color: false, quiet: false)
            console.err(language == .en ? "check: --only-new needs an earlier --format json report; nothing was checked\n"
                                        : "check: --only-new cần kết quả --format json của lần trước; chưa kiểm tra gì\n")
            return .failure(ExitCode(ExitStatus.cannotCheck.rawValue))
        }
    }

    /// Writes rendered output to standard output or `--out`.
    static func write(_ output: RenderedOutput, options: CommonOptions, console: Console) -> ExitCode? {
        let language = options.language
        do {
            switch output {
            case .text(let text):
                if let out = options.out {
                    try AtomicWriter.write(Array(text.utf8), to: out)
                } else if !options.quiet {
                    console.out(text)
                }
            case .stream(let stream):
                if let out = options.out {
                    try AtomicWriter.write(to: out, stream.write)
                } else if !options.quiet {
                    stream.write { console.write(Array($0), error: false) }
                }
            case .files(let files):
                guard let folder = options.out else { return ExitCode(ExitStatus.usage.rawValue) }
                try AtomicWriter.ensureFolder(folder)
                for f in files { try AtomicWriter.write(Array(f.contents.utf8), to: folder + "/" + f.name) }
            }
        } catch {
            console.err(language == .en ? "check: cannot write \(error.path): \(error.reason)\n"
                                        : "check: không ghi được \(error.path): \(error.reason)\n")
            return ExitCode(ExitStatus.cannotCheck.rawValue)
        }
        return nil
    }
}

/// An exit status carried through `Result`.
struct ExitCode: Error {
    var status: Int32
    init(_ status: Int32) { self.status = status }
}
