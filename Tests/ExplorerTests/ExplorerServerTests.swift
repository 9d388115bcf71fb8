import ErrSweepReports
import Foundation
import Testing

/// The served explorer over loopback: its headers, its answers to good and bad queries, its
/// downloads, its limits (a time budget, a bounded line) and its behaviour under load.
@Suite(.serialized) struct ExplorerServerTests {
    /// The page is static and its policy allows only its own script and style.
    @Test func thePageAndItsPolicy() async throws {
        let server = try ServedExplorer()
        let page = try await server.get("/")
        #expect(page.status == 200)
        let policy = page.headers["content-security-policy"] ?? ""
        #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
        #expect(page.headers["x-content-type-options"] == "nosniff")
        let html = String(decoding: page.body, as: UTF8.self)
        // Every script is a file of the server's own; nothing comes from elsewhere.
        #expect(html.matches(of: /<script/).count == 1 && html.contains("<script src=\"/explorer.js\" defer></script>"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        let script = try await server.get("/explorer.js")
        #expect(script.status == 200 && script.headers["content-type"]?.hasPrefix("text/javascript") == true)
        #expect(!String(decoding: script.body, as: UTF8.self).contains("innerHTML"))
    }

    /// A bad query is a 400 naming each field's problem in the command line's words; markup in
    /// it comes back as JSON text (the page sets it as text).
    @Test func badQueriesAndEscaping() async throws {
        let server = try ServedExplorer()
        let bad = try await server.get("/api/sweep?fn=%3Cscript%3Ealert(1)%3C%2Fscript%3E&per-decade=0&precision=double,quad")
        #expect(bad.status == 400 && bad.headers["content-type"] == "application/json")
        let problems = try JSONDecoder().decode([String: [[String: String]]].self, from: bad.body)["problems"] ?? []
        #expect(problems.map { $0["field"] ?? "" } == ["fn", "precision", "per-decade"])
        #expect(problems[0]["message"]?.contains("<script>") == true)
    }

    /// The downloads: the table as CSV, the chart as a PNG libpng decodes, the Markdown report.
    @Test func downloads() async throws {
        let server = try ServedExplorer()
        let query = "fn=exp&x=1&h=1e-1...1e-8&per-decade=2&method=forward,central&precision=double&derivative=1"
        let csv = try await server.get("/download/sweep.csv?" + query)
        #expect(csv.status == 200 && csv.headers["content-disposition"] == "attachment; filename=\"errsweep-sweep.csv\"")
        let lines = String(decoding: csv.body, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 1 + 30)  // header, 2 methods × 15 steps
        let png = try await server.get("/download/chart.png?" + query)
        #expect(png.status == 200 && png.headers["content-type"] == "image/png")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("explorer-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        try png.body.write(to: file)
        #expect(try PNGFile.read(file).width == ChartCanvas.width)
        let report = try await server.get("/download/report.md?" + query)
        #expect(String(decoding: report.body, as: UTF8.self).hasPrefix("# "))
    }

    /// A sweep past the time budget is stopped and says why (422), and the server goes on.
    @Test func theTimeBudgetStopsASweep() async throws {
        let server = try ServedExplorer(["--budget", "0.1"])
        let big = try await server.get("/api/sweep?fn=sigmoid&x=1,2,3,4&precision=all&h=1e-1...1e-16&per-decade=20")
        #expect(big.status == 422, "\(big.status)")
        #expect(String(decoding: big.body, as: UTF8.self).contains("took longer than the 0.1 s"))
        let small = try await server.get("/api/sweep?fn=sin&x=1&h=1e-1,1e-2&method=central")
        #expect(small.status == 200)
    }

    /// Under load: 32 clients, each asking again as soon as answered, for 4 seconds, with a valid
    /// sweep or an invalid one by turns, against a server computing one at a time with two
    /// waiting. Every answer is 200, 400 (the invalid ones) or 503 (busy); the server's memory
    /// stays bounded; the latency of the default sweep's answers is printed.
    @Test func underLoad() async throws {
        let server = try ServedExplorer(["--concurrent", "1", "--waiting", "2"])
        let before = server.residentMegabytes
        let deadline = Date().addingTimeInterval(4)
        let results = try await withThrowingTaskGroup(of: [(Int, Double, Bool)].self) { group in
            for client in 0..<32 {
                group.addTask {
                    var seen: [(Int, Double, Bool)] = []
                    var turn = client
                    while Date() < deadline {
                        let valid = turn % 2 == 0
                        let path = valid ? "/api/sweep?fn=sigmoid" : "/api/sweep?fn=sigmod&h=1e-1...x"
                        let start = Date()
                        let reply = try await LoopbackHTTP.send("GET", port: server.port, path: path, timeout: 30)
                        seen.append((reply.status, Date().timeIntervalSince(start), valid))
                        turn += 1
                    }
                    return seen
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let statuses = Set(results.map(\.0))
        #expect(statuses.isSubset(of: [200, 400, 503]), "\(statuses)")
        #expect(results.contains { $0.0 == 200 } && results.contains { $0.0 == 503 })
        #expect(results.filter { !$0.2 }.allSatisfy { $0.0 == 400 || $0.0 == 503 })
        let served = results.filter { $0.0 == 200 }.map(\.1).sorted()
        let p50 = served[served.count / 2], p99 = served[min(served.count - 1, served.count * 99 / 100)]
        let after = server.residentMegabytes
        print("explorer under load: \(results.count) answers in 4 s (\(served.count) sweeps, \(results.filter { $0.0 == 503 }.count) busy); default sweep p50 \(Int(p50 * 1000)) ms, p99 \(Int(p99 * 1000)) ms; resident \(before) → \(after) MB")
        #expect(after < before + 300, "resident memory grew from \(before) to \(after) MB")
    }
}

extension ServedExplorer {
    /// The server's resident memory (VmRSS), in MB.
    var residentMegabytes: Int {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        guard let match = status.firstMatch(of: /VmRSS:\s+(\d+) kB/), let kilobytes = Int(match.1) else { return 0 }
        return kilobytes / 1024
    }
}
