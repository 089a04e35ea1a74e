import Foundation
import HoSoDomain
import Testing

struct TextPersonNameTests {
    @Test(arguments: [
        ("Nguyễn Thị Minh Khai", "Nguyễn", ["Thị", "Minh"], "Khai", "NTMK", "Nguyễn Thị Minh Khai"),
        ("  Trần   Văn\tAn ", "Trần", ["Văn"], "An", "TVA", "Trần Văn An"),
        ("Lê Lợi", "Lê", [], "Lợi", "LL", "Lê Lợi"),
        ("Khai", "", [], "Khai", "K", "Khai"),
        ("Nguyễn Ái Quốc", "Nguyễn", ["Ái"], "Quốc", "NAQ", "Nguyễn Ái Quốc"),
        ("đặng thùy trâm", "đặng", ["thùy"], "trâm", "ĐTT", "đặng thùy trâm"),
        ("Ưng Ơn", "Ưng", [], "Ơn", "ƯƠ", "Ưng Ơn"),
        ("   ", "", [], "", "", ""),
    ])
    func namesSplitIntoFamilyMiddleGiven(
        input: String, family: String, middle: [String], given: String, initials: String, fullName: String
    ) {
        for form in [input, input.decomposedStringWithCanonicalMapping] {
            let name = PersonName(fullName: form)
            #expect(Array(name.family.unicodeScalars) == Array(family.unicodeScalars))
            #expect(name.middle.map { Array($0.unicodeScalars) } == middle.map { Array($0.unicodeScalars) })
            #expect(Array(name.given.unicodeScalars) == Array(given.unicodeScalars))
            #expect(Array(name.initials.unicodeScalars) == Array(initials.unicodeScalars))
            #expect(Array(name.fullName.unicodeScalars) == Array(fullName.unicodeScalars))
        }
    }

    @Test func nameSortsAndSearchesByItsParts() {
        let names = ["Nguyễn Văn Bình", "Trần Văn An"].map { PersonName(fullName: $0) }
        #expect(names.sorted { $0.sortKey < $1.sortKey }.map(\.given) == ["An", "Bình"])
        #expect(names[0].matches("binh nguyen"))
        #expect(!names[0].matches("thi"))
        #expect(names[0].middleName == "Văn")
    }
}
