/// The page's style sheet: system fonts, no external resource.
public enum ExplorerStyle {
    public static let css = """
        body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 0 auto; max-width: 1040px; padding: 0 16px 48px; color: #1a1a1a; }
        header h1 { margin: 16px 0 4px; font-size: 24px; }
        header p { margin: 0 0 12px; color: #444; }
        #formula { font: 15px monospace; word-break: break-word; }
        form { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 24px; }
        .field { display: grid; grid-template-columns: 96px 1fr; align-items: baseline; gap: 2px 8px; }
        .field input { font: 14px monospace; padding: 4px; }
        .field .help { grid-column: 2; font-size: 12px; color: #666; }
        .field .problem { grid-column: 2; font-size: 13px; color: #d62728; }
        input[aria-invalid="true"] { border: 2px solid #d62728; }
        button { grid-column: 1 / 3; justify-self: start; font-size: 15px; padding: 6px 24px; }
        #status { color: #444; min-height: 1.2em; }
        .command code { background: #f3f3f3; padding: 2px 4px; word-break: break-all; }
        .tabs { display: flex; gap: 4px; border-bottom: 1px solid #bbb; margin-bottom: 12px; }
        .tabs a { padding: 6px 14px; border: 1px solid #bbb; border-bottom: none; border-radius: 4px 4px 0 0; color: #1a1a1a; text-decoration: none; background: #f3f3f3; }
        .tabs a[aria-selected="true"] { background: #fff; font-weight: bold; margin-bottom: -1px; }
        .intro { color: #444; }
        .readout { position: sticky; top: 0; background: #fffbe6; border: 1px solid #e6d98c; padding: 4px 8px; font: 13px monospace; z-index: 1; }
        .chart-figure { margin: 12px 0; }
        svg.chart { width: 100%; height: auto; }
        .hover-points circle { fill-opacity: 0; cursor: crosshair; }
        .hover-points circle.hovered { fill-opacity: 1; }
        .heat-cells { image-rendering: pixelated; }
        .cell-cursor { fill: none; stroke: #d62728; stroke-width: 1.5; pointer-events: none; }
        table.summary { border-collapse: collapse; font: 12px monospace; }
        table.summary th, table.summary td { border: 1px solid #ddd; padding: 2px 6px; text-align: left; }
        .note { font-size: 13px; color: #444; }
        """
}
