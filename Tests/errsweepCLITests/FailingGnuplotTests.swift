import Foundation
import Testing

/// gnuplot failing: the message is shown, the CSV and report are still written and the report
/// names the failure, no image is left, and the exit code says charts failed.
@Suite struct FailingGnuplotTests {
    @Test func aFailingGnuplotIsNamedAndTheRestIsWritten() throws {
        let directory = try Binary.scratchDirectory()
        let path = try Binary.halfWritingGnuplot(in: directory, then: "echo '\"-\", line 12: all points y value undefined!' >&2; exit 1")
        let result = try Binary.run(["--fn", "exp", "--x", "1", "--h", "1e-1...1e-4", "--plot", "gnuplot", "--out", "out"],
                                    in: directory, path: path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("all points y value undefined"))
        let files = Binary.files(under: directory.appendingPathComponent("out")).filter { $0.contains(".") }.sorted()
        #expect(files == ["Reports/data/exp.csv", "Reports/data/exp.files", "Reports/exp.md"], "\(files)")
        let report = try String(contentsOf: directory.appendingPathComponent("out/Reports/exp.md"), encoding: .utf8)
        #expect(report.contains("not drawn") && report.contains("all points y value undefined"))
    }
}
