import Foundation

// `swift run -c release bench`: generates the national-scale workload (issue 6), runs the
// release `check` on it, and prints wall time, rows per second and peak memory per size;
// with DuckDB installed (`pip install duckdb`), the equivalent SQL too, and the ratio.
// Not a test: machines are noisy, so figures are medians of several runs.

struct Options {
    var sizes = ["unit", "0.1x", "1x"]
    var runs = 5
    var folder = ".bench"
    var threads: String? = nil
    var duckdb = true

    init(_ args: [String]) {
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--sizes": i += 1; sizes = args[i].split(separator: ",").map(String.init)
            case "--runs": i += 1; runs = max(1, Int(args[i]) ?? 5)
            case "--folder": i += 1; folder = args[i]
            case "--threads": i += 1; threads = args[i]
            case "--no-duckdb": duckdb = false
            case "-h", "--help":
                print("""
                usage: swift run -c release bench [--sizes unit,0.1x,1x,10x] [--runs N] [--threads N] [--no-duckdb]
                  sizes: unit (1 commune), 0.1x (332 communes), 1x (3,321 communes, ~4 M rows, ~160 MB), 10x (~40 M rows)
                  data is generated once into .bench/SIZE/ (deterministic) and reused
                """)
                exit(0)
            default:
                FileHandle.standardError.write(Data("bench: unknown argument \(args[i])\n".utf8))
                exit(64)
            }
            i += 1
        }
    }
}

func units(for size: String) -> Int? {
    switch size {
    case "unit": return 1
    case "0.1x": return 332
    case "1x": return Workload.communes
    case "10x": return Workload.communes * 10
    default: return nil
    }
}

/// Runs a command, returning wall seconds, peak resident memory in MB and the exit status.
func measure(_ argv: [String], environment: [String: String] = [:]) -> (seconds: Double, peakMB: Double, status: Int32) {
    var pid: pid_t = 0
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    let cEnv = env.map { strdup("\($0)=\($1)") } + [nil]
    let cArgs = argv.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawnp(&pid, argv[0], nil, nil, cArgs, cEnv) == 0 else {
        return (0, 0, -1)
    }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let exited = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (seconds, Double(usage.ru_maxrss) / 1024, exited)
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let binFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let check = binFolder.appendingPathComponent("check").path
guard FileManager.default.isExecutableFile(atPath: check) else {
    FileHandle.standardError.write(Data("bench: no check binary at \(check); run `swift build -c release` first\n".utf8))
    exit(2)
}
let duckdbScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scripts/bench-duckdb.py").path
let hasDuckDB = options.duckdb && measure(["python3", "-c", "import duckdb"]).status == 0

/// Whether `check` and the DuckDB query found the same (code, rule, unit, period) set: the
/// yardstick is also a cross-check.
func agreement(ours: String, theirs: String) -> String {
    func keys(_ path: String) -> Set<String> {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var out = Set<String>()
        for line in text.split(separator: "\n") {
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            out.insert("\(o["code"] ?? "")|\(o["rule"] ?? "")|\(o["unit"] ?? "")|\(o["period"] ?? "")")
        }
        return out
    }
    let a = keys(ours), b = keys(theirs)
    return a == b ? "  (same findings)" : "  (DIFFERENT findings: \(a.subtracting(b).count) only in check, \(b.subtracting(a).count) only in DuckDB)"
}

print("size     rows        MB      check s   rows/s       peak MB   findings   duckdb s  duckdb MB  ratio")
var timings: [(size: String, rows: Int, seconds: Double)] = []
for size in options.sizes {
    guard let n = units(for: size) else {
        FileHandle.standardError.write(Data("bench: unknown size \(size)\n".utf8))
        exit(64)
    }
    let folder = "\(options.folder)/\(size)"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let plan = "\(folder)/plan.json", data = "\(folder)/data.csv", out = "\(folder)/findings.jsonl"
    let workload = Workload(units: n)
    var rows = 0
    if let attrs = try? FileManager.default.attributesOfItem(atPath: data), let meta = try? String(contentsOfFile: "\(folder)/rows", encoding: .utf8),
       (attrs[.size] as? Int ?? 0) > 0 {
        rows = Int(meta.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    } else {
        try? workload.planJSON().write(toFile: plan, atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: data, contents: nil)
        let handle = FileHandle(forWritingAtPath: data)!
        rows = workload.writeCSV(to: handle).rows
        try? handle.close()
        try? "\(rows)\n".write(toFile: "\(folder)/rows", atomically: true, encoding: .utf8)
    }
    let bytes = (try? FileManager.default.attributesOfItem(atPath: data)[.size] as? Int) ?? 0
    var env: [String: String] = [:]
    if let t = options.threads { env["CHITIEU_THREADS"] = t }
    let argv = [check, "-r", plan, data, "--as-of", "2027-01-01", "-f", "jsonl", "-o", out]
    var walls: [Double] = [], peaks: [Double] = []
    let runs = size == "10x" ? min(options.runs, 3) : options.runs
    var failed = false
    // One run first, not timed: it brings the file into the page cache (a build just before
    // may have pushed it out) so that every timed run reads the same way.
    _ = measure(argv, environment: env)
    for _ in 0..<runs {
        let m = measure(argv, environment: env)
        if m.status != 0 && m.status != 1 { failed = true; FileHandle.standardError.write(Data("bench: check exited \(m.status)\n".utf8)); break }
        walls.append(m.seconds)
        peaks.append(m.peakMB)
    }
    if failed { exit(1) }
    let findings = (try? String(contentsOfFile: out, encoding: .utf8))?.split(separator: "\n").count ?? 0
    let wall = median(walls)
    var line = "\(size.padding(toLength: 8, withPad: " ", startingAt: 0)) \(String(rows).padding(toLength: 11, withPad: " ", startingAt: 0)) "
    line += String(format: "%-7.1f  %-8.3f  %-11.0f  %-8.1f  %-9d", Double(bytes) / 1e6, wall, Double(rows) / wall, peaks.max() ?? 0, findings)
    if hasDuckDB && size != "unit" {
        var dwalls: [Double] = [], dpeak = 0.0
        for _ in 0..<min(runs, 3) {
            let m = measure(["python3", duckdbScript, plan, data])
            dwalls.append(m.seconds)
            dpeak = max(dpeak, m.peakMB)
        }
        let d = median(dwalls)
        line += String(format: "  %-8.3f  %-9.1f  %.1f×", d, dpeak, d / wall)
        line += agreement(ours: out, theirs: data + ".duckdb.jsonl")
    }
    print(line)
    timings.append((size, rows, wall))
}
if let one = timings.first(where: { $0.size == "1x" }), let ten = timings.first(where: { $0.size == "10x" }) {
    print(String(format: "growth: 10× the rows took %.2f× the time", ten.seconds / one.seconds))
}
