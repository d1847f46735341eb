/// A due date before and after the working-day roll (Civil Code 2015, art. 148(5)), with
/// each day skipped and why, so that `explain` can show how the date was reached.
public struct DueDate: Hashable, Sendable {
    /// The deadline as written or computed, before the roll.
    public var nominal: CivilDate
    /// The first working day on or after `nominal` (or `nominal` itself without a roll).
    public var rolled: CivilDate
    public var skipped: [SkippedDay]

    public init(nominal: CivilDate, rolled: CivilDate, skipped: [SkippedDay]) {
        self.nominal = nominal
        self.rolled = rolled
        self.skipped = skipped
    }

    /// Whether the roll moved the date.
    public var moved: Bool { rolled != nominal }

    /// `nominal`, rolled forward to a working day of `calendar` when `roll` is on (the
    /// plan's `roll: next-working-day`).
    public static func resolve(_ nominal: CivilDate, roll: Bool, calendar: some WorkingCalendar) -> DueDate {
        guard roll else { return DueDate(nominal: nominal, rolled: nominal, skipped: []) }
        let (date, skipped) = calendar.roll(nominal)
        return DueDate(nominal: nominal, rolled: date, skipped: skipped)
    }
}

extension Deadline {
    /// This deadline, rolled forward to a working day when `roll` is on.
    public func resolved(roll: Bool, calendar: some WorkingCalendar) -> DueDate {
        DueDate.resolve(nominal, roll: roll, calendar: calendar)
    }
}
