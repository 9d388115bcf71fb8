import ErrSweepReports
import Foundation
import Testing

/// The explorer in a real browser: headless Chromium from Debian's packages, driven by WebDriver.
/// A user loads the page, types an expression, submits, sees the chart and the table, hovers a
/// point and reads it off, follows the permalink, and makes a mistake; on the second tab, the
/// same for black-box estimates and a heat map. With ERRSWEEP_SCREENSHOTS set, the pages'
/// screenshots are written into that folder (`make explorer-screenshot`: the README's pictures).
@Suite(.serialized, WebDriver.needed) struct ExplorerBrowserTests {
    @Test func aUsersVisit() async throws {
        let server = try ServedExplorer()
        let browser = try await WebDriver()
        try await browser.open(server.base + "/")
        let field = try await browser.property("#fn", "value")
        #expect(field == "sigmoid")

        // Type an expression and submit: the page answers without a reload.
        try await browser.type("exp(x)/sqrt(sin(x)^3+cos(x)^3)", into: "#fn")
        try await browser.type("1.5", into: "#x")
        try await browser.click("#run")
        let status = try await browser.wait(for: "#status") { $0.contains("measurements in") }
        #expect(status.hasPrefix("1057 measurements"), "\(status)")  // 1 point × 7 methods × 151 steps
        let charts = try await browser.elements("#charts svg")
        #expect(charts.count == 2)  // every method's V, and central's split
        let formula = try await browser.text("#formula")
        #expect(formula.hasPrefix("f(x) = exp(x)/sqrt(sin(x)^3 + cos(x)^3), f′(x) = "))
        let command = try await browser.text("#command")
        #expect(command == "errsweep --fn 'exp(x)/sqrt(sin(x)^3 + cos(x)^3)' --x 1.5 --method all --precision double --h 0.1...1e-16 --per-decade 10")
        let table = try await browser.text("#tables table")
        #expect(table.contains("central5") && table.contains("model h*"))
        let recommendation = try await browser.text("#recommendation")
        #expect(recommendation.contains("Use AD"))

        // Hover the central difference's point at h = 1e-5 and read it off: the readout says what
        // the point under the pointer holds (the complex step's point can lie on top of it there,
        // at the same error).
        let point = try await browser.element("#charts .hover-points circle[data-0='series: central'][data-1='h: 1.00e-05']")
        try await browser.scroll(to: point)
        try await browser.hover(element: point)
        let readout = try await browser.wait(for: "#readout", seconds: 10) { $0.contains("h: 1.00e-05") }
        let underPointer = try await browser.command("POST", "/execute/sync", ["script": """
            const r = arguments[0].getBoundingClientRect();
            const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            const lines = [];
            for (let i = 0; top.hasAttribute("data-" + i); i++) lines.push(top.getAttribute("data-" + i));
            return lines.join(" · ");
            """, "args": [[WebDriver.elementKey: point]]]) as? String
        #expect(readout == underPointer)
        #expect(readout.contains("error: ") && readout.contains("truncation: ") && readout.contains("rounding: "), "\(readout)")

        // The permalink holds the query: opened anew, it shows the same view.
        let link = try await browser.url
        #expect(link.contains("fn=exp") && link.contains("x=1.5"), "\(link)")
        try await browser.screenshotIfAsked("explorer.png")
        try await browser.open(server.base + "/")
        try await browser.open(link)
        _ = try await browser.wait(for: "#status") { $0.contains("measurements in") }
        let permalinkField = try await browser.property("#fn", "value")
        #expect(permalinkField == "exp(x)/sqrt(sin(x)^3+cos(x)^3)")
        let permalinkCharts = try await browser.elements("#charts svg")
        #expect(permalinkCharts.count == 2)

        // A mistake is named beside its field, in the command line's words.
        try await browser.type("1e-1...abc", into: "#h")
        try await browser.click("#run")
        let problem = try await browser.wait(for: "#problem-h", seconds: 20) { !$0.isEmpty }
        #expect(problem.contains("is not a number") && problem.contains("1e-1...1e-16"), "\(problem)")
        let hiddenAnswers = try await browser.elements("#answer[hidden]")
        #expect(hiddenAnswers.count == 1)

        // What a user types is shown, never run.
        try await browser.type("1e-1...1e-16", into: "#h")
        try await browser.type("<script>alert(1)</script><img src=x onerror=alert(2)>", into: "#fn")
        try await browser.click("#run")
        let refused = try await browser.wait(for: "#problem-fn", seconds: 20) { !$0.isEmpty }
        #expect(refused.contains("<script>"), "\(refused)")
        let alerted = await browser.alertIsOpen()
        #expect(!alerted)
        let injected = try await browser.elements("#problem-fn script, #problem-fn img")
        #expect(injected.isEmpty)
        await browser.quit()
    }

