import Testing
@testable import Rules

@Suite struct CSVSplitterTests {
    /// Reads each piece with its own reader, as a parallel caller would, and joins what
    /// they read.
    static func readPieces(_ bytes: [UInt8], into count: Int) -> (pieces: [CSVSplitter.Piece], outcome: CSVRun.Outcome,
                                                                  resyncs: [Int]) {
        let pieces = bytes.withUnsafeBytes { CSVSplitter.split($0, into: count) }
        var outcome = CSVRun.Outcome()
        var resyncs: [Int] = []
        for piece in pieces {
            var reader = CSVReader(firstLine: piece.firstLine, atStartOfInput: piece.range.lowerBound == 0)
            do {
                _ = try bytes[piece.range].withUnsafeBytes { buffer in
                    try reader.parse(buffer, isFinal: true) { outcome.records.append(CSVRun.describe($0)) }
                }
            } catch let problem as CSVProblem {
                outcome.error = "\(problem.kind.rawValue) \(problem.line):\(problem.column)"
            } catch {
                outcome.error = "\(error)"
            }
            resyncs.append(reader.resyncCount)
        }
        return (pieces, outcome, resyncs)
    }

    /// Records with quoted line breaks (LF, CRLF, lone CR), escaped quotes and empty lines,
    /// from a fixed seed.
    static func generated(records: Int, seed: UInt64, lineBreak: String) -> [UInt8] {
        var random = SeededGenerator(state: seed)
        let fields = ["cao-minh", "\"a\nb\"", "\"x\r\ny\"", "\"c\rd\"", "\"\"\"\"", "93.5", "", "\"đồng, tâm\"", "\"\"", "Thụy Hùng"]
        var text = "\u{FEFF}unit,note,value" + lineBreak
        for k in 0..<records {
            let row = (0..<3).map { _ in fields[Int(random.next() % UInt64(fields.count))] }
            text += row.joined(separator: ",") + lineBreak
            if k % 7 == 3 { text += lineBreak }
        }
        return Array(text.utf8)
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func piecesReadAsTheWholeDoes(lineBreak: String) {
        for seed in 1...4 as ClosedRange<UInt64> {
            let bytes = Self.generated(records: 60, seed: seed, lineBreak: lineBreak)
            let whole = CSVRun.whole(bytes)
            #expect(whole.error == nil)
            for count in 1...12 {
                let (pieces, outcome, resyncs) = Self.readPieces(bytes, into: count)
                #expect(outcome == whole, "seed \(seed), \(count) pieces")
                #expect(resyncs.allSatisfy { $0 == 0 })
                #expect(pieces.count <= count)
                // The pieces cover the input, in order, without gaps.
                #expect(pieces.first?.range.lowerBound == 0)
                #expect(pieces.last?.range.upperBound == bytes.count)
                #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.range.upperBound == $1.range.lowerBound })
                #expect(pieces.allSatisfy { !$0.range.isEmpty })
            }
        }
    }

    @Test func boundariesFallOnlyOutsideQuotes() {
        // Every line break but the last lies inside the one quoted field: no place to cut.
        let bytes = Array("a,\"1\n2\n3\n4\n5\n6\n7\n8\n9\"\nb,c".utf8)
        let pieces = bytes.withUnsafeBytes { CSVSplitter.split($0, into: 8) }
        #expect(pieces.map(\.range) == [0..<22, 22..<bytes.count])
        #expect(pieces.map(\.firstLine) == [1, 10])
    }

    @Test func aCRLFCutInTheMiddleIsOneLineBreak() {
        // 4 records of 4 bytes: cuts asked for at 4 (a boundary), 7 (between CR and LF), 10 and 13.
        let bytes = Array("ab\r\ncd\r\nef\r\ngh\r\n".utf8)
        let pieces = bytes.withUnsafeBytes { CSVSplitter.split($0, into: 5) }
        #expect(pieces.map(\.range.lowerBound) == [0, 4, 8, 12])
        #expect(pieces.map(\.firstLine) == [1, 2, 3, 4])
    }

    @Test func smallInputs() {
        #expect([UInt8]().withUnsafeBytes { CSVSplitter.split($0, into: 4) } == [.init(range: 0..<0, firstLine: 1)])
        #expect(Array("a".utf8).withUnsafeBytes { CSVSplitter.split($0, into: 4) } == [.init(range: 0..<1, firstLine: 1)])
        #expect(Array("a\nb".utf8).withUnsafeBytes { CSVSplitter.split($0, into: 1, firstLine: 7) }
                == [.init(range: 0..<3, firstLine: 7)])
        #expect(Array("a\nb\n".utf8).withUnsafeBytes { CSVSplitter.split($0, into: 2) }
                == [.init(range: 0..<2, firstLine: 1), .init(range: 2..<4, firstLine: 2)])
    }

    /// A stray quote upsets the parity, and the piece holding it says so: the caller then
    /// reads the rest sequentially from that piece's start.
    @Test func aStrayQuoteIsReportedByItsPiece() {
        var text = ""
        for k in 0..<40 { text += k == 5 ? "ab\"c,1\n" : k == 30 ? "x,\"multi\nline\"\n" : "r\(k),\(k)\n" }
        let bytes = Array(text.utf8)
        let whole = CSVRun.whole(bytes)
        let (pieces, _, resyncs) = Self.readPieces(bytes, into: 4)
        let first = resyncs.firstIndex { $0 > 0 }
        #expect(first == 0)
        // Re-reading from the first piece with a problem gives what a sequential read gives.
        if let first {
            let start = pieces[first].range.lowerBound
            let rest = CSVRun.parse(chunks: [bytes[start...]], firstLine: pieces[first].firstLine, atStartOfInput: start == 0)
            #expect(rest == whole)
        }
    }

    // MARK: - Counting

    @Test func quoteAndLineBreakCountsMatchAByteLoop() {
        let bytes = Array("\"a\"\r\n\r\r\n\n\"\"x\ry\r\n12345678\r\n\"\r".utf8)
        func naive(_ from: Int, _ to: Int) -> (Int, Int) {
            var quotes = 0, breaks = 0
            for k in from..<to {
                if bytes[k] == 0x22 { quotes += 1 }
                if bytes[k] == 0x0A { breaks += 1 }
                // A CR counts unless an LF follows, and it counts in the range holding that LF.
                if bytes[k] == 0x0D && !(k + 1 < bytes.count && bytes[k + 1] == 0x0A) { breaks += 1 }
            }
            return (quotes, breaks)
        }
        bytes.withUnsafeBytes { buffer in
            for from in 0...bytes.count {
                for to in from...bytes.count {
                    let (q, b) = ByteSearch.countQuotesAndLineBreaks(in: buffer.baseAddress!, from: from, to: to, count: bytes.count)
                    let (nq, nb) = naive(from, to)
                    #expect(q == nq && b == nb, "\(from)..<\(to)")
                }
            }
        }
    }

    @Test func firstSpecialByteMatchesAByteLoop() {
        let bytes = Array("abcdefgh,ijklmnopq\"rstuvwx\ny;z\r\u{80}\u{FF}0123456789abcdefg".utf8)
        let specials: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D]
        bytes.withUnsafeBytes { buffer in
            let base = buffer.baseAddress!
            for from in 0...bytes.count {
                for to in from...bytes.count {
                    let found = ByteSearch.first(in: base, from: from, to: to, ByteSearch.splat(0x2C), ByteSearch.splat(0x22),
                                                 ByteSearch.splat(0x0A), ByteSearch.splat(0x0D))
                    let expected = (from..<to).first { specials.contains(bytes[$0]) } ?? to
                    #expect(found == expected, "\(from)..<\(to)")
                }
            }
        }
    }
}
