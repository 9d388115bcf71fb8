import ErrSweep

/// An image format a chart can be written in.
public enum ChartFormat: String, CaseIterable, Sendable {
    case png
    /// Vector, its text as `<text>` elements that an editor can change.
    case svg
    /// Vector, one page, its fonts embedded: a figure for a paper.
    case pdf
}

/// The default canvas, in pixels (PNG) or points (SVG, PDF): `ChartSize.standard`.
public enum ChartCanvas {
    public static let width = 960
    public static let height = 640
}
