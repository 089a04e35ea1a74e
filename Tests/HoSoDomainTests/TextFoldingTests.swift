import Foundation
import HoSoDomain
import Testing

/// The decomposed form of `s`, checked to really differ so a test fed with it proves something.
func decomposed(_ s: String) -> String {
    s.decomposedStringWithCanonicalMapping
}

struct TextFoldingTests {
    @Test(arguments: [
        ("Nguyễn Văn Á", "nguyen van a"),
        ("ĐỖ ĐỨC", "do duc"),
        ("  Trần   Thị\tỞ \n", "tran thi o"),
        ("Lưu Hữu Phước", "luu huu phuoc"),
        ("Ặ ẵ Ợ ấ ệ ữ ỳ", "a a o a e u y"),
        ("Phạm Ngọc Thạch", "pham ngoc thach"),
        ("Chi bộ 3", "chi bo 3"),
        ("", ""),
    ])
    func foldingRemovesMarksCaseAndExtraSpaces(input: String, expected: String) {
        #expect(Array(VietnameseText.folded(input).unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test(arguments: ["Nguyễn Văn Á", "ĐỖ ĐỨC", "Lưu Hữu Phước", "Đặng Thùy Trâm"])
    func foldingDecomposedInputGivesTheSameResult(input: String) {
        let nfd = decomposed(input)
        #expect(nfd.unicodeScalars.count > input.unicodeScalars.count)
        #expect(Array(VietnameseText.folded(nfd).unicodeScalars) == Array(VietnameseText.folded(input).unicodeScalars))
    }

    @Test func normalizedComposesDecomposedText() {
        let composed = "Nguyễn Thị Minh Khai"
        let normalized = VietnameseText.normalized(decomposed(composed))
        #expect(Array(normalized.unicodeScalars) == Array(composed.unicodeScalars))
        #expect(normalized.utf8.count == composed.utf8.count)
    }

    @Test func ethLookAlikeFoldsLikeD() {
        #expect(VietnameseText.folded("\u{00D0}ức") == "duc")
    }

    @Test(arguments: [
        ("Nguyễn Văn Á", "nguyen van a", true),
        ("Nguyễn Văn Á", "van nguyen", true),
        ("Nguyễn Văn Á", "NGUYỄN", true),
        ("Đỗ Đức Anh", "đức", true),
        ("Đỗ Đức Anh", "duc", true),
        ("Đỗ Đức Anh", "DUC anh", true),
        ("Đỗ Đức Anh", "", true),
        ("Đỗ Đức Anh", "   ", true),
        ("Trần Thị Bình", "binh  tran", true),
        ("Trần Thị Bình", "thi b", true),
        ("Nguyễn Văn Á", "nguyen thi", false),
        ("Lê Văn Hùng", "hung x", false),
        ("Lê Văn Hùng", "hungl", false),
        ("Đỗ Đức Anh", "dd", false),
        ("", "a", false),
    ])
    func searchFindsEveryFoldedWord(text: String, query: String, expected: Bool) {
        #expect(VietnameseText.matches(text, query: query) == expected)
        #expect(VietnameseText.matches(decomposed(text), query: decomposed(query)) == expected)
        #expect(SearchKey(text).matches(FoldedQuery(query)) == expected)
    }

    @Test func precomputedKeysSearchManyNames() {
        let names = ["Nguyễn Văn Á", "Trần Thị Bình", "Đỗ Đức Anh", "Lê Văn Đức", "Phạm Dục"]
        let keys = names.map(SearchKey.init)
        let query = FoldedQuery("đức")
        #expect(zip(names, keys).filter { $0.1.matches(query) }.map(\.0) == ["Đỗ Đức Anh", "Lê Văn Đức", "Phạm Dục"])
        #expect(FoldedQuery("  ").isEmpty)
        #expect(SearchKey(" Đỗ  ĐỨC ").folded == "do duc")
    }
}
