import ErrSweep
import Foundation

extension StagedOutput {
    /// Draws `charts` into the staged Plots/, on every core, and checks each file. A chart that
    /// cannot be drawn, or comes out truncated, fails them all: the charts of this call are removed
    /// (the earlier images stay, and so do charts staged by other calls) and the failure is
    /// returned, for the table and report to go on. Each call draws into a folder of its own first.
    public func drawCharts(_ charts: [Chart], renderer: any ChartRenderer, files chartFiles: ChartFiles = .standard) -> (files: [String], failure: String?) {
        let drawing = url(".drawing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: drawing) }
        var moved: [URL] = []
        do {
            let files = try parallelMap(charts.count) { try renderer.render(charts[$0], formats: chartFiles.formats, size: chartFiles.size, into: drawing) }
                .flatMap { $0.map(\.lastPathComponent) }
            for file in files {
                let drawn = drawing.appendingPathComponent(file)
                try Self.validate(drawn, as: "Plots/\(file)")
                if file.hasSuffix(".png") {
                    do { _ = try PNGFile.read(drawn) } catch { throw UndecodableChart(name: "Plots/\(file)", reason: "\(error)") }
                }
            }
            try AtomicFile.createDirectory(url("Plots"))
            for file in files {
                guard rename(drawing.appendingPathComponent(file).path, url("Plots/\(file)").path) == 0 else {
                    throw AtomicFile.WriteError(cannotWrite: url("Plots/\(file)"), reason: String(cString: strerror(errno)))
                }
                moved.append(url("Plots/\(file)"))
            }
            return (files, nil)
        } catch {
            for file in moved { unlink(file.path) }
            return ([], "\(error)")
        }
    }

}

/// A drawn PNG whole at both ends that libpng still cannot decode.
private struct UndecodableChart: Error, CustomStringConvertible {
    let name: String, reason: String
    var description: String { "\(name) does not decode as PNG (\(reason)); nothing was replaced" }
}
