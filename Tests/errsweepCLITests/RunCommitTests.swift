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

    @Test func aTruncatedImageFromAGnuplotThatSucceededReplacesNothing() throws {
        let directory = try Binary.scratchDirectory()
        #expect(try Binary.run(Self.first, in: directory).status == 0)
        let before = try Self.snapshot(directory)
        let path = try Binary.halfWritingGnuplot(in: directory, then: "exit 0")
        let second = try Binary.run(["--fn", "sigmoid", "--x", "0,2", "--method", "forward", "--h", "1e-1...1e-3", "--per-decade", "1", "--plot", "gnuplot"],
                                    in: directory, path: path)
        #expect(second.status == 1, "\(second.stderr)")
        #expect(second.stderr.contains("do not decode as PNG"), "\(second.stderr)")
        let after = try Self.snapshot(directory).filter { !$0.key.hasPrefix("bin/") }
        // The charts of the first run are untouched; the table and report are the second run's
        // (same sweep, so the same table) and the report names the failure.
        for (file, data) in before where file.hasPrefix("Plots/") { #expect(after[file] == data, "\(file) changed") }
        #expect(after.keys.filter { $0.hasSuffix(".png") }.sorted() == before.keys.filter { $0.hasSuffix(".png") }.sorted())
        #expect(String(decoding: after["Reports/sigmoid.md"]!, as: UTF8.self).contains("do not decode as PNG"))
        #expect(!after.keys.contains { $0.contains(".errsweep-staging") || $0.hasSuffix(".tmp") || $0.hasSuffix(".bak") })
    }

    @Test func aReportThatCannotBeReplacedLeavesTheWholeFirstRun() throws {
        let directory = try Binary.scratchDirectory()
        #expect(try Binary.run(Self.first, in: directory).status == 0)
        // The next run sweeps one point and would replace the CSV, the charts and the report; its
        // report's name is taken by a directory, so that rename fails.
        let before = try Self.snapshot(directory)
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

    /// cost with a gnuplot that writes half an image: the earlier charts stay, the table and the
    /// report are the new run's and the report says why there are no new charts; exit 1, as a
    /// sweep's failed charts.
    @Test func costKeepsEarlierChartsWhenItsChartsFail() throws {
        let directory = try Binary.scratchDirectory()
        let arguments = ["cost", "--fn", "rosenbrock", "--n", "10...100", "--per-decade", "1", "--budget", "50ms"]
        #expect(try Binary.run(arguments + ["--plot", "png"], in: directory).status == 0)
        let before = try Self.snapshot(directory)
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
