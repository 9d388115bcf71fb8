import ErrSweep
import ErrSweepExplorer
import ErrSweepReports
import Foundation
import Hummingbird

/// The explorer's routes: the page, its script and style, the answer to a query as JSON, and the
/// downloads (CSV, PNG, Markdown report) of the same query. Every query is read with the command
/// line's rules (`ExplorerQuery`): a bad field is a 400 naming it, a full line of work a 503, a
/// sweep past the time budget a 422. Nothing the user types names a file or reaches a shell.
struct ExplorerRoutes: Sendable {
    let budget: Double
    let limiter: RequestLimiter

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        router.get("/") { _, _ in Self.text(ExplorerPage.html, type: "text/html; charset=utf-8") }
        router.get("/explorer.js") { _, _ in Self.text(ExplorerScript.javaScript, type: "text/javascript; charset=utf-8") }
        router.get("/explorer.css") { _, _ in Self.text(ExplorerStyle.css, type: "text/css; charset=utf-8") }
        router.get("/api/sweep") { request, _ in
            await answer(request) { query, sweep in
                let (rows, analysis, seconds) = try ExplorerAnswer.measure(sweep, budget: budget)
                let answer = ExplorerAnswer(query: query, sweep: sweep, rows: rows, analysis: analysis, seconds: seconds)
                return Self.text(String(decoding: try JSONEncoder().encode(answer), as: UTF8.self), type: "application/json")
            }
        }
        router.get("/download/sweep.csv") { request, _ in
            await answer(request) { _, sweep in
                let (rows, analysis, _) = try ExplorerAnswer.measure(sweep, budget: budget)
                let csv = MeasurementTable.lines(rows, analysis: analysis).map { $0 + "\n" }.joined()
                return Self.text(csv, type: "text/csv; charset=utf-8", download: "errsweep-sweep.csv")
            }
        }
        router.get("/download/report.md") { request, _ in
            await answer(request) { query, sweep in
                let (_, analysis, _) = try ExplorerAnswer.measure(sweep, budget: budget)
                let command = ReproducingCommand.sweep(sweep.spec, grid: sweep.grid, perDecade: sweep.perDecade)
                let run = MarkdownReport.Run(command: command, grid: query.h, charts: [], chartNote: "charts: in the explorer, or from the command above")
                return Self.text(MarkdownReport.markdown(spec: sweep.spec, analysis: analysis, run: run), type: "text/markdown; charset=utf-8", download: "errsweep-report.md")
            }
        }
        router.get("/download/chart.png") { request, _ in
            await answer(request) { _, sweep in
                let (rows, analysis, _) = try ExplorerAnswer.measure(sweep, budget: budget)
                let png = try Self.png(ExplorerAnswer.shownCharts(spec: sweep.spec, rows: rows, analysis: analysis)[0])
                return Response(status: .ok, headers: [.contentType: "image/png", .contentDisposition: "attachment; filename=\"errsweep-chart.png\""],
                                body: .init(byteBuffer: ByteBuffer(bytes: png)))
            }
        }
        return router
    }

    /// Reads the query, waits for a turn, and computes `respond` off the server's threads.
    func answer(_ request: Request, _ respond: @escaping @Sendable (ExplorerQuery, ExplorerQuery.Sweep) throws -> Response) async -> Response {
        let query = ExplorerQuery(parameters: Self.parameters(request.uri.query ?? ""))
        let sweep: ExplorerQuery.Sweep
        do { sweep = try query.sweep() } catch {
            return Self.json(error, status: .badRequest)
        }
        guard await limiter.enter() else {
            return Self.message("the explorer is busy: every place in line is taken; try again in a few seconds", status: .serviceUnavailable)
        }
        defer { Task { await limiter.leave() } }
        do {
            return try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(with: Result { try respond(query, sweep) }) }
            }
        } catch let over as ExplorerAnswer.OverBudget {
            return Self.message(over.description, status: .unprocessableContent)
        } catch {
            return Self.message("\(error)", status: .internalServerError)
        }
    }

    /// The raw query's parameters: '+' is a space, then percent-decoding (as a form sends them).
    static func parameters(_ query: String) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String { text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            parameters[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return parameters
    }

    static func text(_ text: String, type: String, download: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: type]
        if let download { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let data = (try? JSONEncoder().encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct Message: Encodable { var message: String }

    static func message(_ message: String, status: HTTPResponse.Status) -> Response {
        json(Message(message: message), status: status)
    }

    /// A chart drawn by the native renderer into a folder of the server's own, read back, and the
    /// folder removed.
    static func png(_ chart: Chart) throws -> [UInt8] {
        var chart = chart
        chart.name = "chart"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("errsweep-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try NativeRenderer().render(chart, formats: [.png], into: folder)
        return [UInt8](try Data(contentsOf: files[0]))
    }
}
