import ErrSweep
import Foundation

/// Draws chart descriptions into files. Both renderers take the same `Chart`.
public protocol ChartRenderer: Sendable {
    /// The renderer's name in messages: "native", "gnuplot".
    var name: String { get }
    /// What a report says drew its charts: "the native renderer (cairo, libpng)".
    var reportName: String { get }
    /// Writes `chart` into `directory` as NAME.png, NAME.svg or NAME.pdf for each format, at
    /// `size`; returns the files. Every file appears whole or not at all (written under a
    /// temporary name, then renamed).
    func render(_ chart: Chart, formats: [ChartFormat], size: ChartSize, into directory: URL) throws -> [URL]
}

extension ChartRenderer {
    /// `chart` at the standard size.
    public func render(_ chart: Chart, formats: [ChartFormat], into directory: URL) throws -> [URL] {
        try render(chart, formats: formats, size: .standard, into: directory)
    }
}

/// Which renderer draws a sweep's charts.
public enum PlotBackend: String, CaseIterable, Sendable {
    /// gnuplot when it is on PATH, else the native renderer.
    case auto
    case gnuplot
    /// The native renderer: cairo drawing, libpng writing; needs no gnuplot.
    case png
    case none

    /// The renderer, and a one-line note when `auto` had to fall back.
    public func renderer(path: String? = ProcessInfo.processInfo.environment["PATH"]) throws -> (renderer: (any ChartRenderer)?, note: String?) {
        switch self {
        case .none: return (nil, nil)
        case .png: return (NativeRenderer(), nil)
        case .gnuplot:
            guard let gnuplot = Gnuplot.find(path: path) else { throw Gnuplot.Failure.notInstalled }
            return (GnuplotRenderer(gnuplot: gnuplot), nil)
        case .auto:
            if let gnuplot = Gnuplot.find(path: path) { return (GnuplotRenderer(gnuplot: gnuplot), nil) }
            return (NativeRenderer(), "gnuplot not found on PATH; charts drawn by the native renderer")
        }
    }
}
