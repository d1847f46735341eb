/// What a threshold is read against: the rule shape it belongs to (ranges are strict in
/// `maintain`), the indicator's declared unit (numbers are converted to it) and the plan's
/// number style (spec §3.4).
public struct ThresholdContext: Hashable, Sendable {
    public enum Shape: String, Hashable, Sendable, CaseIterable {
        case target, maintain, change, milestone
    }

    public var shape: Shape
    /// The indicator's `unit`; nil when the indicator is not declared or has no unit.
    public var indicatorUnit: String?
    public var numbers: NumberStyle

    public init(shape: Shape = .target, indicatorUnit: String? = nil, numbers: NumberStyle = .auto) {
        self.shape = shape
        self.indicatorUnit = indicatorUnit
        self.numbers = numbers
    }
}
