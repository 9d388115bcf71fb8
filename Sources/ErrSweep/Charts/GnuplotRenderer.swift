import Foundation

/// Charts drawn by gnuplot. Beside each chart goes NAME.gp, the self-contained script that draws
/// it, for a user to edit and re-run; the images themselves are written by gnuplot under
/// temporary names and renamed once gnuplot has succeeded.
public struct GnuplotRenderer: ChartRenderer {
    public let gnuplot: Gnuplot
    public let timeout: Double

    public var name: String { "gnuplot" }

    public init(gnuplot: Gnuplot, timeout: Double = 60) {
        self.gnuplot = gnuplot
        self.timeout = timeout
    }

    public func render(_ chart: Chart, formats: [ChartFormat], into directory: URL) throws -> [URL] {
        try AtomicFile.createDirectory(directory)
        let finals = formats.map { (format: $0, file: "\(chart.name).\($0.rawValue)") }
        let temporaries = finals.map { (format: $0.format, file: TemporaryFile.beside(directory.appendingPathComponent($0.file)).lastPathComponent) }
        do {
            try gnuplot.run(GnuplotScript.script(chart, outputs: temporaries), in: directory, timeout: timeout)
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
        try AtomicFile.write(GnuplotScript.script(chart, outputs: finals), to: directory.appendingPathComponent("\(chart.name).gp"))
        return written + [directory.appendingPathComponent("\(chart.name).gp")]
    }
}
