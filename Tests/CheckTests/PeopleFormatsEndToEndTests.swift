import Foundation
import Testing

/// The formats for people through the built binary: files written, what goes to standard
/// error, exit statuses, `--only-new` and `--from`.
@Suite(.serialized) struct PeopleFormatsEndToEndTests {
    static let base = EndToEndTests.base

    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-people-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: [("csv", "xa-mau.csv"), ("markdown", "xa-mau.vi.md"), ("html", "xa-mau.vi.html")])
    func formatsAreGolden(format: String, golden: String) throws {
        let lang = golden.contains(".vi.") ? ["--lang", "vi"] : []
        let run = try Binary.run(Self.base + ["-f", format] + lang)
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
        try Golden.check(EndToEndTests.portable(run.stdout), golden)
    }

    @Test func emailWritesOneMessagePerOwnerIntoTheFolder() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("mail").path
        let run = try Binary.run(Self.base + ["-f", "email", "--out", out, "--lang", "vi", "--from", "chitieu@xamau.example.vn"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == ["kinh-te.eml", "ubnd.eml"])
        let kinhTe = try String(contentsOfFile: out + "/kinh-te.eml", encoding: .utf8)
        #expect(kinhTe.hasPrefix("From: chitieu@xamau.example.vn\r\nTo: "))
        #expect(kinhTe.contains("Content-Transfer-Encoding: quoted-printable\r\n"))
        // The data row that cannot be read goes to the plan's default owner.
        let ubnd = try String(contentsOfFile: out + "/ubnd.eml", encoding: .utf8)
        #expect(ubnd.contains("data-invalid") || ubnd.contains("s=E1=BB=91 li=E1=BB=87u kh=C3=B4ng h=E1=BB=A3p l=E1=BB=87"))
    }

    @Test func ownersWithoutAnAddressAreNamedOnStandardError() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Binary.run(["-r", EndToEndTests.rules, EndToEndTests.data, "--numbers", "vi", "--as-of", "2027-01-10",
                                  "-f", "email", "-o", dir.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("warning"))
        #expect(run.stderr.contains("'van-hoa' (Phòng Văn hóa - Xã hội) has no email address"))
        #expect(run.stderr.contains("xa-mau-2026/jobs"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("van-hoa.eml").path))
    }

    @Test func emailNeedsAFolder() throws {
        let run = try Binary.run(Self.base + ["-f", "email"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--out"))
    }

    @Test(arguments: ["not-an-address", "a@b@c", "me@x.example vn"])
    func aBadSenderIsAUsageError(sender: String) throws {
        let run = try Binary.run(Self.base + ["-f", "email", "-o", "/tmp/unused", "--from", sender])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--from"))
    }

    @Test func onlyNewLeavesOutLastMonthsFindingsButKeepsTheExitStatus() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let previous = dir.appendingPathComponent("june.json").path
        let june = try Binary.run(["-r", EndToEndTests.rules, EndToEndTests.data, "--numbers", "vi", "--as-of", "2026-06-01",
                                   "-f", "json", "--lang", "vi", "-o", previous])
        #expect(june.status == 1)
        let all = try Binary.run(Self.base + ["-f", "json"])
        let fresh = try Binary.run(Self.base + ["-f", "json", "--only-new", previous])
        #expect(fresh.status == all.status, "old news is still a violation")
        func findings(_ s: String) throws -> [[String: Any]] {
            let o = try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any]
            return o?["findings"] as? [[String: Any]] ?? []
        }
        let before = try findings(String(contentsOfFile: previous, encoding: .utf8))
        let everything = try findings(all.stdout)
        let onlyNew = try findings(fresh.stdout)
        func key(_ f: [String: Any]) -> String {
            ["plan", "rule", "unit", "code", "period"].map { f[$0] as? String ?? "-" }.joined(separator: "|")
        }
        let old = Set(before.map(key))
        #expect(!onlyNew.isEmpty && onlyNew.count < everything.count)
        #expect(onlyNew.map(key) == everything.map(key).filter { !old.contains($0) })
    }

    @Test(arguments: [("missing.json", "cannot read"), ("bad.json", "json"), ("array.json", "'findings'")])
    func anUnreadablePreviousReportStopsTheRun(name: String, says: String) throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\"findings\": [".utf8).write(to: dir.appendingPathComponent("bad.json"))
        try Data("[1, 2]".utf8).write(to: dir.appendingPathComponent("array.json"))
        let run = try Binary.run(Self.base + ["--only-new", dir.appendingPathComponent(name).path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(says))
    }
}
