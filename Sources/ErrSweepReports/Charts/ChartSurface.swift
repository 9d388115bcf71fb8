import ErrSweep

/// What `ChartPainter` draws on: cairo's drawing model (a current path, then stroke or fill; a
/// state of colour, line width, dash, transform and clip, saved and restored), reduced to the
/// calls a chart needs. Two surfaces implement it: cairo itself (`CairoSurface`: PNG and PDF) and
/// an SVG document whose text stays text (`SVGSurface`), so one painter draws every format.
protocol ChartSurface: AnyObject {
    func setColor(_ color: Palette.RGB)
    func setLineWidth(_ width: Double)
    /// Dash lengths, on and off; [] for a solid line.
    func setDash(_ lengths: [Double])
    /// Round joins and caps, for curves.
    func setRoundJoins()
    /// Whether edges are anti-aliased: off for a heat map's cells, so that no seam shows.
    func setAntialias(_ on: Bool)
    func moveTo(_ x: Double, _ y: Double)
    func lineTo(_ x: Double, _ y: Double)
    func closePath()
    /// A whole circle, as a closed sub-path of its own.
    func circle(_ x: Double, _ y: Double, radius: Double)
    func rectangle(_ x: Double, _ y: Double, _ width: Double, _ height: Double)
    /// Draws the current path's outline and clears the path.
    func stroke()
    /// Fills the current path; `preserve` keeps it for a stroke after.
    func fill(preserve: Bool)
    /// Fills the whole surface with the current colour.
    func paintAll()
    /// Restricts drawing to the current path (a rectangle) until the matching `restore`.
    func clip()
    func save()
    func restore()
    func translate(_ x: Double, _ y: Double)
    func rotate(_ radians: Double)
    /// How far `string` advances at `size`, in the chart's units (DejaVu Sans, measured by cairo).
    func textWidth(_ string: String, size: Double) -> Double
    /// `string` with its baseline starting at (x, y).
    func showText(_ string: String, _ x: Double, _ y: Double, size: Double)
}

extension ChartSurface {
    func fill() { fill(preserve: false) }
}
