import ErrSweep

/// The files each chart of a run becomes: its formats, and the size they are drawn at.
public struct ChartFiles: Sendable, Equatable {
    public var formats: [ChartFormat]
    public var size: ChartSize

    /// Each chart in `formats` at `size`.
    public init(formats: [ChartFormat], size: ChartSize = .standard) {
        self.formats = formats
        self.size = size
    }

    /// A PNG of 960 × 640 pixels: every committed chart.
    public static let standard = ChartFiles(formats: [.png])

    /// The format a report shows: PNG where there is one, else SVG, else PDF (linked, since a
    /// Markdown viewer does not show PDF inline).
    public var shownInReports: ChartFormat {
        [.png, .svg, .pdf].first(where: formats.contains) ?? .png
    }

    /// Of the files drawn, those a report shows.
    public func shown(_ files: [String]) -> [String] {
        files.filter { $0.hasSuffix(".\(shownInReports.rawValue)") }
    }

    /// A report's line for the drawn chart `file` in Plots/: the image, or a link to a PDF, which
    /// Markdown viewers do not show inline.
    public static func markdown(_ file: String, alt: String) -> String {
        file.hasSuffix(".pdf") ? "[\(alt) (PDF)](../Plots/\(file))" : "![\(alt)](../Plots/\(file))"
    }
}
