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
    func problems(_ parameters: [String: String]) -> [ExplorerQuery.Problem] {
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
