import ErrSweep
import Foundation
import Testing

/// A run commits as a whole: after a good run, a second run that fails part way leaves every file
/// of the first exactly as it was. Faults are injected, not imagined: a gnuplot that writes half
/// an image and says it succeeded (as gnuplot does on a full disk), and a destination that cannot
/// be replaced (a directory where the report goes — a rename that fails even for root).
@Suite struct RunCommitTests {
    static let first = ["--fn", "sigmoid", "--x", "0,2", "--method", "forward", "--h", "1e-1...1e-3", "--per-decade", "1", "--plot", "png"]

    /// Every file under `directory` and its bytes.
    static func snapshot(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for file in Binary.files(under: directory) {
            var isDirectory: ObjCBool = false
            let url = directory.appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[file] = try Data(contentsOf: url)
            }
        }
        return files
    }

    /// The files `first` writes: one chart of the method and one split chart per point, the
    /// table, its file list and the report — so a comparison with them compares something.
    static let firstFiles = [
        "Plots/sigmoid-forward.png", "Plots/sigmoid-x0-forward-split.png", "Plots/sigmoid-x2-forward-split.png",
        "Reports/data/sigmoid.csv", "Reports/data/sigmoid.files", "Reports/sigmoid.md",
    ]

    @Test func aTruncatedImageFromAGnuplotThatSucceededReplacesNothing() throws {
        let directory = try Binary.scratchDirectory()
        #expect(try Binary.run(Self.first, in: directory).status == 0)
        let before = try Self.snapshot(directory)
        #expect(before.keys.sorted() == Self.firstFiles)
        let path = try Binary.halfWritingGnuplot(in: directory, then: "exit 0")
        let second = try Binary.run(["--fn", "sigmoid", "--x", "0,2", "--method", "forward", "--h", "1e-1...1e-3", "--per-decade", "1", "--plot", "gnuplot"],
                                    in: directory, path: path)
        #expect(second.status == 1, "\(second.stderr)")
        #expect(second.stderr.contains("not a whole PNG"), "\(second.stderr)")
        let after = try Self.snapshot(directory).filter { !$0.key.hasPrefix("bin/") }
        // The charts of the first run are untouched; the table and report are the second run's
        // (same sweep, so the same table) and the report names the failure.
        for (file, data) in before where file.hasPrefix("Plots/") { #expect(after[file] == data, "\(file) changed") }
        #expect(after.keys.filter { $0.hasSuffix(".png") }.sorted() == before.keys.filter { $0.hasSuffix(".png") }.sorted())
        #expect(String(decoding: after["Reports/sigmoid.md"]!, as: UTF8.self).contains("not a whole PNG"))
        #expect(!after.keys.contains { $0.contains(".errsweep-staging") || $0.hasSuffix(".tmp") || $0.hasSuffix(".bak") })
    }

    @Test func aReportThatCannotBeReplacedLeavesTheWholeFirstRun() throws {
        let directory = try Binary.scratchDirectory()
        #expect(try Binary.run(Self.first, in: directory).status == 0)
        // The next run sweeps one point and would replace the CSV, the charts and the report; its
        // report's name is taken by a directory, so that rename fails.
        let before = try Self.snapshot(directory)
        #expect(before.keys.sorted() == Self.firstFiles)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("Reports/sigmoid.md"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Reports/sigmoid.md"), withIntermediateDirectories: false)
        let second = try Binary.run(["--fn", "sigmoid", "--x", "0", "--method", "forward", "--h", "1e-1...1e-3", "--per-decade", "1", "--plot", "png"],
                                    in: directory)
        #expect(second.status == 73, "\(second.stderr)")
        #expect(second.stderr.contains("Reports/sigmoid.md"), "\(second.stderr)")
        let after = try Self.snapshot(directory)
        for (file, data) in before where file != "Reports/sigmoid.md" {
            #expect(after[file] == data, "\(file) changed")
        }
        #expect(after.keys.filter { $0 != "Reports/sigmoid.md" }.sorted() == before.keys.filter { $0 != "Reports/sigmoid.md" }.sorted())
    }

    /// `errsweep report` stages the whole catalog and its index and commits them at once: one
    /// report that cannot be replaced leaves every earlier report, table and the index as they were.
    @Test func theCatalogReportCommitsAsAWhole() throws {
        let directory = try Binary.scratchDirectory()
        #expect(try Binary.run(["report", "--plot", "none"], in: directory).status == 0)
        let before = try Self.snapshot(directory).filter { $0.key != "Reports/tanh.md" }
        // Every other function's report and table, and the index.
        #expect(before.keys.filter { $0.hasSuffix(".md") }.count == Catalog.names.count)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("Reports/tanh.md"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Reports/tanh.md"), withIntermediateDirectories: false)
        let second = try Binary.run(["report", "--plot", "none"], in: directory)
        #expect(second.status == 73, "\(second.stderr)")
        #expect(second.stderr.contains("Reports/tanh.md"), "\(second.stderr)")
        let after = try Self.snapshot(directory)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (file, data) in before { #expect(after[file] == data, "\(file) changed") }
    }

    /// cost with a gnuplot that writes half an image: the earlier charts stay, the table and the
    /// report are the new run's and the report says why there are no new charts; exit 1, as a
    /// sweep's failed charts.
    @Test func costKeepsEarlierChartsWhenItsChartsFail() throws {
        let directory = try Binary.scratchDirectory()
        let arguments = ["cost", "--fn", "rosenbrock", "--n", "10...100", "--per-decade", "1", "--budget", "50ms"]
        #expect(try Binary.run(arguments + ["--plot", "png"], in: directory).status == 0)
        let before = try Self.snapshot(directory)
        // The time and ratio charts, the report, the table and its file list.
        #expect(before.count == 5 && before.keys.filter { $0.hasPrefix("Plots/") }.count == 2, "\(before.keys.sorted())")
        let path = try Binary.halfWritingGnuplot(in: directory, then: "exit 0")
        let second = try Binary.run(arguments + ["--plot", "gnuplot"], in: directory, path: path)
        #expect(second.status == 1, "\(second.stderr)")
        let after = try Self.snapshot(directory)
        for file in ["Plots/cost-rosenbrock-time.png", "Plots/cost-rosenbrock-ratio.png"] {
            #expect(after[file] != nil && after[file] == before[file], "\(file) changed")
        }
        #expect(String(decoding: after["Reports/cost-rosenbrock.md"]!, as: UTF8.self).contains("Charts could not be drawn"))
    }
}

/// A run replaces its family's earlier files: what it no longer writes is removed, listed in
/// Reports/data/NAME.files, and nothing of another family is touched.
@Suite struct RunFamilyTests {
    static let twoPoints = ["--fn", "sigmoid", "--x", "0,2", "--method", "forward", "--h", "1e-1...1e-3", "--per-decade", "1", "--plot", "png"]
    static let onePoint = ["--fn", "sigmoid", "--x", "0", "--method", "forward", "--h", "1e-1...1e-3", "--per-decade", "1", "--plot", "png"]

    @Test func aChartOfAPointNoLongerSweptIsRemoved() throws {
        let directory = try Binary.scratchDirectory()
        #expect(try Binary.run(Self.twoPoints, in: directory).status == 0)
        #expect(try Binary.run(["--fn", "sin", "--x", "2", "--method", "forward", "--h", "1e-1...1e-3", "--per-decade", "1", "--plot", "png"],
                               in: directory).status == 0)
        let sine = try RunCommitTests.snapshot(directory).filter { $0.key.contains("sin-") || $0.key.contains("/sin.") }
        #expect(!sine.isEmpty)
        #expect(Binary.files(under: directory).contains("Plots/sigmoid-x2-forward-split.png"))
        #expect(try Binary.run(Self.onePoint, in: directory).status == 0)
        let files = Binary.files(under: directory)
        #expect(!files.contains("Plots/sigmoid-x2-forward-split.png"), "a chart of x = 2 stayed after a sweep of x = 0")
        #expect(files.contains("Plots/sigmoid-x0-forward-split.png"))
        let listing = try String(contentsOf: directory.appendingPathComponent("Reports/data/sigmoid.files"), encoding: .utf8)
        #expect(listing.split(separator: "\n").sorted() == [
            "Plots/sigmoid-forward.png", "Plots/sigmoid-x0-forward-split.png", "Reports/data/sigmoid.csv",
            "Reports/data/sigmoid.files", "Reports/sigmoid.md",
        ])
        // The sine's files, of another family, are untouched.
        let after = try RunCommitTests.snapshot(directory)
        for (file, data) in sine { #expect(after[file] == data, "\(file) changed") }
    }

    /// Without new charts (--plot none, or charts that failed) the earlier charts stay listed.
    @Test func aRunWithoutChartsKeepsTheEarlierCharts() throws {
        let directory = try Binary.scratchDirectory()
        #expect(try Binary.run(Self.twoPoints, in: directory).status == 0)
        #expect(try Binary.run(Self.onePoint.dropLast() + ["none"], in: directory).status == 0)
        #expect(Binary.files(under: directory).contains("Plots/sigmoid-x2-forward-split.png"))
        #expect(try Binary.run(Self.onePoint, in: directory).status == 0)
        #expect(!Binary.files(under: directory).contains("Plots/sigmoid-x2-forward-split.png"))
    }

    /// A listing edited to name a file outside Reports/ and Plots/ removes nothing there.
    @Test func aListingNeverReachesOutside() throws {
        let directory = try Binary.scratchDirectory()
        #expect(try Binary.run(Self.onePoint, in: directory).status == 0)
        try Data("keep".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        try Data("notes.txt\nReports/../notes.txt\nPlots/../notes.txt\n".utf8)
            .write(to: directory.appendingPathComponent("Reports/data/sigmoid.files"))
        #expect(try Binary.run(Self.onePoint, in: directory).status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("notes.txt").path))
    }
}
