import ErrSweep
import Foundation
import Testing

/// SIGINT, SIGTERM and SIGHUP mid-run: every file is complete or absent, and no temporary is left.
@Suite struct InterruptionTests {
    /// During the sweep (before anything is written) and while charts are being drawn — held
    /// there by a gnuplot that writes half an image under its temporary name and then hangs.
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func anInterruptedRunLeavesOnlyCompleteFiles(_ signal: Int32) throws {
        // During the sweep: nothing is written yet.
        let sweeping = try Binary.scratchDirectory()
        let early = try Binary.run(
            ["--fn", "sigmoid", "--h", "1e-1...1e-16", "--per-decade", "200", "--plot", "png"],
            in: sweeping, interruptedBy: signal, after: 1)
        #expect(early.status == 128 + signal, "\(early.stderr)")
        #expect(early.stderr.contains("interrupted by SIG"))
        #expect(Binary.files(under: sweeping).filter { !$0.hasSuffix("Plots") && !$0.hasSuffix("Reports") && !$0.hasSuffix("data") }.isEmpty,
                "\(Binary.files(under: sweeping))")

        // While drawing: the CSV is complete, the half image is gone, nothing else is there.
        let drawing = try Binary.scratchDirectory()
        let path = try Binary.halfWritingGnuplot(in: drawing, then: "exec sleep 30")
        let late = try Binary.run(
            ["--fn", "exp", "--x", "1", "--h", "1e-1...1e-8", "--plot", "gnuplot", "--out", "out"],
            in: drawing, path: path, interruptedBy: signal, after: 2)
        #expect(late.status == 128 + signal, "\(late.stderr)")
        let files = Binary.files(under: drawing.appendingPathComponent("out")).filter { $0.contains(".") }
        #expect(files == ["Reports/data/exp.csv"], "\(files)")
        let csv = try String(contentsOf: drawing.appendingPathComponent("out/Reports/data/exp.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 7 * 71)
    }
}
