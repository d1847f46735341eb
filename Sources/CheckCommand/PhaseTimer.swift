import Dispatch
import Foundation

/// Wall time per phase, printed on standard error when `CHITIEU_TIMING=1` (for
/// docs/performance.md; never part of the output).
struct PhaseTimer {
    private let enabled: Bool
    private var last = DispatchTime.now().uptimeNanoseconds
    private var laps: [(String, Double, Int?)] = []

    init(console: Console) { enabled = console.environment["CHITIEU_TIMING"] == "1" }

    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((name, Double(now - last) / 1e9, Self.peakMegabytes()))
        last = now
    }

    /// The process's peak resident memory so far (Linux `VmHWM`), in MB.
    static func peakMegabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kb / 1024
    }

    func print(to console: Console) {
        guard enabled else { return }
        let parts = laps.map { lap in
            "\(lap.0) \(Int((lap.1 * 1000).rounded())) ms" + (lap.2.map { " (peak \($0) MB)" } ?? "")
        }
        console.err("timing: " + parts.joined(separator: ", ") + "\n")
    }
}
