import ErrSweep
import ErrSweepReports
import Foundation
import Testing

@Suite struct MarkdownReportTests {
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("errsweep-report-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static let job = SweepJob(
        spec: SweepSpec(function: Sigmoid(), points: [0, 2], steps: try! StepGrid(parsing: "1e-1...1e-16").steps(perDecade: 5)),
        grid: try! StepGrid(parsing: "1e-1...1e-16"), perDecade: 5, root: directory, renderer: NativeRenderer(),
        command: "errsweep --fn sigmoid --x 0,2 --h 1e-1...1e-16 --per-decade 5")
    /// The job's outcome and the report it wrote, made once (the report exists only after the run).
    static let written: (outcome: SweepJob<Sigmoid>.Outcome, markdown: String) = {
        let outcome = try! job.run()
        return (outcome, try! String(contentsOf: directory.appendingPathComponent("Reports/sigmoid.md"), encoding: .utf8))
    }()
    static var outcome: SweepJob<Sigmoid>.Outcome { written.outcome }
    static var markdown: String { written.markdown }

    /// Every table row carries the analysis's own numbers for its point and method.
    @Test func tablesHoldTheAnalysisNumbers() throws {
        for entry in Self.outcome.analysis.entries {
            let best = try #require(entry.best)
            let row = try #require(Self.markdown.split(separator: "\n").first {
                $0.hasPrefix("| \(entry.method.rawValue) |") && Self.section(of: $0) == entry.x
            }, "no row for \(entry.method) at \(entry.x)")
            #expect(row.contains(String(format: "%.2e", best.absoluteError)) || best.absoluteError == 0)
            if let h = entry.model?.optimalStep { #expect(row.contains(String(format: "%.2e", h)), "\(row)") }
            if let slope = entry.truncationSlope { #expect(row.contains(String(format: "%.2f", slope)), "\(row)") }
        }
    }

    /// The reading names what is unusual at x = 0 (σ″ = 0 raises the forward difference's order)
    /// and the recommendation names AD.
    @Test func readingAndRecommendation() {
        #expect(Self.markdown.contains("forward is order 2 here instead of 1"))
        #expect(Self.markdown.contains("**Use AD**"))
        #expect(Self.markdown.contains("ε = 2.22e-16"))
    }

    /// Every image link resolves to a chart that was drawn.
    @Test func linksResolve() throws {
        let links = Self.markdown.components(separatedBy: "](../Plots/").dropFirst().map { $0.prefix { $0 != ")" } }
        #expect(links.count == 7 + 2 + 2 * 5)  // a chart per method, per point, and per point and stepped method
        for link in links {
            let path = Self.directory.appendingPathComponent("Plots/\(link)").path
            #expect(FileManager.default.fileExists(atPath: path), "\(link) does not exist")
        }
    }

    /// The x of the table a row sits in.
    static func section(of row: Substring) -> Double? {
        var current: Double?
        for line in markdown.split(separator: "\n") {
            if line.hasPrefix("## x = ") {
                current = Double(line.dropFirst(7).prefix { $0 != "," })
            }
            if line == row { return current }
        }
        return nil
    }
}
