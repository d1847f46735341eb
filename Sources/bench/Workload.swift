import Foundation

/// The national-scale workload of issue 6: every commune × 100 indicators × 12 monthly
/// reports, deterministic for a given size (a fixed-seed generator, no clock, no randomness
/// from the system), so that every run measures the same bytes.
struct Workload {
    var units: Int
    var indicators = 100
    var months = 12

    static let communes = 3_321

    /// SplitMix64: tiny, fast and good enough to spread values and dates.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// Uniform in 0..<n.
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// How indicator `i` is judged: 90 targets then 10 maintained ranges, cycling through the
    /// comparisons. Values are centred so that roughly 15 % of checks fail.
    static func threshold(_ i: Int) -> (kind: String, text: String) {
        let k = i < 90 ? "target" : "maintain"
        switch i % 5 {
        case 0: return (k, ">= 50")
        case 1: return (k, "> 40")
        case 2: return (k, "<= 80")
        case 3: return (k, "< 90")
        default: return (k, "between 20 and 95")
        }
    }

    func planJSON() -> String {
        var rules: [String] = []
        for i in 0..<indicators {
            let (kind, text) = Workload.threshold(i)
            rules.append(#"    {"id": "r\#(i)", "indicator": "ind_\#(Workload.pad(i, 3))", "\#(kind)": "\#(text)"}"#)
        }
        return """
        {
          "plan": "national-2026",
          "title": "Benchmark: every commune, 100 indicators",
          "units": "*",
          "year": 2026,
          "calendar": "none",
          "rules": [
        \(rules.joined(separator: ",\n"))
          ],
          "reports": [{"id": "monthly", "every": "month", "due": "by day 25 of the next month"}]
        }

        """
    }

    /// Writes the CSV to `handle` in large blocks; returns (rows, bytes).
    func writeCSV(to handle: FileHandle) -> (rows: Int, bytes: Int) {
        var random = Random(state: 0x0C41_71E0 &+ UInt64(units))
        var out = [UInt8]()
        out.reserveCapacity(1 << 22)
        out += Array("unit,period,indicator,value,submitted\n".utf8)
        var rows = 0, bytes = 0
        let indicatorNames = (0..<indicators).map { Array("ind_\(Workload.pad($0, 3))".utf8) }
        for u in 0..<units {
            let unit = Array("xa-\(Workload.pad(u + 1, 5))".utf8)
            for month in 1...months {
                // About 2 % of reports are missing, 5 % late (after day 25 of the next month).
                let roll = random.below(1000)
                if roll < 20 { continue }
                let late = roll < 70
                let nextMonth = month == 12 ? 1 : month + 1
                let year = month == 12 ? 2027 : 2026
                let day = late ? 26 + random.below(3) : 10 + random.below(15)
                let submitted = Array("\(year)-\(Workload.pad(nextMonth, 2))-\(Workload.pad(day, 2))".utf8)
                let period = Array("2026-\(Workload.pad(month, 2))".utf8)
                for i in 0..<indicators {
                    // About 15 % of values fall on the failing side of their threshold.
                    let fails = random.below(100) < 15
                    let (lo, hi) = Workload.range(i, failing: fails, coin: random.below(2))
                    let base = lo + random.below(hi - lo + 1)
                    out += unit; out.append(44)
                    out += period; out.append(44)
                    out += indicatorNames[i]; out.append(44)
                    Workload.appendCents(base, to: &out); out.append(44)
                    out += submitted; out.append(10)
                    rows += 1
                }
            }
            if out.count > (1 << 22) - 4096 {
                handle.write(Data(out))
                bytes += out.count
                out.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(out))
        bytes += out.count
        return (rows, bytes)
    }

    /// The value range (in cents) on the passing or failing side of indicator `i`'s threshold.
    static func range(_ i: Int, failing: Bool, coin: Int) -> (Int, Int) {
        switch i % 5 {
        case 0: return failing ? (2_000, 4_999) : (5_000, 10_000)      // >= 50
        case 1: return failing ? (1_000, 4_000) : (4_001, 10_000)      // > 40
        case 2: return failing ? (8_001, 12_000) : (0, 8_000)          // <= 80
        case 3: return failing ? (9_000, 13_000) : (0, 8_999)          // < 90
        default: return failing ? (coin == 0 ? (0, 1_999) : (9_501, 12_000)) : (2_000, 9_500)  // between 20 and 95
        }
    }

    static func appendCents(_ cents: Int, to out: inout [UInt8]) {
        let whole = cents / 100, frac = cents % 100
        out += Array(String(whole).utf8)
        out.append(46)
        out.append(UInt8(48 + frac / 10))
        out.append(UInt8(48 + frac % 10))
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