    @Test func theLandscapeTab() async throws {
        let server = try ServedExplorer()
        let browser = try await WebDriver()
        try await browser.open(server.base + "/")
        // The tab opens on its form's default: 4 points × 5 algorithms, and 101 × 151 cells.
        try await browser.click("#tab-landscape")
        let first = try await browser.wait(for: "#l-status") { $0.contains("measurements in") }
        #expect(first.hasPrefix("15271 measurements"), "\(first)")
        let hiddenSweep = try await browser.elements("#sweep-tab[hidden]")
        #expect(hiddenSweep.count == 1)
        let opened = try await browser.url
        #expect(opened.contains("tab=landscape"), "\(opened)")

        // ln x: f′(x) = 1/x, so the proved truth at 0.5 is 2 and at 2 is 0.5, beside every estimate.
        try await browser.type("log(x)", into: "#l-fn")
        try await browser.type("0.5,2", into: "#l-x")
        try await browser.type("0.1...4", into: "#l-range")
        try await browser.type("40", into: "#l-x-count")
        try await browser.type("central", into: "#l-method")
        try await browser.click("#l-run")
        let status = try await browser.wait(for: "#l-status") { $0.hasPrefix("6050 measurements") }  // 2 × 5 + 40 × 151
        #expect(status.contains(" s"))
        let rows = try await browser.elements("#l-estimates tbody tr")
        #expect(rows.count == 10)
        let table = try await browser.text("#l-estimates table")
        #expect(table.contains("0.5 errsweep") && table.contains("claimed bound"), "\(table)")
        let truths = try await browser.command("POST", "/execute/sync", ["script": """
            return [...document.querySelectorAll("#l-estimates tbody tr")].map((r) => r.cells[4].textContent);
            """, "args": [Any]()]) as? [String]
        #expect(Set(truths ?? []) == ["2", "0.5"], "\(truths ?? [])")
        let command = try await browser.text("#l-landscape-command")
        #expect(command == "errsweep landscape --fn 'log(x)' --x 0.1...4 --x-count 40 --method central --precision double --h 0.1...1e-16 --per-decade 10")

        // Hover the cell at x = 1, h = 1e-5: its place comes from the axes alone (x linear over
        // 0.1…4, h logarithmic over 1e-16…1e-1, across the frame the cells fill), and central's
        // error there is the model's h²/6·|f‴(1)| + ε/h ≈ 3.3e-11 + 1e-11.
        let map = try await browser.element("#l-landscape svg")
        try await browser.scroll(to: map)
        let place = try await browser.command("POST", "/execute/sync", ["script": """
            const svg = arguments[0], image = svg.querySelector(".heat-cells");
            const [left, top, width, height] = ["x", "y", "width", "height"].map((a) => Number(image.getAttribute(a)));
            const point = svg.createSVGPoint();
            point.x = left + (1 - 0.1) / (4 - 0.1) * width;
            point.y = top + height - (Math.log10(1e-5) + 16) / 15 * height;
            const screen = point.matrixTransform(svg.getScreenCTM());
            return [Math.round(screen.x), Math.round(screen.y)];
            """, "args": [[WebDriver.elementKey: map]]]) as? [Int]
        let xy = try #require(place)
        try await browser.hover(x: xy[0], y: xy[1])
        let readout = try await browser.wait(for: "#l-readout", seconds: 10) { $0.contains("h: ") }
        #expect(readout.hasPrefix("x: 1 · h: 1.00e-05 · error: "), "\(readout)")
        let error = Double(readout.components(separatedBy: "error: ").last ?? "") ?? .nan
        #expect(error > 1e-11 && error < 1e-10, "\(readout)")
        try await browser.screenshotIfAsked("explorer-landscape.png", showing: "#l-landscape")

        // The permalink opens this tab with its fields.
        let link = try await browser.url
        try await browser.open(server.base + "/")
        try await browser.open(link)
        _ = try await browser.wait(for: "#l-status") { $0.hasPrefix("6050 measurements") }
        let permalinkField = try await browser.property("#l-fn", "value")
        #expect(permalinkField == "log(x)")
        let hiddenLandscape = try await browser.elements("#landscape-tab[hidden]")
        #expect(hiddenLandscape.isEmpty)

        // A map too large is refused beside its field.
        try await browser.type("5000", into: "#l-x-count")
        try await browser.click("#l-run")
        let problem = try await browser.wait(for: "#problem-l-x-count", seconds: 20) { !$0.isEmpty }
        #expect(problem == "'5000' points in the range; valid: a whole number from 2 to 401", "\(problem)")
        await browser.quit()
    }

    /// A page that is already looking at a query keeps its answer on the page when the browser
    /// goes back (popstate): the earlier query is measured again.
    @Test func backGoesToTheEarlierQuery() async throws {
        let server = try ServedExplorer()
        let browser = try await WebDriver()
        try await browser.open(server.base + "/?fn=exp&x=1&h=1e-1...1e-8&per-decade=2&method=forward,central&precision=double&derivative=1")
        _ = try await browser.wait(for: "#status") { $0.hasPrefix("30 measurements") }
        try await browser.type("sin", into: "#fn")
        try await browser.click("#run")
        _ = try await browser.wait(for: "#formula") { $0.contains("sin") }
        try await browser.command("POST", "/back", [:])
        let formula = try await browser.wait(for: "#formula", seconds: 20) { $0.contains("exp") }
        #expect(formula.contains("exp"))
        let field = try await browser.property("#fn", "value")
        #expect(field == "exp")
        await browser.quit()
    }
}
