import Foundation
import HoSoDomain
import HoSoTestSupport
import Testing

@Suite("Report: the frame of a party document, fixed column widths, the same rows every period")
struct ReportFrameTests {
    static let ward = Unit(id: "DU", name: "Đảng ủy phường Xuân Hòa", kind: .committee)
    static let cell = Unit(id: "CB-3", name: "Chi bộ Khu phố 3", kind: .cell, parentID: "DU")
    static let day = ReportData.date("2021-07-15")

    static func document(confidential: Bool = false, frame: DocumentFrame?) -> ReportDocument {
        ReportDocument(
            title: "Thử", unitName: "Chi bộ Khu phố 3", periodLabel: "Năm 2021", date: day,
            tables: [ReportTable(
                title: "Bảng", columns: ["Đơn vị", "Số"], rows: [["Chi bộ 1", "3"], ["Tổng số", "3"]], totalRows: [1],
                numericColumns: [1])],
            confidential: confidential, frame: frame)
    }

    @Test("Without a letterhead the frame is drawn from the unit and the unit above it")
    func defaults() {
        let organisation = Organisation(units: [Self.ward, Self.cell])
        let frame = DocumentFrame.make(issuedBy: Self.cell, in: organisation, fallbackName: "", date: Self.day)
        #expect(frame == DocumentFrame(
            superior: "ĐẢNG BỘ PHƯỜNG XUÂN HÒA", issuer: "CHI BỘ KHU PHỐ 3", numberLine: "Số     -BC/CB",
            placeAndDate: "Ngày 15 tháng 7 năm 2021", authority: "T/M CHI ỦY", signerTitle: "BÍ THƯ", signer: nil,
            recipients: ["Đảng ủy phường Xuân Hòa (để báo cáo)", "Lưu"]))
        #expect(frame.recipientLines == ["- Đảng ủy phường Xuân Hòa (để báo cáo),", "- Lưu."])
        let top = DocumentFrame.make(issuedBy: Self.ward, in: organisation, fallbackName: "", date: Self.day, number: 7)
        #expect(top.superior == nil && top.numberLine == "Số 7-BC/ĐU" && top.authority == "T/M BAN THƯỜNG VỤ")
        #expect(top.recipients == ["Lưu"])
        let scope = ReportScope(organisation: organisation, cases: [], today: Self.day)
        #expect(scope.issuer?.id == "CB-3", "a cell's own data: the committee above is only its parent")
        let twoCells = Organisation(units: [Self.ward, Self.cell, Unit(id: "CB-4", name: "Chi bộ Khu phố 4", kind: .cell, parentID: "DU")])
        #expect(ReportScope(organisation: twoCells, cases: [], today: Self.day).issuer?.id == "DU", "the only top unit issues a report over everything")
        #expect(ReportScope(organisation: organisation, cases: [], root: "CB-3", today: Self.day).frame().issuer == "CHI BỘ KHU PHỐ 3")
    }

    @Test("A letterhead replaces what it sets; it survives a round trip and data without it still opens")
    func letterhead() throws {
        var cell = Self.cell
        cell.letterhead = Letterhead(
            superior: "Đảng bộ phường Xuân Hòa", sign: "CB", place: "Xuân Hòa", authority: "T/M CHI BỘ", signer: "Nguyễn Văn Hùng",
            recipients: ["Đảng ủy phường (để báo cáo)", "Lưu Chi bộ"])
        let organisation = Organisation(units: [Self.ward, cell])
        let frame = DocumentFrame.make(issuedBy: cell, in: organisation, fallbackName: "", date: Self.day, number: 12)
        #expect(frame.superior == "ĐẢNG BỘ PHƯỜNG XUÂN HÒA")
        #expect(frame.numberLine == "Số 12-BC/CB")
        #expect(frame.placeAndDate == "Xuân Hòa, ngày 15 tháng 7 năm 2021")
        #expect(frame.authority == "T/M CHI BỘ" && frame.signerTitle == "BÍ THƯ" && frame.signer == "Nguyễn Văn Hùng")
        #expect(frame.recipientLines == ["- Đảng ủy phường (để báo cáo),", "- Lưu Chi bộ."])
        let again = try JSONDecoder().decode(Unit.self, from: try JSONEncoder().encode(cell))
        #expect(again == cell)
        let old = #"{"id":"CB-1","name":"Chi bộ 1","kind":"cell","decidesAdmissions":false,"educationExempt":false,"hasYouthUnion":true,"hasTradeUnion":true,"memberCounts":{"official":8,"probationary":0,"attachedElsewhere":0,"exempt":0},"committeeMembers":0}"#
        #expect(try JSONDecoder().decode(Unit.self, from: Data(old.utf8)).letterhead == nil)
        #expect(try JSONDecoder().decode(Letterhead.self, from: Data(#"{"place":"Xuân Hòa"}"#.utf8)) == Letterhead(place: "Xuân Hòa"))
    }

    static var signedFrame: DocumentFrame {
        DocumentFrame(
            superior: "ĐẢNG BỘ PHƯỜNG XUÂN HÒA", issuer: "CHI BỘ KHU PHỐ 3", numberLine: "Số 12-BC/CB",
            placeAndDate: "Xuân Hòa, ngày 15 tháng 7 năm 2021", authority: "T/M CHI ỦY", signerTitle: "BÍ THƯ",
            signer: "Nguyễn Văn Hùng", recipients: ["Đảng ủy phường (để báo cáo)", "Lưu"])
    }

    @Test("Text: the issuing body and the number left, the party and the place and date right; recipients and signature at the end")
    func text() {
        let text = ReportTextRenderer.render(Self.document(frame: Self.signedFrame))
        #expect(text == """
            ĐẢNG BỘ PHƯỜNG XUÂN HÒA                       ĐẢNG CỘNG SẢN VIỆT NAM
               CHI BỘ KHU PHỐ 3                     Xuân Hòa, ngày 15 tháng 7 năm 2021
                       *
                  Số 12-BC/CB

            THỬ
            Chi bộ Khu phố 3 — Năm 2021 — lập ngày 15/07/2021

            Bảng
            Đơn vị    Số
            ────────  ──
            Chi bộ 1   3
            Tổng số    3

            Nơi nhận:                                 T/M CHI ỦY
            - Đảng ủy phường (để báo cáo),              BÍ THƯ
            - Lưu.

                                                    Nguyễn Văn Hùng

            """)
        // On the screen (no frame) the report is as before.
        #expect(ReportTextRenderer.render(Self.document(frame: nil)).hasPrefix("THỬ\nChi bộ Khu phố 3 — Năm 2021"))
    }

    @Test("HTML: the frame, the signature block, page numbers, and MẬT on every page of a confidential report")
    func html() {
        let html = ReportHTMLRenderer.render(Self.document(confidential: true, frame: Self.signedFrame))
        #expect(html.contains("""
            @page { size: A4 landscape; margin: 15mm 15mm 15mm 20mm; @bottom-center { content: "Trang " counter(page) "/" counter(pages); font-size: 10pt; } @top-right { content: "MẬT"; font-weight: bold; font-size: 13pt; } }
            @page :first { @top-right { content: none; } }

            """))
        #expect(html.contains("""
            <header class="frame">
            <div class="issuer">
            <p>ĐẢNG BỘ PHƯỜNG XUÂN HÒA</p>
            <p class="name">CHI BỘ KHU PHỐ 3</p>
            <p>*</p>
            <p class="number">Số 12-BC/CB</p>
            <p><span class="secret">MẬT</span></p>
            </div>
            <div class="party">
            <p class="name"><u>ĐẢNG CỘNG SẢN VIỆT NAM</u></p>
            <p class="place">Xuân Hòa, ngày 15 tháng 7 năm 2021</p>
            </div>
            </header>
            <p>Tài liệu mật: có thông tin cá nhân của quần chúng và đảng viên; không sao chép, không gửi qua mạng.</p>
            <h1>Thử</h1>
            <p class="period">Chi bộ Khu phố 3 — Năm 2021</p>

            """))
        #expect(html.hasSuffix("""
            <footer>
            <div class="recipients">
            <p class="label">Nơi nhận:</p>
            <p>- Đảng ủy phường (để báo cáo),</p>
            <p>- Lưu.</p>
            </div>
            <div class="signer">
            <p>T/M CHI ỦY</p>
            <p>BÍ THƯ</p>
            <p class="space"></p>
            <p>Nguyễn Văn Hùng</p>
            </div>
            </footer>
            </body>
            </html>

            """))
        // Fixed widths: "Chi bộ 1" (8) and the title "Số" (3 at least), each with room for the padding.
        #expect(html.contains("<colgroup><col style=\"width: 66.6%\"><col style=\"width: 33.3%\"></colgroup>"))
        #expect(html.contains("<tr class=\"total\"><td>Tổng số</td><td class=\"number\">3</td></tr>"))
        let plain = ReportHTMLRenderer.render(Self.document(frame: Self.signedFrame))
        #expect(!plain.contains("@top-right") && !plain.contains("MẬT") && plain.contains("counter(pages)"))
    }

    @Test("Quota table: short warning codes, explained in the notes")
    func warningCodes() throws {
        let organisation = ReportData.organisation(count: 1, members: 400, year: 2021)
        var units = organisation.units
        units["G01"]?.quota?.yearlyQuotas = [YearFigure(year: 2021, value: 5)]
        units["G01"]?.quota?.reportedSources = 2
        let scope = ReportScope(organisation: Organisation(units: Array(units.values)), cases: [], today: Self.day)
        let document = QuotaReport.make(scope: scope, year: 2021).document
        let row = try #require(document.tables[0].rows.first { $0[1] == "Cơ sở 1" })
        #expect(row.last == "NG, CT")
        #expect(document.notes.contains(
            "Cảnh báo: NG — tổng số nguồn hiện có ít hơn chỉ tiêu năm; CT — chỉ tiêu năm thấp hơn 3 % số đảng viên (Nghị quyết 21)."))
    }

    @Test("Biểu 2: the same rows in every period, zero rows included; the Tổng số row is a total")
    func sameRowsEveryPeriod() throws {
        let organisation = ReportData.organisation(count: 1, members: 100, year: 2021)
        let files = [
            ReportData.file("1", unit: "G01", born: "2000-03-01", sex: .female, admitted: "2021-02-01", occupation: "Giáo viên"),
            ReportData.file("2", unit: "G01", born: "1985-06-30", sex: .male, admitted: "2021-08-30", occupation: "Công nhân", ethnicity: "Tày"),
        ]
        let scope = ReportScope(organisation: organisation, cases: files, today: ReportData.date("2021-12-31"))
        func rows(_ span: ReportPeriod.Span) -> [[String]] {
            let table = PeriodReport.make(scope: scope, period: ReportPeriod(span: span, year: 2021)).document.tables[1]
            #expect(table.totalRows == [0] && table.rows[0][0] == "Tổng số")
            return table.rows.map { Array($0[0...1]) }
        }
        let q1 = rows(.q1)
        #expect(q1 == rows(.q3) && q1 == rows(.q4), "a quarter with no admission keeps every row")
        #expect(q1.filter { $0[0] == "Độ tuổi" }.map { $0[1] } == ["Dưới 18", "18–30", "31–35", "36–40", "41–45", "46–50", "51–55", "56–60", "Trên 60"])
        #expect(q1.filter { $0[0] == "Nghề nghiệp" }.map { $0[1] } == ["Công nhân", "Giáo viên"])
        #expect(q1.filter { $0[0] == "Dân tộc" }.map { $0[1] } == ["Kinh", "Tày"])
        #expect(q1.filter { $0[0] == "Trình độ học vấn" }.count == EducationLevel.allCases.count)
        let q4 = PeriodReport.make(scope: scope, period: ReportPeriod(span: .q4, year: 2021)).document.tables[1]
        #expect(q4.rows.dropFirst().allSatisfy { $0[2] == "0" })
    }
}
