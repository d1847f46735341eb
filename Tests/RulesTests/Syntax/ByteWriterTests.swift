import Testing
@testable import Rules

/// The output buffer of the JSON formats: whatever the lengths of the pieces and however
/// often it grows, it holds exactly the bytes appended, in order.
@Suite struct ByteWriterTests {
    @Test func piecesOfEveryLengthAreCopiedExactly() {
        var writer = ByteWriter(capacity: 1)
        var expected: [UInt8] = []
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for length in 0..<70 {
            var piece: [UInt8] = []
            for _ in 0..<length {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                piece.append(UInt8(truncatingIfNeeded: state))
            }
            writer.append(piece)
            expected += piece
            writer.append(UInt8(length))
            expected.append(UInt8(length))
        }
        #expect(writer.array == expected)
        #expect(writer.count == expected.count)
    }

    @Test func staticTextAndSpaces() {
        var writer = ByteWriter()
        writer.append("{" as StaticString)
        writer.append("\"severity\":" as StaticString)
        writer.append(spaces: 3)
        writer.append("ệ")
        #expect(writer.withBytes { String(decoding: $0, as: UTF8.self) } == "{\"severity\":   ệ")
    }

    @Test(arguments: [0, 7, -7, 10, 99, 100, -100, 1_234_567_890, Int.max, Int.min])
    func decimals(_ value: Int) {
        var writer = ByteWriter()
        writer.append(decimal: value)
        #expect(writer.withBytes { String(decoding: $0, as: UTF8.self) } == String(value))
    }
}
