/// Trend forecasts (`forecast: "trend"`, spec §6.1): the least-squares line through this
/// year's values, read at the due date.
enum Trend {
    /// The projected value at `day`, or nil with fewer than three values (or all on one day).
    static func project(_ points: [(day: CivilDate, value: Double)], to day: CivilDate) -> Double? {
        guard points.count >= 3 else { return nil }
        // Centre x on the first point so that day numbers (~20 000) do not cost precision.
        let x0 = Double(points[0].day.dayNumber)
        let n = Double(points.count)
        var sx = 0.0, sy = 0.0
        for p in points { sx += Double(p.day.dayNumber) - x0; sy += p.value }
        let mx = sx / n, my = sy / n
        var sxx = 0.0, sxy = 0.0
        for p in points {
            let dx = Double(p.day.dayNumber) - x0 - mx
            sxx += dx * dx
            sxy += dx * (p.value - my)
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        return my + slope * (Double(day.dayNumber) - x0 - mx)
    }
}

/// Which forecast a rule asks for.
public enum ForecastMethod: String, Hashable, Sendable, CaseIterable {
    case trend
}
