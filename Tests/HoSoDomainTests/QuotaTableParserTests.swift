import Foundation
import HoSoDomain
import Testing

/// The appendix of seed 002 and copies of it, read from Fixtures/ next to this file.
enum QuotaFixtures {
    static func text(_ name: String, filePath: String = #filePath) throws -> String {
        let path = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name).path
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    static var appendix: String { get throws { try text("seed002-appendix.tsv") } }
}

@Suite("Quota table parser")
struct QuotaTableParserTests {
    /// The four TỔNG CỘNG rows of the appendix, as published.
    static let publishedTotals: [String: [Int]] = [
        "TỔNG CỘNG (1)": [5187, 427, 381, 86, 85, 46, 25, 25, 25, 25, 100],
        "TỔNG CỘNG (2)": [451, 94, 63, 11, 14, 10, 7, 1, 1, 1, 10],
        "TỔNG CỘNG (3)": [325, 65, 45, 13, 11, 4, 3, 4, 4, 4, 15],
        "TỔNG CỘNG (4)": [223, 53, 75, 5, 9, 6, 2, 1, 1, 1, 5],
    ]

    @Test("The appendix of seed 002 reads as 28 units in 7 sectors with its 4 subtotals")
    func appendixReads() throws {
        let table = try QuotaTableParser.parse(try QuotaFixtures.appendix)
        #expect(table.units.count == 28)
        #expect(Set(table.units.compactMap(\.sector)).count == 7)
        #expect(table.units.first?.name == "Phường 1")
        #expect(table.units.first { $0.ordinal == 12 }?.name == "Phường Võ Thị Sáu")
        #expect(table.units.first { $0.ordinal == 22 }?.sector == "KHỐI LỰC LƯỢNG VŨ TRANG")
        #expect(table.subtotals.map(\.label) == ["TỔNG CỘNG (1)", "TỔNG CỘNG (2)", "TỔNG CỘNG (3)", "TỔNG CỘNG (4)"])
        #expect(table.subtotals.map(\.unitCount) == [12, 9, 2, 3])
        #expect(table.referenceYear == 2021)
        #expect(table.columns.contains(.admittedUpTo(CivilDate(year: 2021, month: 6, day: 30)!)))
        #expect(table.columns.contains(.termQuota(start: 2020, end: 2025)))
    }

    @Test("The imported quota records add up to the four TỔNG CỘNG rows exactly, in all 11 columns")
    func subtotalsReproduced() throws {
        let table = try QuotaTableParser.parse(try QuotaFixtures.appendix)
        let numeric = table.columns.filter(\.isNumeric)
        var start = 0
        for subtotal in table.subtotals {
            let group = table.units[start..<(start + subtotal.unitCount)]
            start += subtotal.unitCount
            let quotas = group.map { table.quota(of: $0, membersYear: 2021) }
            let sums = numeric.map { column -> Int in
                quotas.reduce(0) { total, quota in
                    switch column {
                    case .members: total + (quota.members(atStartOf: 2021) ?? 0)
                    case .termQuota: total + (quota.termQuota ?? 0)
                    case .sources: total + (quota.reportedSources ?? 0)
                    case .admittedInYear(let year): total + (quota.reportedAdmissions(in: year)?.count ?? 0)
                    case .admittedUpTo(let date): total + (quota.reportedAdmissions(in: date.year, upTo: date)?.count ?? 0)
                    case .yearlyQuota(let year): total + (quota.quota(for: year) ?? 0)
                    case .supplement(let year): total + (quota.supplement(for: year) ?? 0)
                    case .supplementTotal: total + quota.supplements.reduce(0) { $0 + $1.value }
                    case .ordinal, .name: total
                    }
                }
            }
            #expect(sums == Self.publishedTotals[subtotal.label], "\(subtotal.label)")
        }
    }

