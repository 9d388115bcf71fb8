import ErrSweep

/// An image format a chart can be written in.
public enum ChartFormat: String, CaseIterable, Sendable {
    case png
    case svg
}

/// The canvas every renderer draws on, in pixels (PNG) or points (SVG).
public enum ChartCanvas {
    public static let width = 960
    public static let height = 640
}
