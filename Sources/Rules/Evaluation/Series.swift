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
        let candidates = points(in: window, upTo: cutoff).filter { !$0.value.isNaN }
        guard let last = candidates.last else { return nil }
        switch aggregate {
        case .latest:
            return (last.value, last)
        case .sum:
            let chosen = finestCover(candidates)
            let total = chosen.reduce(0.0) { $0 + $1.value }
            return (total, chosen.max { periods[Int($0.period)] < periods[Int($1.period)] } ?? last)
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
            return finestCover(candidates)
                .sorted { periods[Int($0.period)] < periods[Int($1.period)] }
                .map { running += $0.value; return (periods[Int($0.period)].end, running) }
        }
    }

    /// The finest periods that cover each day at most once: monthly rows win over the
    /// quarterly rows that cover them (spec §6.1).
    func finestCover(_ candidates: [SeriesPoint]) -> [SeriesPoint] {
        let byFineness = candidates.sorted {
            let a = periods[Int($0.period)], b = periods[Int($1.period)]
            return a.lengthInDays != b.lengthInDays ? a.lengthInDays < b.lengthInDays : a < b
        }
        var taken: [ClosedRange<Int32>] = []
        var chosen: [SeriesPoint] = []
        for point in byFineness {
            let p = periods[Int(point.period)]
            let span = p.start.dayNumber...p.end.dayNumber
            if taken.contains(where: { $0.overlaps(span) }) { continue }
            taken.append(span)
            chosen.append(point)
        }
        return chosen
    }
}
