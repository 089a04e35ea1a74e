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

extension Array where Element: Sendable {
    /// `sorted(by:)` with its two halves sorted at once on two cores, then merged; the same order as
    /// `sorted(by:)` for a strict total order (the index's, whose ties go by file id).
    func concurrentSorted(by areInIncreasingOrder: @Sendable (Element, Element) -> Bool) -> [Element] {
        guard count > 4096 else { return sorted(by: areInIncreasingOrder) }
        let middle = count / 2
        let source = self
        let halves = UnsafeMutableBufferPointer<[Element]>.allocate(capacity: 2)
        halves.initialize(repeating: [])
        defer {
            _ = halves.deinitialize()
            halves.deallocate()
        }
        nonisolated(unsafe) let target = halves
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            target[half] = (half == 0 ? source[..<middle] : source[middle...]).sorted(by: areInIncreasingOrder)
        }
        let (left, right) = (halves[0], halves[1])
        var merged: [Element] = []
        merged.reserveCapacity(count)
        var (i, j) = (0, 0)
        while i < left.count, j < right.count {
            // Equal elements keep the left one first, as a stable sort would.
            if areInIncreasingOrder(right[j], left[i]) {
                merged.append(right[j])
                j += 1
            } else {
                merged.append(left[i])
                i += 1
            }
        }
        merged.append(contentsOf: left[i...])
        merged.append(contentsOf: right[j...])
        return merged
    }
}
