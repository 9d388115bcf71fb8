import ErrSweep
import ErrSweepExplorer
import ErrSweepReports
import Foundation
import Testing

/// The explorer's query: the command line's rules and messages, field by field, and its limits.
@Suite struct ExplorerQueryTests {
    @Test func theDefaultQueryIsTheMainJob() throws {
        let sweep = try ExplorerQuery().sweep()
        #expect(sweep.spec.function.name == "sigmoid")
        #expect(sweep.spec.steps.count == 151)
        #expect(sweep.spec.methods == DerivativeMethod.all(derivative: 1))
    }
}

/// The query's limits and messages, field by field.
@Suite struct ExplorerQueryProblemTests {
    func problems(_ parameters: [String: String]) -> [FieldProblem] {
        do {
            _ = try ExplorerQuery(parameters: parameters).sweep()
            return []
        } catch {
            return error.problems
        }
    }

    @Test func eachFieldSaysWhatIsValid() {
        #expect(problems(["fn": "sigmod"]).first?.message.hasPrefix("unknown function 'sigmod' (did you mean 'sigmoid'?)") == true)
        #expect(problems(["x": "1,2,3,4,5"]) == [.init(field: "x", message: "5 points; valid: at most 4 here (the command line takes any number)")])
        #expect(problems(["h": "1e-1...1e-16", "per-decade": "30"]) == [.init(field: "h", message: "451 steps; valid: at most 400 here: a shorter range or fewer per decade")])
        #expect(problems(["per-decade": "ten"]).first?.field == "per-decade")
        #expect(problems(["derivative": "9"]).first?.field == "derivative")
        #expect(problems(["method": "complex", "derivative": "3"]).first?.field == "method")
        #expect(problems(["fn": String(repeating: "x+", count: 101) + "x"]) == [.init(field: "fn", message: "203 characters, over the limit of 200")])
        // Four points, every precision, every method of f″, 376 steps: over 40 000 measurements.
        let many = problems(["x": "1,2,3,4", "precision": "all", "derivative": "2", "h": "1e-1...1e-16", "per-decade": "25"])
        #expect(many.count == 1 && many[0].message.contains("measurements") && many[0].message.hasSuffix("valid: at most 40000 here"))
    }

    /// The permalink's query reads back as the same query.
    @Test func thePermalinkRoundTrips() {
        var query = ExplorerQuery()
        query.fn = "exp(x)/sqrt(sin(x)^3+cos(x)^3)"
        query.x = "-1.5,2"
        query.method = "central,forward-ad"
        var parameters: [String: String] = [:]
        for pair in query.queryString.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            parameters[String(parts[0])] = String(parts[1]).removingPercentEncoding
        }
        #expect(ExplorerQuery(parameters: parameters) == query)
    }

    /// What the user wrote reaches the SVG escaped.
    @Test func svgTextIsEscaped() {
        let chart = Chart(name: "c", title: "<script>alert('x') & \"y\"</script>",
                          xAxis: .init(label: "h", scale: .log, range: 1e-8...1e-1), yAxis: .init(label: "error", scale: .log, range: 1e-16...1),
                          series: [.init(label: "<b>", points: [.init(x: 1e-4, y: 1e-8)], color: 0)])
        let svg = SVGChart.svg(chart) { _, _ in [("h", "<1>")] }
        #expect(!svg.contains("<script>") && !svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"))
        #expect(svg.contains("data-1=\"h: &lt;1&gt;\""))
    }
}

/// The second tab's query: its defaults, limits and permalink.
@Suite struct LandscapeQueryTests {
    @Test func theDefaultQuery() throws {
        let work = try LandscapeQuery().work()
        #expect(work.function.name == "sigmoid" && work.points == Sigmoid().defaultPoints)
        #expect(work.algorithms == DerivativeEstimator.allCases && work.precision == .double && work.method == .forward)
        #expect(work.landscape.points.count == 101 && work.landscape.points.first == -10 && work.landscape.points.last == 10)
        #expect(work.landscape.steps.count == 151 && work.landscape.methods == [.forward] && !work.landscape.splitsErrors)
    }

