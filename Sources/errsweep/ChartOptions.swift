import ArgumentParser
import ErrSweep
import ErrSweepReports

/// --plot: which renderer draws a command's charts, for every command that draws any.
struct RendererOptions: ParsableArguments {
    @Option(help: "Chart renderer: png (native: cairo and libpng, the same image on every machine), gnuplot, auto (gnuplot if on PATH, else native), none.")
    var plot: PlotBackend = .png
}

/// --plot and --format, for the commands that draw a sweep's charts (sweep, landscape, jacobian).
struct ChartOptions: ParsableArguments {
    @OptionGroup var renderer: RendererOptions

    var plot: PlotBackend { renderer.plot }

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp("Chart formats, comma-separated: png, svg.", valueName: "f,…"),
        transform: SpecParsing.chartFormats)
    var format: [ChartFormat]?

    var formats: [ChartFormat] { format ?? [.png] }

    func validate() throws {
        if plot == .none, format != nil {
            throw ValidationError("--format asks for charts that --plot none does not draw; valid: --plot auto, gnuplot or png with --format")
        }
    }
}
