import ErrSweep
import ErrSweepExplorer
import ErrSweepReports
import Foundation
import Hummingbird

/// The explorer's routes: the page, its script and style, the answers to a sweep query and to a
/// landscape query (estimates and heat map) as JSON, and the downloads of each (CSV, PNG, the
/// Markdown report). Every query is read with the command
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
            await answer(request, read: Self.sweep) { query, sweep in
                let (rows, analysis, seconds) = try ExplorerAnswer.measure(sweep, budget: budget)
                return try Self.json(ExplorerAnswer(query: query, sweep: sweep, rows: rows, analysis: analysis, seconds: seconds))
            }
        }
        router.get("/download/sweep.csv") { request, _ in
            await answer(request, read: Self.sweep) { _, sweep in
                let (rows, analysis, _) = try ExplorerAnswer.measure(sweep, budget: budget)
                return Self.text(MeasurementTable.lines(rows, analysis: analysis).map { $0 + "\n" }.joined(), type: "text/csv; charset=utf-8", download: "errsweep-sweep.csv")
            }
        }
        router.get("/download/report.md") { request, _ in
            await answer(request, read: Self.sweep) { query, sweep in
                let (_, analysis, _) = try ExplorerAnswer.measure(sweep, budget: budget)
                let command = ReproducingCommand.sweep(sweep.spec, grid: sweep.grid, perDecade: sweep.perDecade)
                let run = MarkdownReport.Run(command: command, grid: query.h, charts: [], chartNote: "charts: in the explorer, or from the command above")
                return Self.text(MarkdownReport.markdown(spec: sweep.spec, analysis: analysis, run: run), type: "text/markdown; charset=utf-8", download: "errsweep-report.md")
            }
        }
        router.get("/download/chart.png") { request, _ in
            await answer(request, read: Self.sweep) { _, sweep in
                let (rows, analysis, _) = try ExplorerAnswer.measure(sweep, budget: budget)
                return try Self.png(ExplorerAnswer.shownCharts(spec: sweep.spec, rows: rows, analysis: analysis)[0], download: "errsweep-chart.png")
            }
        }
        router.get("/api/landscape") { request, _ in
            await answer(request, read: Self.landscape) { query, work in
                let (judged, rows, seconds) = try LandscapeAnswer.measure(work, budget: budget)
                return try Self.json(LandscapeAnswer(query: query, work: work, judged: judged, rows: rows, seconds: seconds))
            }
        }
        router.get("/download/estimate.csv") { request, _ in
            await answer(request, read: Self.landscape) { _, work in
                let (judged, _, _) = try LandscapeAnswer.measure(work.withoutLandscape, budget: budget)
                return Self.text(EstimateOutputs.csv(judged), type: "text/csv; charset=utf-8", download: "errsweep-estimate.csv")
            }
        }
        router.get("/download/landscape.csv") { request, _ in
            await answer(request, read: Self.landscape) { _, work in
                let (_, rows, _) = try LandscapeAnswer.measure(work.withoutEstimates, budget: budget)
                return Self.text(MeasurementTable.lines(rows).map { $0 + "\n" }.joined(), type: "text/csv; charset=utf-8", download: "errsweep-landscape.csv")
            }
        }
        router.get("/download/landscape.png") { request, _ in
            await answer(request, read: Self.landscape) { _, work in
                let (_, rows, _) = try LandscapeAnswer.measure(work.withoutEstimates, budget: budget)
                return try Self.png(LandscapeChart.make(spec: work.landscape, rows: rows, method: work.method, precision: work.precision), download: "errsweep-landscape.png")
            }
        }
        return router
    }

    static func sweep(_ parameters: [String: String]) throws(QueryProblems) -> (ExplorerQuery, ExplorerQuery.Sweep) {
        let query = ExplorerQuery(parameters: parameters)
        return (query, try query.sweep())
    }

    static func landscape(_ parameters: [String: String]) throws(QueryProblems) -> (LandscapeQuery, LandscapeQuery.Work) {
        let query = LandscapeQuery(parameters: parameters)
        return (query, try query.work())
    }

    /// Reads the query (a 400 naming each field's problem), waits for a turn (a 503 when the
    /// line is full), and computes `respond` off the server's threads (a 422 past the budget).
    func answer<Query: Sendable, Work: Sendable>(
        _ request: Request, read: ([String: String]) throws(QueryProblems) -> (Query, Work),
        _ respond: @escaping @Sendable (Query, Work) throws -> Response
    ) async -> Response {
        let query: Query, work: Work
        do { (query, work) = try read(Self.parameters(request.uri.query ?? "")) } catch {
            return Self.json(error, status: .badRequest)
        }
        guard await limiter.enter() else {
            return Self.message("the explorer is busy: every place in line is taken; try again in a few seconds", status: .serviceUnavailable)
        }
        defer { Task { await limiter.leave() } }
        do {
            return try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(with: Result { try respond(query, work) }) }
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

    /// An answer as JSON, 200.
    static func json(_ value: some Encodable) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(value))))
    }

    struct Message: Encodable { var message: String }

    static func message(_ message: String, status: HTTPResponse.Status) -> Response {
        json(Message(message: message), status: status)
    }

    /// A chart drawn by the native renderer into a folder of the server's own, read back, and the
    /// folder removed, as a download named `download`.
    static func png(_ chart: Chart, download: String) throws -> Response {
        var chart = chart
        chart.name = "chart"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("errsweep-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try NativeRenderer().render(chart, formats: [.png], into: folder)
        return Response(status: .ok, headers: [.contentType: "image/png", .contentDisposition: "attachment; filename=\"\(download)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: files[0]))))
    }
}
