import Testing
@testable import Rules

/// CSV data files through `DataLoader.load`, as the check reads them (spec §5, §6.1).
@Suite struct CSVDataTests {
    struct Loaded {
        var result: DataLoader.Result

        /// `line:column message` of each `data-invalid` finding.
        var invalid: [String] {
            result.findings.filter { $0.code == .dataInvalid }.map { f in
                let at = f.location.map { "\($0.line ?? 0)" + ($0.column.map { ":\($0)" } ?? "") } ?? "?"
                return "\(at) \(f.message.en)"
            }
        }

        /// `code line:column message` of each error diagnostic.
        var errors: [String] {
            result.diagnostics.filter { $0.severity == .error }.map { d in
                let at = d.location.map { "\($0.line ?? 0)" + ($0.column.map { ":\($0)" } ?? "") } ?? "?"
                return "\(d.code) \(at) \(d.message.en)" + (d.hint.map { " | \($0.en)" } ?? "")
            }
        }

        /// `period=value@line` of the unit `u`'s indicator.
        func values(_ indicator: String) -> [String] {
            let series = result.data.series(unit: "u", indicator: indicator)
            return series.points.map { "\(result.data.periods[Int($0.period)].id)=\(NumberFormat.plain($0.value))@\($0.line)" }
        }
    }

    static func load(_ bytes: [UInt8], numbers: DataNumberStyle = .c) -> Loaded {
        let scope = DataScope(asOf: CivilDate(year: 2027, month: 1, day: 1)!, numbers: numbers)
        return Loaded(result: DataLoader.load([.init(name: "d.csv", bytes: bytes)], scope: scope, plans: []))
    }

    static func load(_ text: String, numbers: DataNumberStyle = .c) -> Loaded {
        load(Array(text.utf8), numbers: numbers)
    }

