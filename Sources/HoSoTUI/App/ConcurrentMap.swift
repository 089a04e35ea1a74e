import Dispatch

extension Array where Element: Sendable {
    /// `map` over every core, for the per-file work of building an index (deadlines, keys) that a
    /// province-sized list would otherwise do on one core before the first frame. Order is kept;
    /// small arrays are mapped in place, where starting threads would cost more than it saves.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let chunkSize = 1024
        guard count > chunkSize * 2 else { return map(transform) }
        let chunks = (count + chunkSize - 1) / chunkSize
        let source = self
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let target = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * chunkSize
                for index in start..<Swift.min(start + chunkSize, source.count) {
                    (target.baseAddress! + index).initialize(to: transform(source[index]))
                }
            }
            initialized = source.count
        }
    }
}
