import Foundation
import HoSoDomain
import HoSoTestSupport
import Testing

/// Issue 18, item 11: a unit's short name, set by the clerk or derived from its name, tells the cells apart
/// where their long names do not fit; what may be set is decided here, for the CLI and the TUI alike.
@Suite struct UnitShortNameTests {
    static func unit(_ id: UnitID, _ name: String, _ kind: HoSoDomain.Unit.Kind = .cell, short: String? = nil) -> HoSoDomain.Unit {
        HoSoDomain.Unit(id: id, name: name, kind: kind, shortName: short)
    }

    static let ward = Organisation(units: [
        unit("DU", "Đảng ủy phường Xuân Hòa", .committee),
        unit("DB", "Đảng bộ cơ sở phường Xuân Hòa", .grassroots),
        unit("CB-3", "Chi bộ Khu phố 3", short: "KP3"),
        unit("CB-4", "Chi bộ Khu phố 4"),
        unit("CB-5", "Chi bộ Trường THCS Lê Lợi"),
    ])

    @Test("The derived short name: initials without marks but Đ, numbers and acronyms whole, the parts of a name apart",
          arguments: [
            ("Chi bộ Khu phố 3", HoSoDomain.Unit.Kind.cell, "KP3"),
            ("Chi bộ Trường THCS Lê Lợi", .cell, "T THCS LL"),
            ("Chi bộ Trạm Y tế", .cell, "TYT"),
            ("Chi bộ Khu phố 1, phường 2", .cell, "KP1 P2"),
            ("Chi bộ Ủy ban nhân dân", .cell, "UBND"),
            ("Đảng ủy phường Xuân Hòa", .committee, "ĐUPXH"),
            ("Đảng bộ cơ sở phường Xuân Hòa", .grassroots, "ĐBCSPXH"),
            ("Chi bộ", .cell, "CB"),
            ("", .cell, ""),
          ])
    func derived(name: String, kind: HoSoDomain.Unit.Kind, expected: String) {
        #expect(UnitShortName.derived(from: Self.unit("X", name, kind)) == expected)
        let decomposed = name.decomposedStringWithCanonicalMapping
        #expect(UnitShortName.derived(from: Self.unit("X", decomposed, kind)) == expected, "typed with combining marks")
    }

