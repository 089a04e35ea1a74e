import Foundation
import HoSoDomain
import HoSoTestSupport
import Testing

@Suite("Quota table: the groups of the published table and their TỔNG CỘNG rows, kept as published")
struct QuotaPublishedGroupsTests {
    @Test("Each unit knows the total row that sums it; TỔNG CỘNG (4) spans three sectors; the last two have none")
    func parserGroups() throws {
        let table = try QuotaTableParser.parse(try QuotaFixtures.appendix)
        let byOrdinal = Dictionary(uniqueKeysWithValues: table.units.map { ($0.ordinal ?? 0, $0.group) })
        #expect((1...12).allSatisfy { byOrdinal[$0] == "TỔNG CỘNG (1)" })
        #expect((13...21).allSatisfy { byOrdinal[$0] == "TỔNG CỘNG (2)" })
        #expect(byOrdinal[22] == "TỔNG CỘNG (3)" && byOrdinal[23] == "TỔNG CỘNG (3)")
        #expect([24, 25, 26].map { byOrdinal[$0] } == ["TỔNG CỘNG (4)", "TỔNG CỘNG (4)", "TỔNG CỘNG (4)"])
        #expect(byOrdinal[27] == .some(nil) && byOrdinal[28] == .some(nil))
        let sectors = Set(table.units.filter { $0.group == "TỔNG CỘNG (4)" }.compactMap(\.sector))
        #expect(sectors == ["KHỐI DOANH NGHIỆP NHÀ NƯỚC", "KHỐI HỢP TÁC XÃ", "KHỐI DOANH NGHIỆP TƯ NHÂN"])
        #expect(table.quota(of: table.units[25], membersYear: 2021).publishedGroup == "TỔNG CỘNG (4)")
    }

    @Test("The seed's quota report: the published total rows where the table has them (37 + 18 + 168 = 223), a sector subtotal elsewhere")
    func reportKeepsGroups() throws {
        let scope = ReportScope(organisation: try SeedDistrict.organisation(), cases: [], today: ReportData.date("2021-07-15"))
        let report = QuotaReport.make(scope: scope, year: 2021)
        #expect(report.publishedTotals.map(\.label) == ["TỔNG CỘNG (1)", "TỔNG CỘNG (2)", "TỔNG CỘNG (3)", "TỔNG CỘNG (4)"])
        let four = try #require(report.publishedTotals.last)
        #expect(four.unitIDs.count == 3 && four.total.members == 37 + 18 + 168 && four.total.sources == 75)
        #expect(report.publishedTotals.map { $0.total.members } == [5187, 451, 325, 223])
        let table = report.document.tables[0]
        let names = table.rows.map { $0[1] }
        let totalNames = table.totalRows.sorted().map { names[$0] }
        #expect(totalNames == [
            "TỔNG CỘNG (1)", "TỔNG CỘNG (2)", "TỔNG CỘNG (3)", "TỔNG CỘNG (4)", "Cộng KHỐI ĐƠN VỊ SỰ NGHIỆP", "TỔNG CỘNG",
            "Chỉ tiêu Quận ủy Quận 3 giao",
        ])
        let groupFourRows = Array(names[names.firstIndex(of: "KHỐI DOANH NGHIỆP NHÀ NƯỚC")!...names.firstIndex(of: "TỔNG CỘNG (4)")!])
        #expect(groupFourRows == [
            "KHỐI DOANH NGHIỆP NHÀ NƯỚC", "Cty TNHH MTV Dịch vụ công ích Quận 3", "KHỐI HỢP TÁC XÃ", "Hợp tác xã Quận 3",
            "KHỐI DOANH NGHIỆP TƯ NHÂN", "Doanh nghiệp Quận 3", "TỔNG CỘNG (4)",
        ])
        let fourRow = try #require(table.rows.first { $0[1] == "TỔNG CỘNG (4)" })
        #expect(Array(fourRow[2...7]) == ["223", "53", "75", "5", "9", "6"])
        // Units imported before the groups were recorded keep the sector subtotals.
        var units = try SeedDistrict.organisation().units
        for id in Array(units.keys) { units[id]?.quota?.publishedGroup = nil }
        let old = QuotaReport.make(
            scope: ReportScope(organisation: Organisation(units: Array(units.values)), cases: [], today: ReportData.date("2021-07-15")), year: 2021)
        #expect(old.publishedTotals.isEmpty)
        #expect(old.document.tables[0].rows.filter { $0[1].hasPrefix("Cộng ") }.count == 7)
    }
}
