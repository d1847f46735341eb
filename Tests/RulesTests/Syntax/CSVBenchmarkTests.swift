import Foundation
import Testing
@testable import Rules

/// Throughput of the CSV hot path on a ~160 MB file of 4 million rows like
/// `cao-minh-0001,2026-03,ind_042,93.47,2026-04-21`. Skipped unless `CHITIEU_BENCH=1`;
/// run it optimised: `CHITIEU_BENCH=1 swift test -c release --filter CSVBenchmark`.
@Suite struct CSVBenchmark {
    static let enabled = ProcessInfo.processInfo.environment["CHITIEU_BENCH"] == "1"

    /// `rows` data rows after a header, every field varying.
    static func syntheticFile(rows: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(rows * 48 + 64)
        out += Array("unit,period,indicator,value,submitted\n".utf8)
        func digits(_ value: Int, _ width: Int) {
            var v = value
            var buffer = [UInt8](repeating: 0x30, count: width)
            for k in stride(from: width - 1, through: 0, by: -1) {
                buffer[k] = UInt8(0x30 + v % 10)
                v /= 10
            }
            out += buffer
        }
        let unit = Array("cao-minh-".utf8), year = Array("2026-".utf8), ind = Array("ind_".utf8)
        for r in 0..<rows {
            out += unit; digits(r % 10_000, 4); out.append(0x2C)
            out += year; digits(r % 12 + 1, 2); out.append(0x2C)
            out += ind; digits(r / 10_000 % 400, 3); out.append(0x2C)
            digits(r % 100, 2); out.append(0x2E); digits(r * 7 % 100, 2); out.append(0x2C)
            out += year; digits((r + 1) % 12 + 1, 2); out.append(0x2D); digits(r % 28 + 1, 2)
            out.append(0x0A)
        }
        return out
    }

    static func best(of runs: Int, _ body: () throws -> Void) rethrows -> Duration {
        var best = Duration.seconds(1_000)
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try body()
            best = min(best, ContinuousClock.now - start)
        }
        return best
    }

    static func report(_ what: String, bytes: Int, _ time: Duration) {
        let seconds = Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18
        let mb = Double(bytes) / 1_000_000
        print("CSV benchmark: \(what): \(String(format: "%.1f", mb)) MB in \(String(format: "%.1f", seconds * 1000)) ms = \(String(format: "%.0f", mb / seconds)) MB/s")
    }

    @Test(.enabled(if: enabled)) func throughput() throws {
        let file = Self.syntheticFile(rows: 3_400_000)
        var records = 0
        var fieldBytes = 0
        let parse = try Self.best(of: 5) {
            records = 0
            fieldBytes = 0
            var reader = CSVReader()
            _ = try file.withUnsafeBytes { bytes in
                try reader.parse(bytes, isFinal: true) { record in
                    records += 1
                    for i in 0..<record.count { fieldBytes &+= record[i].count }
                }
            }
        }
        #expect(records == 3_400_001)
        Self.report("CSVReader.parse, \(records) records, \(fieldBytes) field bytes", bytes: file.count, parse)

        // The same, in 64 KiB chunks with the tail carried over, as a streaming caller would.
        let chunked = try Self.best(of: 3) {
            records = 0
            var reader = CSVReader()
            try file.withUnsafeBytes { bytes in
                var start = 0
                var end = 0
                while start < bytes.count {
                    end = min(max(end, start) + 65_536, bytes.count)
                    let chunk = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                    start += try reader.parse(chunk, isFinal: end == bytes.count) { _ in records += 1 }
                }
            }
        }
        #expect(records == 3_400_001)
        Self.report("CSVReader.parse in 64 KiB chunks", bytes: file.count, chunked)

        var counted = 0
        let count = Self.best(of: 5) {
            counted = file.withUnsafeBytes { CSVDataReader.count($0, previousCR: false).breaks }
        }
        #expect(counted >= 3_400_001)
        Self.report("CSVDataReader.count (quotes and line breaks)", bytes: file.count, count)

        var valid = false
        let utf8 = Self.best(of: 5) {
            valid = file.withUnsafeBytes { UTF8Validation.isValid($0) }
        }
        #expect(valid)
        Self.report("UTF8Validation (part of parse)", bytes: file.count, utf8)

        // The whole data path is far slower than the reader today: a tenth of the file.
        let tenth = Self.syntheticFile(rows: 340_000)
        let scope = DataScope(asOf: CivilDate(year: 2027, month: 1, day: 1)!, numbers: .c)
        var findings = 0
        let load = Self.best(of: 1) {
            let result = DataLoader.load([.init(name: "bench.csv", bytes: tenth)], scope: scope, plans: [])
            findings = result.findings.filter { $0.code == .dataInvalid }.count
        }
        #expect(findings == 0)
        Self.report("DataLoader.load (reader + ObservationCollector, one core)", bytes: tenth.count, load)
    }
}