    @Test func theMapsLimits() {
        func problems(_ parameters: [String: String]) -> [FieldProblem] {
            do {
                _ = try LandscapeQuery(parameters: parameters).work()
                return []
            } catch {
                return error.problems
            }
        }
        // 401 points × 301 steps: over 40 000 cells.
        #expect(problems(["x-count": "401", "per-decade": "20"]) == [.init(field: "x-count", message: "120701 cells (401 points × 301 steps); valid: at most 40000 here")])
        #expect(problems(["range": (0..<402).map(String.init).joined(separator: ",")]).first?.field == "range")
        #expect(problems(["precision": "float,double"]).first?.message.hasSuffix("here (a map shows one)") == true)
        #expect(problems(["x": "1,2,3,4,5", "method": "all"]).map(\.field) == ["x", "method"])
    }

    @Test func thePermalinkNamesItsTab() {
        var query = LandscapeQuery()
        query.fn = "log(x)"
        query.range = "0.1...4"
        #expect(query.queryString.hasPrefix("tab=landscape&fn=log(x)&x=&algorithm=all&precision=double&range=0.1...4&x-count=101"))
        var parameters: [String: String] = [:]
        for pair in query.queryString.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            parameters[String(parts[0])] = String(parts[1]).removingPercentEncoding
        }
        #expect(LandscapeQuery(parameters: parameters) == query)
    }
}

/// A heat map in SVG: its cells as one PNG over the frame, each cell's colour where the axes put
/// it, and the colour bar's gradient through the heat stops.
@Suite struct SVGHeatmapTests {
    @Test func eachCellWhereTheAxesPutIt() throws {
        // Three columns at x = 1, 2, 3 and two rows at h = 1e-3, 1e-2: with the axes running to
        // the outer cells' edges (0.5…3.5, 10^-3.5…10^-1.5), the cells fill the frame exactly.
        var chart = Chart(name: "map", title: "t", xAxis: .init(label: "x", scale: .linear, range: 0.5...3.5),
                          yAxis: .init(label: "h", scale: .log, range: pow(10, -3.5)...pow(10, -1.5)), series: [])
        let values: [[Double]] = [[0, .nan, -1], [-2, -3, -4]]
        chart.heatmap = Chart.Heatmap(xs: [1, 2, 3], ys: [1e-3, 1e-2], values: values, valueLabel: "log10 |error|", valueRange: -4...0)
        let svg = SVGChart.svg(chart)
        let layout = ChartLayout(chart)
        let cells = try #require(SVGChart.heatmapCells(chart))
        #expect(cells.columnEdges.map { ($0 * 1e6).rounded() } == [0.5, 1.5, 2.5, 3.5].map { (layout.column($0) * 1e6).rounded() })
        #expect(abs(cells.rowEdges[0] - layout.bottom) < 1e-9 && abs(cells.rowEdges[2] - layout.top) < 1e-9)
        for stop in Palette.heatStops { #expect(svg.contains("<stop offset=\"\(stop.position)\" stop-color=\"\(stop.hex)\"/>")) }

        let base64 = try #require(svg.firstMatch(of: /base64,([A-Za-z0-9+\/=]+)"/)).1
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("heat-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        try #require(Data(base64Encoded: String(base64))).write(to: file)
        let image = try PNGFile.read(file)
        #expect(image.width == Int(layout.right - layout.left) && image.height == Int(layout.bottom - layout.top))
        for (row, h) in [1e-3, 1e-2].enumerated() {
            for (column, x) in [1.0, 2, 3].enumerated() {
                let pixel = image.pixel(Int(layout.column(x) - layout.left), Int(layout.row(h) - layout.top))
                // The heat colour of (value − low)/(high − low); light grey (0.85) for no value.
                let value = values[row][column]
                let expected = value.isNaN ? (0.85, 0.85, 0.85) : Palette.heat((value + 4) / 4)
                let channels = [expected.0, expected.1, expected.2].map { Int(($0 * 255).rounded()) }
                #expect([Int(pixel.red), Int(pixel.green), Int(pixel.blue)] == channels, "cell (\(row), \(column))")
            }
        }
    }
}
