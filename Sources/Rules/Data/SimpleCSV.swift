/// A minimal RFC 4180 tokenizer (comma only), standing in until the streaming CSVReader
/// of Syntax/ replaces it.
enum SimpleCSV {
    static func records(_ bytes: [UInt8]) -> [(line: Int, fields: [String])] {
        var out: [(Int, [String])] = []
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var field: [UInt8] = []
        var fields: [String] = []
        var recordLine = 1
        var inQuotes = false
        var started = false
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    inQuotes = false
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x22: inQuotes = true; started = true
            case 0x2C: fields.append(String(decoding: field, as: UTF8.self)); field = []; started = true
            case 0x0D: break
            case 0x0A:
                if started || !field.isEmpty { fields.append(String(decoding: field, as: UTF8.self)); out.append((recordLine, fields)) }
                fields = []; field = []; started = false; line += 1; recordLine = line
            default: field.append(b); started = true
            }
            i += 1
        }
        if started || !field.isEmpty { fields.append(String(decoding: field, as: UTF8.self)); out.append((recordLine, fields)) }
        return out
    }
}
