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
}
