import Dispatch

/// `(0..<count).map(transform)` on every core, with the results in index order — so a parallel
/// sweep writes exactly the bytes a serial one does.
///
/// Each index is computed once, by one thread, into its own slot; no slot is read before
/// `concurrentPerform` has returned, which waits for every iteration.
package func parallelMap<Element>(_ count: Int, _ transform: @Sendable (Int) -> Element) -> [Element] {
    guard count > 1 else { return (0..<count).map(transform) }
    let slots = UnsafeMutableBufferPointer<Element?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer { slots.deallocate() }
    nonisolated(unsafe) let shared = slots
    DispatchQueue.concurrentPerform(iterations: count) { index in
        shared[index] = transform(index)
    }
    return (0..<count).map { slots[$0].take()! }
}

/// `(0..<count).map(transform)` on every core for a throwing transform: every index runs, and
/// the first error in index order is thrown.
package func parallelMap<Element>(_ count: Int, _ transform: @Sendable (Int) throws -> Element) throws -> [Element] {
    try parallelMap(count) { index in Result { try transform(index) } }.map { try $0.get() }
}
