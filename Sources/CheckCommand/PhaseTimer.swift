import Dispatch

/// Wall time per phase, printed on standard error when `CHITIEU_TIMING=1` (for
/// docs/performance.md; never part of the output).
struct PhaseTimer {
    private let enabled: Bool
    private var last = DispatchTime.now().uptimeNanoseconds
    private var laps: [(String, Double)] = []

    init(console: Console) { enabled = console.environment["CHITIEU_TIMING"] == "1" }

    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((name, Double(now - last) / 1e9))
        last = now
    }

    func print(to console: Console) {
        guard enabled else { return }
        let parts = laps.map { "\($0.0) \(String(Int(($0.1 * 1000).rounded()))) ms" }
        console.err("timing: " + parts.joined(separator: ", ") + "\n")
    }
}
