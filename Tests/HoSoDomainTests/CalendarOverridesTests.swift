import Foundation
import Testing
@testable import HoSoDomain

private func decode(_ json: String) throws -> HolidayOverrides {
    try JSONDecoder().decode(HolidayOverrides.self, from: Data(json.utf8))
}

@Test func theOverrideFileDecodes() throws {
    let overrides = try decode("""
        { "extraDaysOff": [{ "date": "2025-05-02", "reason": "Hoán đổi ngày làm việc dịp 30/4" }],
          "cancelledDaysOff": ["2025-09-03"],
          "makeUpWorkingDays": [{ "date": "2025-04-26", "reason": "Làm bù cho ngày 02/05/2025" }] }
        """)
    #expect(overrides.extraDaysOff == [.init(date: day("2025-05-02"), reason: "Hoán đổi ngày làm việc dịp 30/4")])
    #expect(overrides.cancelledDaysOff == [day("2025-09-03")])
    #expect(overrides.makeUpWorkingDays.map(\.date) == [day("2025-04-26")])
    #expect(overrides.validate().isEmpty)
}

@Test func missingListsAreEmpty() throws {
    let overrides = try decode(#"{ "cancelledDaysOff": ["2025-09-03"] }"#)
    #expect(overrides.extraDaysOff.isEmpty && overrides.makeUpWorkingDays.isEmpty)
    #expect(try decode("{}").isEmpty)
}

@Test(arguments: [
    #"{ "cancelledDaysOff": "2025-09-03" }"#,                                   // not a list
    #"{ "extraDaysOff": [{ "date": 20250502, "reason": "x" }] }"#,              // a number, not a date
    #"{ "extraDaysOff": [{ "date": "2025-02-30", "reason": "x" }] }"#,          // no such day
    #"{ "makeUpWorkingDays": [{ "date": "2025-04-26" }] }"#,                     // no reason
    #"[]"#,
])
func aMalformedFileThrowsADecodingError(json: String) {
    #expect(throws: DecodingError.self) { try decode(json) }
}

@Test func overridesSurviveEncoding() throws {
    let overrides = HolidayOverrides(
        extraDaysOff: [.init(date: day("2025-09-01"), reason: "Nghỉ Quốc khánh")],
        cancelledDaysOff: [day("2025-09-03")],
        makeUpWorkingDays: [.init(date: day("2025-04-26"), reason: "Làm bù")])
    let data = try JSONEncoder().encode(overrides)
    #expect(try JSONDecoder().decode(HolidayOverrides.self, from: data) == overrides)
    #expect(String(decoding: data, as: UTF8.self).contains(#""2025-09-01""#))
}

@Test(arguments: [
    (HolidayOverrides(extraDaysOff: [.init(date: day("2025-09-01"), reason: "Quốc khánh")],
                      cancelledDaysOff: [day("2025-09-01")]),
     "Ngày 01/09/2025 vừa được thêm làm ngày nghỉ vừa được ghi là không nghỉ."),
    (HolidayOverrides(extraDaysOff: [.init(date: day("2025-04-26"), reason: "Nghỉ")],
                      makeUpWorkingDays: [.init(date: day("2025-04-26"), reason: "Làm bù")]),
     "Ngày 26/04/2025 vừa được thêm làm ngày nghỉ vừa được ghi là ngày làm bù."),
    (HolidayOverrides(makeUpWorkingDays: [.init(date: day("2025-04-28"), reason: "Làm bù")]),
     "Ngày làm bù 28/04/2025 là thứ Hai, vốn đã là ngày làm việc: ngày làm bù phải là thứ Bảy hoặc Chủ nhật."),
    (HolidayOverrides(extraDaysOff: [.init(date: day("2025-05-02"), reason: "  ")]),
     "Ngày nghỉ thêm 02/05/2025 chưa ghi lý do."),
    (HolidayOverrides(extraDaysOff: [.init(date: day("2025-05-03"), reason: "Nghỉ")]),
     "Ngày nghỉ thêm 03/05/2025 là thứ Bảy, vốn đã là ngày nghỉ hằng tuần."),
    (HolidayOverrides(cancelledDaysOff: [day("2025-09-06")]),
     "Ngày không nghỉ 06/09/2025 là thứ Bảy: muốn đi làm ngày đó, hãy ghi nó vào danh sách ngày làm bù."),
    (HolidayOverrides(cancelledDaysOff: [day("2025-09-03"), day("2025-09-03")]),
     "Ngày 03/09/2025 được ghi nhiều lần trong danh sách ngày không nghỉ."),
])
func validationNamesTheProblem(overrides: HolidayOverrides, problem: String) {
    // A day both added and made up is necessarily also an added weekend day: the conflict comes first.
    #expect(overrides.validate().first == problem)
    #expect(overrides.validate().count <= 2)
}

@Test func cancellingADayThatIsNoHolidayIsReportedAgainstTheRules() {
    let overrides = HolidayOverrides(cancelledDaysOff: [day("2025-09-01"), day("2025-09-04")])
    #expect(overrides.validate().isEmpty)
    #expect(overrides.validate(against: HolidayRules())
        == ["Ngày không nghỉ 04/09/2025 không phải ngày nghỉ lễ theo luật nên không cần ghi."])
}
