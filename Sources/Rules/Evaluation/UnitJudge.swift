import Synchronization

/// Judging while reading: for one data file whose rows come unit by unit (an export sorted
/// by unit), each unit is judged as soon as its rows end and then forgotten, so memory holds
/// one unit's rows instead of the file's, and judging runs on the reading threads while the
/// unit's rows are still in the cache. The report is the one `Engine.judge` gives after
/// reading everything: a unit that comes back after others voids the attempt
/// (`DataLoader` then reads the file again the usual way).
public struct UnitJudging: Sendable {
    public let rules: RuleSet
    public let options: CheckOptions
    /// The selected plans, and for each the units it binds on this run (nil: every unit).
    let plans: [Plan]
    private let bound: [Set<String>?]
    /// The run's data files, for the findings' locations.
    var files: [String] = []
    /// Set by the first stretch of the file that finds a unit come back: the others stop.
    let stop = StopFlag()

    public init(rules: RuleSet, options: CheckOptions) {
        self.rules = rules
        self.options = options
        plans = Engine.selectedPlans(rules, options: options)
        bound = plans.map { plan in
            switch plan.units {
            case .listed(let list): return Set(list)
            case .everyUnitInData: return nil
            }
        }
    }

    /// Whether plan `index` judges `unit` on this run (as `Engine.units(of:)` says).
    func binds(_ index: Int, _ unit: String) -> Bool {
        (bound[index]?.contains(unit) ?? true) && (options.units.isEmpty || options.units.contains(unit))
    }

    /// The first plan judging `unit` that names a default owner, who answers for its data findings.
    func dataOwner(of unit: String) -> String? {
        plans.indices.first { binds($0, unit) && plans[$0].defaultOwner != nil }.flatMap { plans[$0].defaultOwner }
    }

    final class StopFlag: Sendable {
        private let flag = Atomic<Bool>(false)
        var isSet: Bool { flag.load(ordering: .relaxed) }
        func set() { flag.store(true, ordering: .relaxed) }
    }
}

/// What was judged while reading, handed to `Engine.judge` with the data left over (the
/// units that began or ended a stretch of the file, judged there as usual).
public struct StreamedUnits: Sendable {
    /// What the units were judged with (it tells each unit's data owner too).
    let setup: UnitJudging
    /// The units judged, each once.
    var units: [String]
    /// The checks counted (their findings taken out).
    var recorders: [CheckRecorder]
    /// Per stretch, the findings of its units one unit after the other, each unit's in
    /// canonical order (`FindingOrder.sorted(_:presorted:)`): the findings of its checks and,
    /// without `--owner`, its `unknown-indicator` warnings.
    var runs: [[Finding]]
    /// The conflicting duplicates of the units judged (none with `--owner`), put in order
    /// with the other findings.
    var duplicates: [Finding]

    /// How many units were judged while reading.
    public var unitCount: Int { units.count }
}

/// Judges the units of one stretch of a data file read in unit order; used by the one
/// thread that reads the stretch (`ObservationCollector.judgeByUnit`).
final class UnitJudge: @unchecked Sendable {
    let setup: UnitJudging
    /// Every unit whose rows began in the stretch, in order.
    var sequence: [String] = []
    /// The units judged (all of `sequence` but a held first unit and the last).
    private(set) var judged: [String] = []
    private(set) var recorder: CheckRecorder
    /// The findings of the units judged, each unit's sorted while they are in the cache.
    private(set) var run: [Finding] = []
    /// Kept apart from `run` until their lines are known: their messages name a line.
    private(set) var duplicates: [ConflictingDuplicate] = []
    private(set) var isOutOfOrder = false
    private let dues: [DueMemo]
    private var vocabulary = UnknownIndicators.Vocabulary()

    init(_ setup: UnitJudging) {
        self.setup = setup
        recorder = CheckRecorder(keepsPassed: setup.options.keepPassed)
        dues = setup.plans.map { _ in DueMemo() }
    }

    /// Judges one unit whose rows have all been read. `repeatsPeriods`: some indicator has
    /// several rows for one period (else there is no duplicate to look for).
    func judge(_ unit: String, data: ProgressData, repeatsPeriods: Bool = true) {
        for (i, plan) in setup.plans.enumerated() where setup.binds(i, unit) {
            Engine.evaluate(plan, unit: unit, rules: setup.rules, data: data, options: setup.options, only: nil,
                            into: &recorder, dues: dues[i])
        }
        var found = recorder.takeFindings()
        // Data findings are not an owner's (`Engine.judge` leaves them out with --owner).
        if setup.options.owners.isEmpty {
            if repeatsPeriods { duplicates += data.conflictingDuplicates() }
            found += vocabulary.findings(data: data, plans: setup.plans)
        }
        found.sort(by: Finding.canonicalOrder)
        run += found
        judged.append(unit)
    }

    func outOfOrder() {
        isOutOfOrder = true
        setup.stop.set()
    }

    /// The stretch counted its lines from 1 until the stretches before it were read.
    /// (A unit's findings of one file differ in line only where they differ before: their
    /// order holds.)
    func shiftLines(by offset: Int32) {
        for i in duplicates.indices { duplicates[i].moveLines(by: offset) }
        for i in run.indices {
            if let line = run[i].location?.line { run[i].location?.line = line + Int(offset) }
        }
    }

    /// Whether the stretches, read in unit order each, are so together: no unit judged in
    /// one appears in another (a unit may only run on from one stretch into the next, and
    /// such units were held back).
    static func inUnitOrder(_ judges: [UnitJudge]) -> Bool {
        guard !judges.contains(where: \.isOutOfOrder) else { return false }
        guard judges.count > 1 else { return true }
        var stretches: [String: Int] = [:]
        for j in judges { for u in j.sequence { stretches[u, default: 0] += 1 } }
        return !judges.contains { $0.judged.contains { stretches[$0]! > 1 } }
    }

    /// What the stretches judged, for `Engine.judge` (at least one stretch).
    static func result(_ judges: [UnitJudge]) -> StreamedUnits {
        StreamedUnits(setup: judges[0].setup, units: judges.flatMap(\.judged), recorders: judges.map(\.recorder), runs: judges.map(\.run),
                      duplicates: judges.flatMap { $0.duplicates.map(\.finding) })
    }
}
