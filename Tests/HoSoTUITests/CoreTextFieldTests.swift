import HoSoTUI
import HoSoTestSupport
import Testing

struct CoreTextFieldTests {
    private func typed(_ keys: [Key], into field: TextField = TextField()) -> TextField {
        var field = field
        for key in keys { field.handle(key) }
        return field
    }

    @Test func precomposedAndCombiningInputAreOneCharacterEach() {
        let precomposed = typed([.char("V"), .char("i"), .char("\u{1EC7}"), .char("t")])
        let combining = typed([.char("V"), .char("i"), .char("e"), .char("\u{323}"), .char("\u{302}"), .char("t")])
        #expect(precomposed.characters.count == 4)
        #expect(combining.characters.count == 4, "lone combining marks join the previous letter")
        #expect(precomposed.value == "Vi\u{1EC7}t")
        #expect(combining.value.unicodeScalars.elementsEqual("Vi\u{1EC7}t".unicodeScalars), "value is NFC")
    }

    @Test func backspaceDeletesOneWholeGrapheme() {
        var field = TextField("Nguye\u{302}\u{303}n")
        field.handle(.left)
        field.handle(.backspace)
        #expect(field.value == "Nguyn")
        field.handle(.home)
        field.handle(.delete)
        #expect(field.value == "guyn")
        #expect(field.cursor == 0)
    }

    @Test func readlineKeys() {
        var field = TextField("Trần Văn Đức")
        field.handle(.ctrl("w"))
        #expect(field.value == "Trần Văn ")
        field.handle(.ctrl("a"))
        field.handle(.right)
        field.handle(.ctrl("k"))
        #expect(field.value == "T")
        field.setValue("Lê Thị Hoa")
        field.handle(.left)
        field.handle(.left)
        field.handle(.ctrl("u"))
        #expect(field.value == "oa")
        field.handle(.ctrl("e"))
        #expect(field.cursor == 2)
        do { let result = field.handle(.tab); #expect(!result, "Tab is not an editing key") }
    }

    @Test func maxLengthCountsCharactersNotScalars() {
        var field = TextField(maxLength: 3)
        field.insert("Đe\u{302}\u{301}")
        field.insert("ABC")
        #expect(field.value == "Đế" + "A")
        field.insert("\u{301}")
        #expect(field.characters.count == 3, "a mark joining the last letter needs no room")
        #expect(field.value == "ĐếÁ")
    }

    @Test func controlCharactersNeverEnterTheValue() {
        var field = TextField()
        field.insert("a\u{1B}[31mb\tc\nd")
        #expect(field.value == "a[31mb c d")
    }

    @Test func scrollsHorizontallyToKeepTheCursorVisible() {
        var field = TextField("Phạm Thị Hương Giang", visibleWidth: 8)
        var buffer = CellBuffer(width: 10, height: 1)
        field.draw(in: Rect(row: 0, col: 1, width: 8, height: 1), into: &buffer, focused: true)
        assertSnapshot(buffer, " g Giang")
        #expect(buffer.cursor == Position(row: 0, col: 8))
        field.handle(.home)
        buffer = CellBuffer(width: 10, height: 1)
        field.draw(in: Rect(row: 0, col: 1, width: 8, height: 1), into: &buffer, focused: true)
        assertSnapshot(buffer, " Phạm Thị")
        #expect(buffer.cursor == Position(row: 0, col: 1))
        assertStyleMask(buffer, ".IIIIIIII.")
    }

    @Test func wideTextScrollsByDisplayWidth() {
        let field = TextField("漢字漢字漢字", visibleWidth: 5)
        var buffer = CellBuffer(width: 5, height: 1)
        field.draw(in: buffer.bounds, into: &buffer, focused: true)
        assertSnapshot(buffer, "漢字")
        #expect(buffer.cursor == Position(row: 0, col: 4))
    }
}
