@testable import HoSoTUI
import Testing

@Suite struct ConcurrentMapTests {
    @Test("Mapping over every core gives map's result, in order, for small and large arrays")
    func sameAsMap() {
        for count in [0, 1, 2047, 2049, 10_000] {
            let numbers = Array(0..<count)
            #expect(numbers.concurrentMap { $0 * 3 + 1 } == numbers.map { $0 * 3 + 1 }, "\(count)")
        }
        let words = (0..<5000).map { "tên \($0)" }
        #expect(words.concurrentMap { $0.uppercased() } == words.map { $0.uppercased() })
    }

    @Test("Sorting two halves at once and merging gives sorted's result, for small and large arrays")
    func sameAsSorted() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 4095, 4097, 10_001] {
            // Keys repeat; the second field breaks ties, so the order is total as the index's is.
            let pairs = (0..<count).map { ($0 % 97 == 0 ? 5 : Int.random(in: 0..<1000, using: &generator), $0) }
            let order: @Sendable ((Int, Int), (Int, Int)) -> Bool = { $0 < $1 }
            #expect(pairs.concurrentSorted(by: order).map(\.1) == pairs.sorted(by: order).map(\.1), "\(count)")
        }
    }
}
