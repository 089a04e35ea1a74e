@testable import HoSoDomain
import Testing

@Suite struct TextCollationMemoTests {
    @Test func aRepeatedTextGetsTheSameKeyBuiltOnce() {
        let first = VietnameseCollation.sortKey(forText: "Chi bộ Trường THCS Lê Lợi")
        let second = VietnameseCollation.sortKey(forText: "Chi bộ Trường THCS Lê Lợi")
        #expect(first == second)
        let shared = first.weights.withUnsafeBufferPointer { a in second.weights.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        #expect(shared, "the second key is the memoised first one")
    }

    /// The same text is ordered differently as a name (given name first) and as text (words in order).
    @Test func namesAndTextsAreKeptApart() {
        let asName = VietnameseCollation.sortKey(forFullName: "Trần An")
        let asText = VietnameseCollation.sortKey(forText: "Trần An")
        #expect(asName != asText)
        #expect(VietnameseCollation.sortKey(forFullName: "Trần An") == asName)
        #expect(VietnameseCollation.sortKey(forFullName: "Bùi Bình") > VietnameseCollation.sortKey(forFullName: "Trần An"))
        #expect(VietnameseCollation.sortKey(forText: "Bùi Bình") < VietnameseCollation.sortKey(forText: "Trần An"))
    }
}
