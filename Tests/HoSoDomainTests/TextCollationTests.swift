import Foundation
import HoSoDomain
import Testing

struct TextCollationTests {
    /// Given name first, then family, then middle names; letters before tones; đ after d.
    static let namesInOrder = [
        "Trần Văn An",
        "Ánh",
        "Lê Thị Ánh",
        "Nguyễn Ánh",
        "Lê Văn Ân",
        "Nguyễn Thị Bình",
        "Nguyễn Văn Bình",
        "Phạm Thị Bình",
        "Hoàng Minh Cường",
        "Lý Thị Dung",
        "Đỗ Văn Dũng",
        "Trịnh Văn Đức",
        "Vũ Thị Hà",
        "Bùi Văn Hải",
        "Ngô Thị Hạnh",
        "Nguyễn Thị Minh Khai",
        "Đặng Thùy Trâm",
    ]

    /// A fixed shuffle, so a failure is reproducible.
    static func shuffled<T>(_ items: [T], seed: UInt64) -> [T] {
        var generator = SplitMix64(state: seed)
        return items.shuffled(using: &generator)
    }

    @Test(arguments: [1, 2, 3, 42] as [UInt64])
    func shuffledNamesSortTheVietnameseWay(seed: UInt64) {
        let names = Self.shuffled(Self.namesInOrder, seed: seed)
        #expect(names.sorted(by: VietnameseCollation.areInIncreasingOrder) == Self.namesInOrder)
        let byKey = names.map { ($0, VietnameseCollation.sortKey(forFullName: $0)) }.sorted { $0.1 < $1.1 }.map(\.0)
        #expect(byKey == Self.namesInOrder)
    }

    @Test(arguments: [1, 7] as [UInt64])
    func decomposedNamesSortLikeComposedNames(seed: UInt64) {
        let names = Self.shuffled(Self.namesInOrder, seed: seed).map { $0.decomposedStringWithCanonicalMapping }
        let sorted = names.sorted(by: VietnameseCollation.areInIncreasingOrder)
        #expect(sorted.map { Array($0.precomposedStringWithCanonicalMapping.unicodeScalars) }
            == Self.namesInOrder.map { Array($0.unicodeScalars) })
    }

    @Test(arguments: [
        // Base letters first, then tones: ngang, huyền, hỏi, ngã, sắc, nặng.
        ["a", "à", "ả", "ã", "á", "ạ", "ă", "ằ", "ẳ", "ẵ", "ắ", "ặ", "â", "ầ", "ẩ", "ẫ", "ấ", "ậ", "b"],
        ["ma", "mà", "mả", "mã", "má", "mạ"],
        ["o", "ò", "ô", "ồ", "ơ", "ờ", "p"],
        ["u", "ụ", "ư", "ự", "v"],
        ["d", "dz", "đ", "đa", "e", "ê", "f", "g"],
        // The letters of the whole word decide before the tone does.
        ["bàn", "bán", "bạn", "bang", "bàng", "bảng"],
        ["ác", "ăn", "ân"],
        // Multi-letter consonants are their letters in sequence: ng < nh, ngh after ngâ.
        ["Nga", "Ngà", "Ngân", "Nghĩa", "Ngọc", "Nhi", "Nhung", "Như"],
        ["Dương", "Đào"],
        ["Chi bộ 2", "Chi bộ 10", "Chi bộ Hành chính"],
        ["Phòng", "Phòng Tổ chức", "Phường"],
    ])
    func wordsFollowDictionaryOrder(words: [String]) {
        for (earlier, later) in zip(words, words.dropFirst()) {
            #expect(VietnameseCollation.compareWords(earlier, later) == .orderedAscending, "\(earlier) < \(later)")
            #expect(VietnameseCollation.compareWords(later, earlier) == .orderedDescending, "\(later) > \(earlier)")
            let nfdEarlier = earlier.decomposedStringWithCanonicalMapping
            let nfdLater = later.decomposedStringWithCanonicalMapping
            #expect(VietnameseCollation.compareWords(nfdEarlier, nfdLater) == .orderedAscending, "NFD \(earlier) < \(later)")
        }
        #expect(Self.shuffled(words, seed: 5).sorted { VietnameseCollation.compareWords($0, $1) == .orderedAscending } == words)
    }

    @Test(arguments: [
        ("Nguyễn Văn An", "nguyễn văn an"),
        ("Lê Thị Hòa", "Lê Thị Hoà"),
        ("Trần  An", "Trần An"),
        ("Lê Văn Ấn", "Lê Văn Ấn".decomposedStringWithCanonicalMapping),
    ])
    func tieBreaksAreTotalAndDeterministic(a: String, b: String) {
        let aFirst = VietnameseCollation.areInIncreasingOrder(a, b)
        let bFirst = VietnameseCollation.areInIncreasingOrder(b, a)
        #expect(aFirst != bFirst)
        #expect(VietnameseCollation.sortKey(forFullName: a) != VietnameseCollation.sortKey(forFullName: b))
        #expect(VietnameseCollation.sortKey(forFullName: a) == VietnameseCollation.sortKey(forFullName: a))
        #expect(VietnameseCollation.compareWords(a, a) == .orderedSame)
    }

    @Test func caseAndToneSpellingOnlyBreakTies() {
        // "An" vs "an" is decided by the tie-break, but neither may jump over "Ân".
        let names = ["Lê Ân", "le an", "Lê An", "LÊ AN", "Lê Anh"]
        let sorted = names.sorted(by: VietnameseCollation.areInIncreasingOrder)
        #expect(Set(sorted.prefix(3)) == ["le an", "Lê An", "LÊ AN"])
        #expect(Array(sorted.suffix(2)) == ["Lê Anh", "Lê Ân"])
        let again = Self.shuffled(names, seed: 9).sorted(by: VietnameseCollation.areInIncreasingOrder)
        #expect(again == sorted)
    }
}

/// A tiny deterministic generator for reproducible shuffles.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
