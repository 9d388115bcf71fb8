import Foundation
import Testing

/// `errsweep estimate`: the table, report and chart of a run at points, the scoreboard over the
/// corpus, refused input, and earlier files kept through a failing chart and a killed commit.
@Suite struct EstimateCommandTests {
    static let header = "function,x,algorithm,precision,estimate,bound,evaluations,status,truth,abs_error,rel_error,ulps,bound_holds"

    /// log at 10⁻⁶ and 10⁸ by every algorithm: f′ = 10⁶ and 10⁻⁸ exactly, errsweep's bound holds
    /// at both, and Ridders, whose first step 0.1 crosses the domain edge at 10⁻⁶, says so.
    @Test func writesTableReportAndChart() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["estimate", "--fn", "log", "--x", "1e-6,1e8", "--algorithm", "all", "--plot", "png"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOf: directory.appendingPathComponent("Reports/data/estimate-log.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == Self.header)
        #expect(lines.count == 1 + 2 * 5)
        let mine = lines.filter { $0.hasPrefix("log,1e-06,errsweep,double,") || $0.hasPrefix("log,100000000.0,errsweep,double,") }
        #expect(mine.count == 2)
        #expect(mine.allSatisfy { $0.hasSuffix(",true") && $0.contains(",ok,") }, "\(mine)")
        #expect(mine[0].contains(",1000000.0,") && mine[1].contains(",1e-08,"), "the truths: \(mine)")
        let ridders = try #require(lines.first { $0.hasPrefix("log,1e-06,ridders,") })
        #expect(ridders.contains(",out-of-domain,"), "\(ridders)")
        let files = Binary.files(under: directory)
        #expect(files.contains("Plots/estimate-log.png") && files.contains("Reports/estimate-log.md"))
        let report = try String(contentsOf: directory.appendingPathComponent("Reports/estimate-log.md"), encoding: .utf8)
        #expect(report.contains("## x = 0.000001, double") || report.contains("## x = 1e-06, double"), "\(report)")
        #expect(report.contains("out-of-domain") && report.contains("![Claimed bound against true error](../Plots/estimate-log.png)"))
        #expect(result.stdout.contains("errsweep") && result.stdout.contains("wrote"))
    }

    /// The same function in two precisions: each judged against the truth rounded to its own.
    @Test func precisionsAreJudgedInTheirOwnFormat() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["estimate", "--fn", "sin(x)", "--x", "0.5", "--precision", "float,double", "--plot", "none"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let name = try #require(Binary.files(under: directory).first { $0.hasPrefix("Reports/data/estimate-") && $0.hasSuffix(".csv") })
        let lines = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
        // cos 0.5 rounded to Float is 0.87758255, to Double 0.8775825618903728.
        #expect(lines.contains { $0.contains(",float,") && $0.contains(",0.87758255,") && $0.hasSuffix(",true") }, "\(lines)")
        #expect(lines.contains { $0.contains(",double,") && $0.contains(",0.8775825618903728,") && $0.hasSuffix(",true") }, "\(lines)")
    }

    /// The scoreboard: every algorithm over the corpus and a small random draw.
    @Test func theCorpusWritesTheScoreboard() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["estimate", "--corpus", "--random", "20", "--seed", "7", "--plot", "none"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try String(contentsOf: directory.appendingPathComponent("Reports/estimators.md"), encoding: .utf8)
        #expect(report.contains("## The corpus: 109 cases") && report.contains("## 20 random smooth functions (seed 7)"))
        for algorithm in ["errsweep", "ridders", "gmsw", "stepleman-winarsky", "central-cbrt"] {
            #expect(report.contains("| \(algorithm) |"), "\(algorithm)")
        }
        let csv = try String(contentsOf: directory.appendingPathComponent("Reports/data/estimators.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + (109 + 20) * 5)
    }

    @Test func refusesBadInput() throws {
        try Binary.expectUsageError(["estimate", "--algorithm", "newton"], mentioning: "--algorithm: unknown algorithm 'newton'; valid: errsweep, ridders, gmsw, stepleman-winarsky, central-cbrt, all")
        try Binary.expectUsageError(["estimate", "--algorithm", "ridders,"], mentioning: "--algorithm: an empty algorithm; valid:")
        try Binary.expectUsageError(["estimate", "--corpus", "--fn", "sin"], mentioning: "--corpus scores its own cases")
        try Binary.expectUsageError(["estimate", "--corpus", "--random", "0"], mentioning: "--random 0 is out of range; valid: 1 to 10^4")
        try Binary.expectUsageError(["estimate", "--fn", "sin(", "--x", "1"], mentioning: "--fn")
        try Binary.expectUsageError(["estimate", "--fn", "sin", "--x", "1,,2"], mentioning: "--x")
        try Binary.expectUsageError(["estimate", "--precision", "float128"], mentioning: "float128")
        try Binary.expectUsageError(["estimate", "--corpus", "--seed", "-1"], mentioning: "--seed: '-1' is not a seed; valid: a whole number from 0 to 2^64 − 1")
        // ArgumentParser's own refusal of a number gets the pointer to what is valid too.
        try Binary.expectUsageError(["estimate", "--corpus", "--random", "abc"], mentioning: "'--random <random>'; see 'errsweep --help' for what is valid")
    }

    /// A chart that fails half-written leaves the earlier image; the table and report are
    /// written and say so, and the exit code says the chart failed.
    @Test func aFailingChartKeepsTheEarlierImage() throws {
        let directory = try Binary.scratchDirectory()
        let arguments = ["estimate", "--fn", "exp", "--x", "1", "--algorithm", "all"]
        #expect(try Binary.run(arguments + ["--plot", "png"], in: directory).status == 0)
        let image = try Data(contentsOf: directory.appendingPathComponent("Plots/estimate-exp.png"))
        let path = try Binary.halfWritingGnuplot(in: directory, then: "exit 1")
        let failed = try Binary.run(arguments + ["--x", "2", "--plot", "gnuplot"], in: directory, path: path)
        #expect(failed.status == 1, "\(failed.stderr)")
        #expect(try Data(contentsOf: directory.appendingPathComponent("Plots/estimate-exp.png")) == image)
        let report = try String(contentsOf: directory.appendingPathComponent("Reports/estimate-exp.md"), encoding: .utf8)
        #expect(report.contains("## x = 2, double") && report.contains("could not be drawn"))
    }

    /// Killed in the middle of its commit, a run is undone or finished, never mixed.
    @Test(arguments: [("commit-placed-one", false), ("commit-renamed-one", true)])
    func aRunKilledDuringItsCommitIsUndoneOrFinished(_ point: String, finished: Bool) throws {
        let first = ["estimate", "--fn", "exp", "--x", "1", "--plot", "png"], second = ["estimate", "--fn", "exp", "--x", "3", "--plot", "png"]
        let control = try Binary.scratchDirectory()
        #expect(try Binary.run(first, in: control).status == 0)
        let before = try RunCommitTests.snapshot(control)
        #expect(try Binary.run(second, in: control).status == 0)
        let after = try RunCommitTests.snapshot(control)
        #expect(before != after)
        let directory = try Binary.scratchDirectory()
        #expect(try Binary.run(first, in: directory).status == 0)
        let killed = try Binary.run(second, in: directory, environment: ["ERRSWEEP_KILL_AT": point])
        #expect(killed.status == SIGKILL, "not killed at \(point): exit \(killed.status)")
        #expect(try Binary.run(["estimate", "--fn", "sin", "--x", "1", "--plot", "none"], in: directory).status == 0)
        let found = try RunCommitTests.snapshot(directory).filter { $0.key.contains("estimate-exp") }
        #expect(found == (finished ? after : before).filter { $0.key.contains("estimate-exp") }, "at \(point): \(found.keys.sorted())")
    }
}