    @Test("A copy with one wrong subtotal is refused, naming the row, the line and the column")
    func wrongSubtotalRefused() throws {
        let wrong = try QuotaFixtures.text("seed002-appendix-wrong-subtotal.tsv")
        #expect(throws: QuotaTableError.self) { try QuotaTableParser.parse(wrong) }
        do {
            _ = try QuotaTableParser.parse(wrong)
        } catch {
            #expect(error.line == 36)
            #expect(error.column == "Tổng số đăng viên")
            #expect(error.description.contains("TỔNG CỘNG (2)"))
            #expect(error.description.contains("452"))
            #expect(error.description.contains("451"))
        }
    }

    @Test("A supplement total that is not the sum of the supplements is refused")
    func supplementTotalChecked() throws {
        let text = try QuotaFixtures.appendix.replacingOccurrences(of: "Phường 2\t274\t25\t18\t6\t5\t2\t2\t2\t2\t2\t8", with: "Phường 2\t274\t25\t18\t6\t5\t2\t2\t2\t2\t2\t9")
        #expect(throws: QuotaTableError.self) { try QuotaTableParser.parse(text) }
    }

    @Test("The same table as CSV (quoted cells, CRLF, BOM) reads the same")
    func csvReadsTheSame() throws {
        let tsv = try QuotaFixtures.appendix
        let csv = "\u{FEFF}" + tsv.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { cell in
                cell.contains(",") || cell.contains("\"") || cell.hasPrefix("Phường")
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : String(cell)
            }.joined(separator: ",")
        }.joined(separator: "\r\n")
        let fromTSV = try QuotaTableParser.parse(tsv)
        let fromCSV = try QuotaTableParser.parse(csv)
        #expect(fromCSV.units == fromTSV.units)
        #expect(fromCSV.subtotals.map(\.figures) == fromTSV.subtotals.map(\.figures))
    }

    @Test("Numbers with thousands separators, empty cells and decomposed accents are handled")
    func numbersAndNames() throws {
        let decomposed = "Phường Võ Thị Sáu".decomposedStringWithCanonicalMapping
        let text = """
            TT,Đơn vị,Tổng số đảng viên,Chỉ tiêu kết nạp năm 2021
            KHỐI PHƯỜNG,,,
            1,\(decomposed),"1.804",27
            2,Phường 1,279,
            ,TỔNG CỘNG (1),2083,27
            """
        let table = try QuotaTableParser.parse(text)
        #expect(table.units[0].name == "Phường Võ Thị Sáu")
        #expect(table.units[0].figures[.members] == 1804)
        #expect(table.units[1].figures[.yearlyQuota(2021)] == nil)
        #expect(table.subtotals.first?.figures[.members] == 2083)
    }

    @Test("Text in a number cell, an unknown column and a missing header get clear messages")
    func badInput() throws {
        let notNumber = "TT\tĐơn vị\tTổng số đảng viên\n1\tPhường 1\tba trăm\n"
        #expect(throws: QuotaTableError(line: 2, column: "Tổng số đảng viên", message: "\"ba trăm\" không phải là số nguyên không âm. Hãy ghi số (ví dụ 12 hoặc 1.804) hoặc để trống.")) {
            try QuotaTableParser.parse(notNumber)
        }
        let unknown = "TT\tĐơn vị\tMàu cờ\n1\tPhường 1\t3\n"
        do {
            _ = try QuotaTableParser.parse(unknown)
            Issue.record("an unknown column was accepted")
        } catch {
            #expect(error.column == "Màu cờ")
            #expect(error.message.contains("Không nhận ra cột"))
        }
        #expect(throws: QuotaTableError.self) { try QuotaTableParser.parse("Phường 1\t3\n") }
    }

    @Test("A repeated header that differs from the first is refused")
    func differingRepeatedHeader() throws {
        let text = "TT\tĐơn vị\tTổng số đảng viên\n1\tPhường 1\t3\nTT\tĐơn vị\tChỉ tiêu kết nạp năm 2021\n"
        do {
            _ = try QuotaTableParser.parse(text)
            Issue.record("a differing header was accepted")
        } catch {
            #expect(error.line == 3)
        }
    }
}
