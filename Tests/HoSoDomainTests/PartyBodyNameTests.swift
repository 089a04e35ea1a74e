import Foundation
import HoSoDomain
import HoSoTestSupport
import Testing

/// Issue 17 item 5: the bodies a document names (Hướng dẫn 36-HD/VPTW): the party organisation above the
/// issuing body ("ĐẢNG BỘ …"), the issuing body itself (the committee, "ĐẢNG ỦY …", or the cell), and the
/// committee the report goes to — one way everywhere, whichever form the unit is stored under.
@Suite("Documents name the superior organisation and the issuing committee one way")
struct PartyBodyNameTests {
    @Test("The organisation and the committee of a unit, from either form of its name", arguments: [
        ("Đảng ủy phường Xuân Hòa", HoSoDomain.Unit.Kind.committee, "Đảng bộ phường Xuân Hòa", "Đảng ủy phường Xuân Hòa"),
        ("Đảng bộ cơ sở phường Xuân Hòa", .grassroots, "Đảng bộ phường Xuân Hòa", "Đảng ủy phường Xuân Hòa"),
        ("Đảng bộ phường 5", .grassroots, "Đảng bộ phường 5", "Đảng ủy phường 5"),
        ("Đảng uỷ xã Tân Lập", .committee, "Đảng bộ xã Tân Lập", "Đảng uỷ xã Tân Lập"),
        ("Quận ủy Quận 3", .committee, "Đảng bộ Quận 3", "Quận ủy Quận 3"),
        ("Thành ủy Thành phố Hồ Chí Minh", .committee, "Đảng bộ Thành phố Hồ Chí Minh", "Thành ủy Thành phố Hồ Chí Minh"),
        ("Tỉnh ủy Bắc Ninh", .committee, "Đảng bộ tỉnh Bắc Ninh", "Tỉnh ủy Bắc Ninh"),
        ("Chi bộ cơ sở Trường THPT Lê Lợi", .grassroots, "Chi bộ Trường THPT Lê Lợi", "Chi bộ Trường THPT Lê Lợi"),
        ("Chi bộ Khu phố 3", .cell, "Chi bộ Khu phố 3", "Chi bộ Khu phố 3"),
    ])
    func names(name: String, kind: HoSoDomain.Unit.Kind, organisation: String, committee: String) {
        let unit = HoSoDomain.Unit(id: "U", name: name, kind: kind)
        #expect(PartyBodyName.organisation(unit) == organisation)
        #expect(PartyBodyName.committee(unit) == committee)
    }

    static let today = Fixtures.date("2026-11-23")

    @Test("The demo: a cell's paper under ĐẢNG BỘ PHƯỜNG XUÂN HÒA, sent to Đảng ủy phường Xuân Hòa; the ward's own papers and reports issued by ĐẢNG ỦY PHƯỜNG XUÂN HÒA")
    func demo() throws {
        let demo = DemoOrganisation.generate(caseCount: 120, seed: 42, today: Self.today)
        let organisation = Organisation(units: demo.units, members: demo.members)
        let file = try #require(demo.cases.first { $0.committeeVote != nil && $0.cellVote != nil })
        let cell = try #require(organisation.units[file.unitID])

        let cellPaper = try StepDocument.cellResolution.draw(for: file, organisation: organisation)
        let cellHTML = ReportHTMLRenderer.render(cellPaper)
        #expect(cellHTML.contains("<p>ĐẢNG BỘ PHƯỜNG XUÂN HÒA</p>\n<p class=\"name\">\(cell.name.uppercased())</p>"), "\(cellHTML.prefix(2000))")
        #expect(cellPaper.frame?.recipients == ["Đảng ủy phường Xuân Hòa (để báo cáo)", "Lưu"])
        #expect(cellPaper.body.last == "\(cell.name) đề nghị Đảng ủy phường Xuân Hòa xem xét, kết nạp quần chúng \(file.person.fullName) vào Đảng Cộng sản Việt Nam.")

        let committeePaper = try StepDocument.committeeResolution.draw(for: file, organisation: organisation)
        #expect(committeePaper.frame?.issuer == "ĐẢNG ỦY PHƯỜNG XUÂN HÒA")
        #expect(committeePaper.frame?.superior == nil, "the committee above is the ward's own organisation: not printed twice")
        #expect(committeePaper.body.first?.contains(", Đảng ủy phường Xuân Hòa họp xét đề nghị của \(cell.name)") == true)

        let report = QuotaReport.make(scope: ReportScope(organisation: organisation, cases: demo.cases, today: Self.today), year: 2026)
        var document = report.document
        document.frame = ReportScope(organisation: organisation, cases: demo.cases, today: Self.today).frame()
        let reportHTML = ReportHTMLRenderer.render(document)
        #expect(reportHTML.contains("<p class=\"name\">ĐẢNG ỦY PHƯỜNG XUÂN HÒA</p>"))
        // Nowhere the grassroots form "Đảng bộ cơ sở" a document is issued or sent under.
        for html in [cellHTML, ReportHTMLRenderer.render(committeePaper), reportHTML] {
            let frameText = html.components(separatedBy: "<table").first ?? html
            #expect(!frameText.uppercased().contains("ĐẢNG BỘ CƠ SỞ"), "\(frameText.prefix(1500))")
            #expect(!html.contains("Đảng bộ cơ sở phường Xuân Hòa (để báo cáo)"))
        }
    }
}
