import CCairo
import ErrSweep

/// A cairo context as a chart surface: an image surface (PNG) or a PDF page. Each call is the
/// cairo call of the same name.
final class CairoSurface: ChartSurface {
    let cr: OpaquePointer

    /// Draws on `context`, with DejaVu Sans (through fontconfig and FreeType) for text.
    init(_ context: OpaquePointer) {
        cr = context
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
    }

    func setColor(_ c: Palette.RGB) { cairo_set_source_rgb(cr, c.red, c.green, c.blue) }
    func setLineWidth(_ width: Double) { cairo_set_line_width(cr, width) }
    func setDash(_ lengths: [Double]) {
        if lengths.isEmpty { return cairo_set_dash(cr, nil, 0, 0) }
        var lengths = lengths
        cairo_set_dash(cr, &lengths, Int32(lengths.count), 0)
    }
    func setRoundJoins() {
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
    }
    func setAntialias(_ on: Bool) { cairo_set_antialias(cr, on ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE) }
    func moveTo(_ x: Double, _ y: Double) { cairo_move_to(cr, x, y) }
    func lineTo(_ x: Double, _ y: Double) { cairo_line_to(cr, x, y) }
    func closePath() { cairo_close_path(cr) }
    func circle(_ x: Double, _ y: Double, radius: Double) { cairo_arc(cr, x, y, radius, 0, 2 * Double.pi) }
    func rectangle(_ x: Double, _ y: Double, _ width: Double, _ height: Double) { cairo_rectangle(cr, x, y, width, height) }
    func stroke() { cairo_stroke(cr) }
    func fill(preserve: Bool) { preserve ? cairo_fill_preserve(cr) : cairo_fill(cr) }
    func paintAll() { cairo_paint(cr) }
    func clip() { cairo_clip(cr) }
    func save() { cairo_save(cr) }
    func restore() { cairo_restore(cr) }
    func translate(_ x: Double, _ y: Double) { cairo_translate(cr, x, y) }
    func rotate(_ radians: Double) { cairo_rotate(cr, radians) }

    func textWidth(_ string: String, size: Double) -> Double {
        cairo_set_font_size(cr, size)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, string, &extents)
        return extents.x_advance
    }

    func showText(_ string: String, _ x: Double, _ y: Double, size: Double) {
        cairo_set_font_size(cr, size)
        cairo_move_to(cr, x, y)
        cairo_show_text(cr, string)
    }
}
