import ArgumentParser
import ErrSweep
import ErrSweepReports
import Foundation

extension PlotBackend: ExpressibleByArgument {
    /// The renderer for a command: a fallback is noted on stderr in one line, and a renderer that
    /// is not installed is a failure with exit code 69 and how to install it.
    func rendererForCommand() throws -> (any ChartRenderer)? {
        let chosen: (renderer: (any ChartRenderer)?, note: String?)
        do { chosen = try renderer() } catch { throw Failure(description: "\(error)", code: .unavailable) }
        if let note = chosen.note { FileHandle.standardError.write(Data("errsweep: \(note)\n".utf8)) }
        return chosen.renderer
    }
}
