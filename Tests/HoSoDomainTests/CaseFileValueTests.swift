import Foundation
import HoSoDomain
import Testing

/// A file shares its fields between copies until one of them changes.
@Suite struct CaseFileValueSemanticsTests {
    @Test func aChangedCopyLeavesTheOriginalAlone() throws {
        let person = Person(fullName: "Nguyễn Thị Ánh", birthDate: CivilDate(year: 1998, month: 4, day: 12)!, sex: .female)
        let original = CaseFile(id: "HS-0001", unitID: "CB-1", person: person, nominatedBy: .youthUnion, nominationDate: CivilDate(year: 2024, month: 1, day: 10)!)
        var copy = original
        #expect(copy == original)
        copy.notes.append(ProgressNote(date: CivilDate(year: 2024, month: 3, day: 4)!, author: "M001", text: "Tích cực."))
        copy.person.fullName = "Nguyễn Thị Bích"
        #expect(original.notes.isEmpty)
        #expect(original.person.fullName == "Nguyễn Thị Ánh")
        #expect(copy != original)
        let encoded = try JSONEncoder().encode(copy)
        #expect(try JSONDecoder().decode(CaseFile.self, from: encoded) == copy)
    }
}
