/// The plans of one run with the working calendar each of them uses.
public struct RuleSet: Sendable {
    /// Sorted by plan id.
    public var plans: [Plan]
    /// By plan id.
    public var calendars: [String: any WorkingCalendar]

    public init(plans: [Plan], calendars: [String: any WorkingCalendar]) {
        self.plans = plans.sorted { $0.id < $1.id }
        self.calendars = calendars
    }

    public func calendar(for plan: Plan) -> any WorkingCalendar {
        calendars[plan.id] ?? EveryDayCalendar()
    }
}
