import Foundation
import Synchronization

/// The temporary name each output is written under before it is renamed into place, remembered
/// until then — so that an interrupted run can remove every half-written file before it exits, and
/// every file errsweep writes is either complete or absent.
public enum TemporaryFile {
    /// Pending temporaries, and whether the run was interrupted. Renames and removals take the
    /// same lock, so none completes after an interruption has begun.
    private static let state = Mutex<(interrupted: Bool, pending: Set<String>, directories: Set<String>)>((false, [], []))

    /// `.NAME.PID.tmp` beside `url`, registered as pending. Once the run is interrupted no new
    /// output begins: the caller waits here for the process to exit.
    public static func beside(_ url: URL) -> URL {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        let interrupted = state.withLock { state in
            if !state.interrupted { state.pending.insert(temporary.path) }
            return state.interrupted
        }
        while interrupted { pause() }
        return temporary
    }

    /// Renames `temporary` over `url` (atomic within a file system); if that fails, or the run
    /// was interrupted, removes it instead.
    public static func commit(_ temporary: URL, to url: URL) throws {
        try state.withLock { state in
            state.pending.remove(temporary.path)
            guard !state.interrupted, rename(temporary.path, url.path) == 0 else {
                let reason = state.interrupted ? "interrupted" : String(cString: strerror(errno))
                unlink(temporary.path)
                throw AtomicFile.WriteError(cannotWrite: url, reason: reason)
            }
        }
    }

    /// Removes `temporary`, after a failed write.
    public static func discard(_ temporary: URL) {
        state.withLock { state in
            unlink(temporary.path)
            state.pending.remove(temporary.path)
        }
    }

    /// Forgets `temporary` without removing it: it has been renamed into place, or removed.
    static func forget(_ temporary: URL) {
        state.withLock { _ = $0.pending.remove(temporary.path) }
    }

    /// Marks the run interrupted and removes every pending temporary file; safe to call again
    /// for any a dying child created since.
    public static func discardAll() {
        state.withLock { state in
            state.interrupted = true
            for path in state.pending { unlink(path) }
            for path in state.directories { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    /// Creates `directory` (and its parents) unless an interrupt has begun; then, like `beside`,
    /// the calling thread waits for the exit, so no folder reappears after the cleanup removed it.
    static func createDirectory(_ directory: URL) throws {
        let interrupted = try state.withLock { state in
            if !state.interrupted { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
            return state.interrupted
        }
        while interrupted { pause() }
    }

    /// A directory of temporaries (a run's staging area) removed whole on an interrupt.
    static func track(directory: URL) {
        state.withLock { _ = $0.directories.insert(directory.path) }
    }

    /// Removes a tracked directory and forgets it.
    static func discard(directory: URL) {
        state.withLock { state in
            try? FileManager.default.removeItem(at: directory)
            state.directories.remove(directory.path)
        }
    }

    /// Runs `body` unless an interrupt has begun, and holds the interrupt off until it returns, so
    /// a run's files are renamed into place (or rolled back) whole. Throws if interrupted.
    static func uninterrupted<R>(_ body: () throws -> R) throws -> R {
        try state.withLock { state in
            guard !state.interrupted else { throw AtomicFile.WriteError(description: "interrupted") }
            return try body()
        }
    }
}
