import Foundation

/// Named places where a test can have errsweep killed outright, to prove what a SIGKILL or a power
/// cut there leaves (`AbandonedCommit`). A signal sent from outside cannot be aimed at the
/// milliseconds a commit takes; `ERRSWEEP_KILL_AT=NAME` makes the process SIGKILL itself the
/// first time it reaches `point(NAME)`. Unset, a point costs one comparison.
enum FaultInjection {
    static let target = ProcessInfo.processInfo.environment["ERRSWEEP_KILL_AT"]

    static func point(_ name: String) {
        if target == name { kill(getpid(), SIGKILL) }
    }
}