    @Test func brokenRowsAreDataInvalidAtTheLineTheyStartOn() {
        let csv = Array("""
            unit,period,indicator,value,submitted
            u,2026-01,x,91,2026-02-01
            u,2026-02,x,"9""1",2026-03-01
            u,2026-03,x,"multi
            line",2026-04-01
            u,2026-04,x,9"2,2026-05-01
            u,2026-05,x,"93"x,2026-06-01
            u,2026-06,x,93,5,2026-07-01
            ,,,,

            u,2026-07,x,
            """.utf8) + [0xFF] + Array("""
            ,2026-08-01
            u,2026-08,x,95,2026-09-01
            """.utf8)
        let loaded = Self.load(csv)
        #expect(loaded.invalid == [
            "3 cannot read the value '9\"1' of 'x' as a number",
            #"4 cannot read the value "multi\nline" of 'x' as a number"#,
            "6:14 unexpected quote '\"' inside a field that does not start with one",
            "7:17 expected ',' or the end of the line after the closing quote, found 'x'",
            "8:18 the row has 6 cells but the header has 5 columns",
            "11:13 invalid UTF-8 (byte 0xFF)",
        ])
        #expect(loaded.values("x") == ["2026-01=91@2", "2026-08=95@12"])
        #expect(loaded.errors.isEmpty)
    }

    @Test func aProblemFurtherDownAMultiLineRecordSaysWhere() {
        let loaded = Self.load("unit,period,indicator,value,note\nu,2026-01,x,1,\"a\nb\"c\nu,2026-02,x,2,")
        #expect(loaded.invalid == ["2 line 3, column 3: expected ',' or the end of the line after the closing quote, found 'c'"])
        #expect(loaded.values("x") == ["2026-02=2@4"])
    }

    @Test func brokenRowsOfUnitsNotCheckedAreIgnored() throws {
        let scope = DataScope(asOf: CivilDate(year: 2027, month: 1, day: 1)!, numbers: .c, units: ["u"])
        let csv = "unit,period,indicator,value\nother,2026-01,x,9\"2\nu,2026-01,x,9\"2\nab\"c,2026-01,x,1\nother,2026-01,x,1,2\n"
        let result = DataLoader.load([.init(name: "d.csv", bytes: Array(csv.utf8))], scope: scope, plans: [])
        let invalid = result.findings.filter { $0.code == .dataInvalid }
        // A unit cell read before the problem decides; a broken unit cell cannot, and is reported.
        #expect(invalid.map { "\($0.location?.line ?? 0) \($0.unit ?? "-")" } == ["3 u", "4 -"])
        #expect(result.diagnostics.map(\.message.en) == ["2 rows of units that no selected plan binds were ignored"])
    }

    @Test func theDataInvalidFindingCarriesTheHint() throws {
        let loaded = Self.load("unit,period,indicator,value\nu,2026-01,x,93,5\n")
        let finding = try #require(loaded.result.findings.first { $0.code == .dataInvalid })
        #expect(finding.hint?.en == "a cell that contains ',' (such as a decimal comma) must be in quotes: \"93,5\"")
        #expect(finding.message.vi == "dòng có 5 ô nhưng dòng tiêu đề có 4 cột")
        #expect(finding.location == SourceLocation(file: "d.csv", line: 2, column: 16))
    }

    @Test func semicolonFilesWithDecimalCommas() {
        let loaded = Self.load("unit;period;indicator;value;note\nu;2026-01;x;93,5;\"a; b\"\nu;2026-02;x;\"1.234,5\";\n",
                               numbers: .vi)
        #expect(loaded.invalid.isEmpty)
        #expect(loaded.values("x") == ["2026-01=93.5@2", "2026-02=1234.5@3"])
    }

    @Test func bomCRLFQuotedNotesAndTrailingDelimiters() {
        let crlf = "\u{FEFF}Unit,PERIOD,indicator,value,note,\r\nu,2026-01,x,1,\"ghi chú: \"\"nộp muộn\"\"\r\ndòng 2\",\r\n\r\nu,2026-02,x,2,,\r\n"
        let loaded = Self.load(crlf)
        #expect(loaded.invalid.isEmpty)
        #expect(loaded.errors.isEmpty)
        #expect(loaded.values("x") == ["2026-01=1@2", "2026-02=2@5"])
        #expect(Self.load(crlf.replacingCRLF()).values("x") == ["2026-01=1@2", "2026-02=2@5"])
    }

    @Test func blankRowsAreSkippedButShortRowsAreRead() {
        let loaded = Self.load("unit,period,indicator,value,note\n, ,,\t,\nu,2026-01,x,1\n,,,,,,\n")
        #expect(loaded.invalid.isEmpty)
        #expect(loaded.values("x") == ["2026-01=1@3"])
    }

    @Test(arguments: [
        ("", ["data.unreadable 1 the file is empty: expected a header row (unit,period,indicator,value,submitted)"]),
        ("\u{FEFF}\r\n\n", ["data.unreadable 1 the file is empty: expected a header row (unit,period,indicator,value,submitted)"]),
        ("unit;period;indcator;value\nu;2026-01;x;1",
         ["data.missing-column 1 the header has no 'indicator' column (found 'unit', 'period', 'indcator', 'value') | did you mean 'indicator' for 'indcator'?",
          "data.unknown-column 1 the column 'indcator' is not one the tool reads, and 'indicator' is missing | did you mean 'indicator'?"]),
        ("unit,period,indicator,value,submited\n",
         ["data.unknown-column 1 the column 'submited' is not one the tool reads, and 'submitted' is missing | did you mean 'submitted'?"]),
        ("unit,period,indicator,value,Unit\n", ["data.unreadable 1 the column 'unit' appears twice in the header"]),
        ("unit,\"period\" ,indicator,value\n",
         ["data.unreadable 1:14 expected ',' or the end of the line after the closing quote, found a space | remove the space after the closing quote"]),
        ("unit,period,indicator,value\nu,2026-01,x,1\nu,2026-02,x,\"2\nu,2026-03,x,3\n",
         ["data.unreadable 3:13 unterminated quoted field: the quote opened here is never closed | close the field with '\"'; a quote inside a field is written twice ('\"\"')"]),
    ])
    func fileLevelProblems(csv: String, errors: [String]) {
        #expect(Self.load(csv).errors == errors)
    }

    @Test func aHeaderInAnotherEncodingIsUnreadable() {
        // "đơn vị" in Windows-1258 is not UTF-8.
        let loaded = Self.load([0xF0, 0xA1, 0x6E, 0x20, 0x76, 0xD2, 0x2C, 0x75, 0x6E, 0x69, 0x74, 0x0A])
        #expect(loaded.errors == ["data.unreadable 1:1 invalid UTF-8 (byte 0xF0) | save the file as UTF-8"])
    }

    /// A submission date without a year takes the year of its row's period, row by row:
    /// "20/01" on a 2025 row is not the 2026 date of the row before it.
    @Test func aDateWithoutAYearTakesEachRowsPeriodYear() {
        let loaded = Self.load("""
            unit,period,indicator,value,submitted
            u,2026-12,x,1,20/01
            u,2025-12,x,2,20/01
            u,2025-11,x,3,2025-12-20
            u,2026-11,x,4,2025-12-20
            """)
        let dates = loaded.result.data.series(unit: "u", indicator: "x").points.map { $0.submitted?.iso ?? "-" }
        #expect(dates == ["2025-12-20", "2025-01-20", "2025-12-20", "2026-01-20"])
    }

    @Test func anEmptyPeriodIsNamedInBothLanguages() {
        let loaded = Self.load("unit,period,indicator,value\nu,,x,1\n")
        let messages = loaded.result.findings.filter { $0.code == .dataInvalid }.map(\.message)
        #expect(messages.map(\.en) == ["cannot read the period (empty): expected e.g. 2026-06, 2026-Q2, 2026-H1, 2026-9M, 2026 or 2026-06-15"])
        #expect(messages.map(\.vi) == ["không đọc được kỳ (trống): cần dạng 2026-06, 2026-Q2, 2026-H1, 2026-9M, 2026 hoặc 2026-06-15"])
    }

    /// A conflicting duplicate in another file names that file, so the reader can find both rows.
    @Test func aConflictAcrossFilesNamesTheEarlierFile() {
        let scope = DataScope(asOf: CivilDate(year: 2027, month: 1, day: 1)!, numbers: .c)
        let first = Array("unit,period,indicator,value\nu,2026-01,x,1\nu,2026-01,x,2\n".utf8)
        let second = Array("unit,period,indicator,value\nu,2026-01,x,3\n".utf8)
        let result = DataLoader.load([.init(name: "a.csv", bytes: first), .init(name: "b.csv", bytes: second)], scope: scope, plans: [])
        let conflicts = result.findings.filter { $0.code == .dataInvalid }
        #expect(conflicts.map { "\($0.location?.file ?? "?"):\($0.location?.line ?? 0) \($0.message.en)" } == [
            "a.csv:3 conflicting duplicate: 'x' for 2026-01 is also given as 1 on line 2 with the same submission date; that first value is used",
            "b.csv:2 conflicting duplicate: 'x' for 2026-01 is also given as 1 on line 2 of a.csv with the same submission date; that first value is used",
        ])
        #expect(conflicts.last?.message.vi == "trùng lặp mâu thuẫn: 'x' kỳ 2026-01 đã có giá trị 1 ở dòng 2 của tệp a.csv với cùng ngày nộp; dùng giá trị đầu tiên")
    }

    /// A cell quoted across lines shows in a message escaped ("a\nb"), never as a raw line
    /// break that would split the finding's one line of text output in two.
    @Test func cellsWithLineBreaksAreShownEscaped() {
        let loaded = Self.load("""
            unit,period,indicator,value,submitted
            "xa
            moi",2026-01,x,1,
            u,"2026
            02",x,1,
            u,2026-03,"ind
            x",1,
            u,2026-04,x,"9
            1",
            u,2026-05,x,1,"2026-06
            -01"
            """)
        let messages = loaded.result.findings.filter { $0.code == .dataInvalid }.map(\.message)
        #expect(messages.count == 5)
        for m in messages {
            #expect(!m.en.contains("\n") && !m.vi.contains("\n"), "\(m.en)")
            #expect(m.en.contains("\\n"), "\(m.en)")
        }
        #expect(messages.first?.en.hasPrefix(#""xa\nmoi" is not a unit slug"#) == true, "\(messages.first?.en ?? "")")
    }

    @Test func rowsOfTheFixtureKeepTheirLines() {
        // Decimal commas in quotes; the note of line 3 holds a quoted comma and escaped quotes.
        let csv = #"""
            unit,period,indicator,value,submitted,report,note
            u,2026-01,x,"91,5",2026-01-30,monthly,
            u,2026-02,x,"88,2",2026-02-27,monthly,"niêm yết muộn, do ""Tết"""
            u,2026-Q1,y,"1,2",2026-03-18,quarterly,
            """#
        let loaded = Self.load(csv, numbers: .vi)
        #expect(loaded.invalid.isEmpty)
        #expect(loaded.values("x") == ["2026-01=91.5@2", "2026-02=88.2@3"])
        #expect(loaded.values("y") == ["2026-Q1=1.2@4"])
    }
}

extension String {
    fileprivate func replacingCRLF() -> String {
        var s = ""
        for c in unicodeScalars where c != "\r" { s.unicodeScalars.append(c) }
        return s
    }
}
