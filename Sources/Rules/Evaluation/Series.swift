/// One unit's values of one indicator, with the aggregations the rules need (spec §6.1
/// "Which values count").
public struct Series: Sendable {
    public let points: ArraySlice<SeriesPoint>
    public let periods: [Period]

    public init(points: ArraySlice<SeriesPoint>, periods: [Period]) {
        self.points = points
        self.periods = periods
    }

    public func period(of point: SeriesPoint) -> Period { periods[Int(point.period)] }

    /// Points whose period lies inside `window` and has ended by `cutoff`, in period order.
    public func points(in window: ClosedRange<CivilDate>, upTo cutoff: CivilDate) -> [SeriesPoint] {
        points.filter {
            let p = periods[Int($0.period)]
            return p.start >= window.lowerBound && p.end <= window.upperBound && p.end <= cutoff
        }
    }

    /// The aggregated value at `cutoff`: for `latest` the value of the period with the latest
    /// end (the shortest on a tie); for `sum` the sum over the finest periods present, never
    /// counting a day twice. Returns the value and the point that evidences it (the latest one).
    public func value(_ aggregate: Indicator.Aggregate, in window: ClosedRange<CivilDate>,
                      upTo cutoff: CivilDate) -> (value: Double, evidence: SeriesPoint)? {
        switch aggregate {
        case .latest:
            // Points are in period order, so the last one that counts is the answer; no
            // intermediate array (this runs for every rule of every unit).
            for point in points.reversed() where !point.value.isNaN {
                let p = periods[Int(point.period)]
                if p.start >= window.lowerBound && p.end <= window.upperBound && p.end <= cutoff { return (point.value, point) }
            }
            return nil
        case .sum:
            let candidates = points(in: window, upTo: cutoff).filter { !$0.value.isNaN }
            guard let last = candidates.last else { return nil }
            let parts = sumCover(candidates)
            let total = parts.reduce(0.0) { $0 + $1.amount }
            return (total, parts.map(\.point).max { periods[Int($0.period)] < periods[Int($1.period)] } ?? last)
        }
    }

    /// Running totals (for `sum`) or the values themselves (for `latest`), by period end,
    /// for trend forecasts.
    public func trajectory(_ aggregate: Indicator.Aggregate, in window: ClosedRange<CivilDate>,
                           upTo cutoff: CivilDate) -> [(day: CivilDate, value: Double)] {
        let candidates = points(in: window, upTo: cutoff).filter { !$0.value.isNaN }
        switch aggregate {
        case .latest:
            return candidates.map { (periods[Int($0.period)].end, $0.value) }
        case .sum:
            var running = 0.0
            return sumCover(candidates)
                .sorted { periods[Int($0.point.period)] < periods[Int($1.point.period)] }
                .map { running += $0.amount; return (periods[Int($0.point.period)].end, running) }
        }
    }

    /// What each period contributes to a sum, counting every day once (spec §6.1): the
    /// finest periods win (monthly rows over the quarterly rows that cover them). A coarser
    /// period that contains finer ones already counted and reaches beyond them — a
    /// cumulative "6 tháng" after "quý I" — contributes its remainder (H1 − Q1), so that
    /// April to June are not lost; one that only partly overlaps them is left out.
    func sumCover(_ candidates: [SeriesPoint]) -> [(point: SeriesPoint, amount: Double)] {
        let byFineness = candidates.sorted {
            let a = periods[Int($0.period)], b = periods[Int($1.period)]
            return a.lengthInDays != b.lengthInDays ? a.lengthInDays < b.lengthInDays : a < b
        }
        var taken: [(span: ClosedRange<Int32>, point: SeriesPoint, amount: Double)] = []
        for point in byFineness {
            let p = periods[Int(point.period)]
            let span = p.start.dayNumber...p.end.dayNumber
            let inside = taken.filter { $0.span.overlaps(span) }
            if inside.isEmpty {
                taken.append((span, point, point.value))
                continue
            }
            guard inside.allSatisfy({ span.contains($0.span.lowerBound) && span.contains($0.span.upperBound) }) else { continue }
            guard Self.unionLength(inside.map(\.span)) < span.count else { continue }
            taken.append((span, point, point.value - inside.reduce(0.0) { $0 + $1.amount }))
        }
        return taken.map { ($0.point, $0.amount) }
    }

    /// Days covered by possibly nested or overlapping spans.
    static func unionLength(_ spans: [ClosedRange<Int32>]) -> Int {
        var total = 0
        var end = Int32.min
        for s in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if s.upperBound <= end { continue }
            let start = max(s.lowerBound, end == .min ? s.lowerBound : end + 1)
            total += Int(s.upperBound - start) + 1
            end = s.upperBound
        }
        return total
    }
}
