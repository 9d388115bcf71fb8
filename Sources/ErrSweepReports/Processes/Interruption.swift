import Dispatch
import ErrSweep
import Foundation

/// SIGINT, SIGTERM and SIGHUP (the terminal closed) end a run cleanly: child processes are
/// killed, every half-written file is removed, one line says so, and the exit code is 128 + the
/// signal's number, as a shell reports a process killed by it.
///
/// The signals are taken by dispatch sources, not handlers: the cleanup runs on an ordinary
/// thread (it takes a lock and calls unlink), while the sweep goes on until the process exits.
package enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Installs the handlers for SIGINT, SIGTERM and SIGHUP. For the command line's entry point
    /// (package access: a library user's program keeps its own signal handling).
    package static func install() {
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                // No rename completes from here on; the children die; then whatever they or a
                // writer left under a temporary name goes.
                TemporaryFile.discardAll()
                ChildProcess.killAll()
                TemporaryFile.discardAll()
                FileHandle.standardError.write(Data("errsweep: interrupted by \(name); files not yet written were not written\n".utf8))
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