    @Test func everyUnitIsShownByADifferentShortNameTheSetOneFirstThenTheDerivedElseItsCode() {
        var units = Self.ward.units.values.map { $0 }
        units.append(Self.unit("CB-6", "Chi bộ Tổ Y tế"))
        units.append(Self.unit("CB-7", "Chi bộ Trạm Y tế"))
        units.append(Self.unit("CB-8", "Chi bộ Khu phố ba", short: "kp4"))
        let shown = Organisation(units: units).shortNames
        #expect(shown == [
            "DU": "ĐUPXH", "DB": "ĐBCSPXH", "CB-3": "KP3", "CB-5": "T THCS LL", "CB-8": "kp4",
            // "KP4" is CB-8's (set, in another case): CB-4 is shown by its code; of two derived "TYT", the first
            // in the units' order keeps it.
            "CB-4": "CB-4", "CB-6": "TYT", "CB-7": "CB-7",
        ])
    }

    @Test func aShortNameIsWrittenTrimmedAndInComposedFormAndAnEmptyOneReturnsToTheDerived() throws {
        let cell = try #require(Self.ward.units["CB-4"])
        let set = try UnitChange.shortName("  Khu phố 4 ".decomposedStringWithCanonicalMapping)
            .applied(to: cell, in: Self.ward, today: nil)
        #expect(set.shortName?.unicodeScalars.elementsEqual("Khu phố 4".precomposedStringWithCanonicalMapping.unicodeScalars) == true)
        let back = try UnitChange.shortName("").applied(to: set, in: Self.ward, today: nil)
        #expect(back.shortName == nil)
        #expect(UnitShortName.described(back) == "tên ngắn tự đặt theo tên đơn vị")
        #expect(UnitShortName.described(set) == "tên ngắn \"Khu phố 4\"")
    }

    @Test("Ten characters are written, eleven refused with what a short name is for", arguments: [(10, true), (11, false)])
    func atMostTenCharacters(length: Int, accepted: Bool) throws {
        let cell = try #require(Self.ward.units["CB-4"])
        let text = String(repeating: "Ư", count: length)
        let result = Result { () throws(WorkflowError) in try UnitChange.shortName(text).applied(to: cell, in: Self.ward, today: nil) }
        switch result {
        case .success(let unit): #expect(accepted && unit.shortName == text)
        case .failure(let error):
            #expect(!accepted)
            #expect(error == .invalidInput([
                "Tên ngắn dài quá 10 ký tự (\"ƯƯƯƯƯƯƯƯƯƯƯ\" có 11 ký tự). Chưa ghi gì. "
                    + "Tên ngắn để phân biệt đơn vị khi màn hình hẹp, ví dụ \"KP3\" cho Chi bộ Khu phố 3.",
            ]))
        }
    }

    @Test func aShortNameAnotherUnitShowsIsRefusedWhetherSetOrDerivedIgnoringCaseAndMarks() throws {
        let cell = try #require(Self.ward.units["CB-4"])
        #expect(throws: WorkflowError.invalidInput([
            "Tên ngắn \"kp3\" trùng với tên ngắn của Chi bộ Khu phố 3 (CB-3, đã ghi). Chưa ghi gì. "
                + "Hãy chọn tên ngắn khác (không phân biệt chữ hoa, chữ thường và dấu).",
        ])) { try UnitChange.shortName("kp3").applied(to: cell, in: Self.ward, today: nil) }
        #expect(throws: WorkflowError.invalidInput([
            "Tên ngắn \"Đupxh\" trùng với tên ngắn của Đảng ủy phường Xuân Hòa (DU, tự đặt theo tên đơn vị). Chưa ghi gì. "
                + "Hãy chọn tên ngắn khác (không phân biệt chữ hoa, chữ thường và dấu).",
        ])) { try UnitChange.shortName("Đupxh").applied(to: cell, in: Self.ward, today: nil) }
        // Its own short name, set again, is no clash.
        let own = try #require(Self.ward.units["CB-3"])
        #expect(try UnitChange.shortName("KP3").applied(to: own, in: Self.ward, today: nil).shortName == "KP3")
    }

    @Test func controlCharactersAreRefusedAndTogetherEveryProblemIsSaidAtOnce() throws {
        let cell = try #require(Self.ward.units["CB-4"])
        #expect(throws: WorkflowError.invalidInput([VietnameseText.controlCharacterRefusal])) {
            try UnitChange.shortName("KP\u{1B}4").applied(to: cell, in: Self.ward, today: nil)
        }
        let both = UnitChange.together([.shortName("KP3"), .letterhead(LetterheadChange(place: "Xuân\u{7}Hòa"))])
        do throws(WorkflowError) {
            _ = try both.applied(to: cell, in: Self.ward, today: nil)
            Issue.record("accepted")
        } catch {
            guard case .invalidInput(let lines) = error else { Issue.record("\(error)"); return }
            #expect(lines.count == 2 && lines[0].hasPrefix("Tên ngắn \"KP3\" trùng") && lines[1] == VietnameseText.controlCharacterRefusal)
        }
        let written = try UnitChange.together([.shortName("KP4"), .letterhead(LetterheadChange(place: "Xuân Hòa"))])
            .applied(to: cell, in: Self.ward, today: nil)
        #expect(written.shortName == "KP4" && written.letterhead?.place == "Xuân Hòa")
    }

    @Test func aShortNameStoredTwiceOrTooLongOutsideHoSoIsShownOnceAndNamedByCheck() {
        let edited = Organisation(units: [
            Self.unit("CB-3", "Chi bộ Khu phố 3", short: "KP3"),
            Self.unit("CB-4", "Chi bộ Khu phố 4", short: "kp3"),
            Self.unit("CB-5", "Chi bộ Trường THCS Lê Lợi", short: "Trường THCS Lê Lợi"),
            Self.unit("CB-6", "Chi bộ Trạm Y tế", short: "YT"),
        ])
        #expect(edited.shortNames == ["CB-3": "KP3", "CB-4": "KP4", "CB-5": "Trường THCS Lê Lợi", "CB-6": "YT"])
        #expect(UnitShortName.storedProblems(in: edited) == [
            "Đơn vị CB-4: tên ngắn \"kp3\" trùng với tên ngắn của Chi bộ Khu phố 3 (CB-3); màn hình ghi tên ngắn tự đặt "
                + "(hoặc mã đơn vị) thay cho nó. Sửa bằng: hoso units set-short-name CB-4 TÊN_NGẮN",
            "Đơn vị CB-5: tên ngắn \"Trường THCS Lê Lợi\" dài quá 10 ký tự. Sửa bằng: hoso units set-short-name CB-5 TÊN_NGẮN",
        ])
        #expect(UnitShortName.storedProblems(in: Self.ward).isEmpty)
    }

    @Test func theRecordKeepsTheShortNameAndReadsDataWrittenBeforeIt() throws {
        let unit = Self.unit("CB-3", "Chi bộ Khu phố 3", short: "KP3")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(unit), as: UTF8.self)
        #expect(json.contains("\"shortName\":\"KP3\""))
        #expect(try JSONDecoder().decode(HoSoDomain.Unit.self, from: Data(json.utf8)) == unit)
        let older = json.replacingOccurrences(of: ",\"shortName\":\"KP3\"", with: "")
        #expect(!older.contains("shortName"))
        #expect(try JSONDecoder().decode(HoSoDomain.Unit.self, from: Data(older.utf8)).shortName == nil)
        #expect(!String(decoding: try encoder.encode(Self.unit("CB-4", "Chi bộ Khu phố 4")), as: UTF8.self).contains("shortName"),
                "an unset short name is left out, as every empty optional field")
    }
}
