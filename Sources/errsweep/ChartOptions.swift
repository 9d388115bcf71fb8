import ArgumentParser
import ErrSweep
import ErrSweepReports

/// --plot: which renderer draws a command's charts, for every command that draws any.
struct RendererOptions: ParsableArguments {
    @Option(help: "Chart renderer: png (native: cairo and libpng, the same image on every machine), gnuplot, auto (gnuplot if on PATH, else native), none.")
    var plot: PlotBackend = .png
}

/// --plot, --format and the size of the charts, for every command that draws charts a user keeps
/// (sweep, landscape, jacobian, cost, estimate).
struct ChartOptions: ParsableArguments {
    @OptionGroup var renderer: RendererOptions

    var plot: PlotBackend { renderer.plot }

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp("Chart formats, comma-separated: png, svg (text as text), pdf (one page, fonts embedded).", valueName: "f,…"),
        transform: SpecParsing.chartFormats)
    var format: [ChartFormat]?

    @Option(help: ArgumentHelp(
        "Chart size: WIDTHxHEIGHT in in, cm, mm, pt or px, like 3.5x2.4in for a journal column (default 960x640px).",
        valueName: "size"))
    var size: String?

    @Option(name: .customLong("font-size"),
            help: ArgumentHelp("Tick label and legend text in points; the title is 1.25 times as large (default 12, or 9 with a --size in in, cm, mm or pt).", valueName: "pt"))
    var fontSize: Double?

    @Option(help: ArgumentHelp("A PNG's pixels per inch (default 72 at the standard size and in px, 300 with a --size in in, cm, mm or pt).", valueName: "n"))
    var dpi: Double?

    var formats: [ChartFormat] { format ?? [.png] }

    /// The files each chart becomes (its size read once more after `validate` read it).
    var files: ChartFiles {
        get throws { ChartFiles(formats: formats, size: try SpecParsing.chartSize(size, fontSize: fontSize, dotsPerInch: dpi)) }
    }

    func validate() throws {
        let sizing = [format.map { _ in "--format" }, size.map { _ in "--size" }, fontSize.map { _ in "--font-size" }, dpi.map { _ in "--dpi" }].compactMap { $0 }
        if plot == .none, let first = sizing.first {
            throw ValidationError("\(first) shapes charts that --plot none does not draw; valid: --plot auto, gnuplot or png with \(first)")
        }
        do { _ = try files } catch let error as SpecParsingError {
            throw ValidationError(error.description)
        }
    }
}
