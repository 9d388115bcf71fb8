import ErrSweep
import ErrSweepReports
import Foundation
import Testing

/// SIGINT, SIGTERM and SIGHUP mid-run: nothing of the run is committed, every earlier file is as it
/// was, and no temporary is left.
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

        // While drawing, after an earlier good run: the run commits nothing (its table, half
        // image and staging folder are gone) and every file of the earlier run is as it was.
        let drawing = try Binary.scratchDirectory()
        let arguments = ["--fn", "exp", "--x", "1", "--h", "1e-1...1e-8", "--out", "out"]
        #expect(try Binary.run(arguments + ["--plot", "png"], in: drawing).status == 0)
        let out = drawing.appendingPathComponent("out")
        let before = try Binary.files(under: out).filter { $0.contains(".") }.map { ($0, try Data(contentsOf: out.appendingPathComponent($0))) }
        let path = try Binary.halfWritingGnuplot(in: drawing, then: "exec sleep 30")
        let late = try Binary.run(arguments + ["--plot", "gnuplot"], in: drawing, path: path, interruptedBy: signal, after: 2)
        #expect(late.status == 128 + signal, "\(late.stderr)")
        let files = Binary.files(under: out).filter { $0.contains(".") }
        #expect(files.sorted() == before.map(\.0).sorted(), "\(files)")
        for (file, data) in before { #expect(try Data(contentsOf: out.appendingPathComponent(file)) == data, "\(file) changed") }
    }
}
