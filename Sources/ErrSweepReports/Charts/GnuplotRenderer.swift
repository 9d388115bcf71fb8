import ErrSweep
import Foundation

/// Charts drawn by gnuplot. Beside each chart goes NAME.gp, the self-contained script that draws
/// it, for a user to edit and re-run; the images themselves are written by gnuplot under
/// temporary names and renamed once gnuplot has succeeded.
public struct GnuplotRenderer: ChartRenderer {
    public let gnuplot: Gnuplot
    public let timeout: Double

    public var name: String { "gnuplot" }
    public var reportName: String { "gnuplot" }

    /// Set once a gnuplot of this renderer has been killed for its time: a hung gnuplot costs a
    /// run one timeout, not one per chart (31 charts, two at a time, were 16 minutes).
    private let hung = HungFlag()

    /// Charts drawn by `gnuplot`, each allowed `timeout` seconds.
    public init(gnuplot: Gnuplot, timeout: Double = 60) {
        self.gnuplot = gnuplot
        self.timeout = timeout
    }

    final class HungFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var seconds: Double?
        var timedOut: Double? { lock.withLock { seconds } }
        func set(_ value: Double) { lock.withLock { seconds = value } }
    }

    public func render(_ chart: Chart, formats: [ChartFormat], size: ChartSize, into directory: URL) throws -> [URL] {
        try AtomicFile.createDirectory(directory)
        let finals = formats.map { (format: $0, file: "\(chart.name).\($0.rawValue)") }
        let temporaries = finals.map { (format: $0.format, file: TemporaryFile.beside(directory.appendingPathComponent($0.file)).lastPathComponent) }
        do {
            if let seconds = hung.timedOut {
                throw ChildProcess.Failure.failed(program: "gnuplot", status: -1,
                                                  message: "not started: an earlier gnuplot of this run did not finish within \(seconds) s")
            }
            do {
                try gnuplot.run(GnuplotScript.script(chart, outputs: temporaries, size: size), in: directory, timeout: timeout)
            } catch ChildProcess.Failure.timedOut(let program, let seconds) {
                hung.set(seconds)
                throw ChildProcess.Failure.timedOut(program: program, seconds: seconds)
            }
        } catch {
            for temporary in temporaries { TemporaryFile.discard(directory.appendingPathComponent(temporary.file)) }
            throw error
        }
        var written: [URL] = []
        for (temporary, final) in zip(temporaries, finals) {
            let url = directory.appendingPathComponent(final.file)
            try TemporaryFile.commit(directory.appendingPathComponent(temporary.file), to: url)
            written.append(url)
        }
        try AtomicFile.write(GnuplotScript.script(chart, outputs: finals, size: size), to: directory.appendingPathComponent("\(chart.name).gp"))
        return written + [directory.appendingPathComponent("\(chart.name).gp")]
    }
}
