/// At most `running` computations at once (one per core: each is CPU-bound) and at most `waiting`
/// more in line; a request beyond that is refused at once (503), so a flood of clients costs a
/// queue of fixed length, not memory without end.
actor RequestLimiter {
    let running: Int, waiting: Int
    private var active = 0
    private var queue: [CheckedContinuation<Void, Never>] = []

    init(running: Int, waiting: Int) {
        self.running = max(1, running)
        self.waiting = max(0, waiting)
    }

    /// Waits for a turn; false, at once, when the line is full.
    func enter() async -> Bool {
        if active < running {
            active += 1
            return true
        }
        guard queue.count < waiting else { return false }
        await withCheckedContinuation { queue.append($0) }
        return true
    }

    /// Hands the turn to the next in line, or frees it.
    func leave() {
        if queue.isEmpty { active -= 1 } else { queue.removeFirst().resume() }
    }
}
