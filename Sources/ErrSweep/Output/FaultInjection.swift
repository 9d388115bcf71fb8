import Foundation

/// Named places where a test can have errsweep killed outright, to prove what a SIGKILL or a power
/// cut there leaves (`AbandonedCommit`). A signal sent from outside cannot be aimed at the
/// milliseconds a commit takes; with `target` set, the process SIGKILLs itself the first time it
/// reaches `point(target)`. Unset, a point costs one comparison.
///
/// The seam is the package's own: no library user can set it, and the library reads no
/// environment for it. Only a debug build of the command line sets it, from ERRSWEEP_KILL_AT, for
/// its tests.
package enum FaultInjection {
    nonisolated(unsafe) package static var target: String?

    static func point(_ name: String) {
        if target == name { kill(getpid(), SIGKILL) }
    }
}
