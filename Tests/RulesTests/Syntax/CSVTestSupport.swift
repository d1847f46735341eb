import Testing
@testable import Rules

/// Runs `CSVReader` the ways a caller can (whole, in two chunks, a byte at a time) and
/// writes what it read one record a line, so that test rows can spell records out:
/// `2: ⟨a⟩⟨b,c⟩⟨⟩` (line 2, three fields), `3: ! quote-in-unquoted-field 3:4`.
enum CSVRun {
    /// What a parse gave: the records, and the fatal problem if one was thrown.
    struct Outcome: Equatable, CustomStringConvertible {
        var records: [String] = []
        var error: String?

        var description: String { (records + (error.map { ["throws " + $0] } ?? [])).joined(separator: "\n") }
    }

    static func describe(_ record: borrowing CSVRecordView) -> String {
        if let problem = record.problem {
            return "\(record.line): ! \(problem.kind.rawValue) \(problem.line):\(problem.column)"
        }
        var s = "\(record.line): "
        for i in 0..<record.count { s += "⟨" + record.string(i) + "⟩" }
        return s
    }

    /// Reads `chunks` in turn the way a streaming caller does: the unconsumed tail of
    /// one is carried to the front of the next.
    static func parse(chunks: [ArraySlice<UInt8>], delimiter: CSVReader.Delimiter = .comma,
                      firstLine: Int = 1, atStartOfInput: Bool = true) -> Outcome {
        var reader = CSVReader(delimiter: delimiter, firstLine: firstLine, atStartOfInput: atStartOfInput)
        var outcome = Outcome()
        var carry: [UInt8] = []
        for (k, chunk) in chunks.enumerated() {
            let buffer = carry + chunk
            let isFinal = k == chunks.count - 1
            do {
                let consumed = try buffer.withUnsafeBytes { bytes in
                    try reader.parse(bytes, isFinal: isFinal) { record in outcome.records.append(describe(record)) }
                }
                if isFinal && consumed != buffer.count {
                    outcome.error = "final chunk left \(buffer.count - consumed) bytes"
                }
                carry = Array(buffer[consumed...])
            } catch let problem as CSVProblem {
                outcome.error = "\(problem.kind.rawValue) \(problem.line):\(problem.column)"
                return outcome
            } catch {
                outcome.error = "\(error)"
                return outcome
            }
        }
        return outcome
    }

    static func whole(_ bytes: [UInt8], delimiter: CSVReader.Delimiter = .comma) -> Outcome {
        parse(chunks: [bytes[...]], delimiter: delimiter)
    }

    static func whole(_ text: String, delimiter: CSVReader.Delimiter = .comma) -> Outcome {
        whole(Array(text.utf8), delimiter: delimiter)
    }

    /// Two chunks cut at `offset`.
    static func cut(_ bytes: [UInt8], at offset: Int, delimiter: CSVReader.Delimiter = .comma) -> Outcome {
        parse(chunks: [bytes[..<offset], bytes[offset...]], delimiter: delimiter)
    }

    /// One byte a chunk, then an empty final chunk.
    static func byteByByte(_ bytes: [UInt8], delimiter: CSVReader.Delimiter = .comma) -> Outcome {
        parse(chunks: bytes.indices.map { bytes[$0...$0] } + [[][...]], delimiter: delimiter)
    }

    /// `text` with the marker `‸` removed, and the line and column (in characters) of
    /// the character after the marker, so that rows point at positions instead of counting.
    static func marked(_ text: String) -> (text: String, position: String) {
        var line = 1, column = 1
        var out = ""
        var position = "none"
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "‸" {
                position = "\(line):\(column)"
                continue
            }
            out.unicodeScalars.append(scalar)
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            if scalar == "\n" || scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        return (out, position)
    }
}

/// A deterministic pseudo-random sequence (a 64-bit LCG), for generated test inputs.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 29)
    }
}
