import Foundation
import HoSoDomain
import HoSoTestSupport
import Testing

@Suite("Report: periodic report, pipeline, merging directories, renderers")
struct ReportPeriodTests {
    static func scope(today: String = "2021-07-10") -> ReportScope {
        let organisation = ReportData.organisation(count: 3, members: 100, year: 2021)
        let files = [
            // First half of 2021: three admissions, one recognition, one removal, one striking off.
            ReportData.file("1", unit: "G01", born: "2000-03-01", sex: .female, admitted: "2021-02-01"),  // 20
            ReportData.file("2", unit: "G01", born: "1985-06-30", sex: .male, admitted: "2021-06-30",  // 36
                education: .upperSecondary, occupation: "Công nhân", ethnicity: "Tày", youthUnion: false),
            ReportData.file("3", unit: "G02", born: "1990-07-01", sex: .male, admitted: "2021-06-15", occupation: ""),  // 30
            ReportData.file("4", unit: "G02", admitted: "2020-01-10", recognised: "2021-01-20"),
            ReportData.file("5", unit: "G02", state: .removed, sideDate: "2021-04-04"),
            ReportData.file("6", unit: "G01", admitted: "2020-03-03", state: .struckOff, sideDate: "2021-05-05"),
            // First half of 2020: two admissions (4 and 6 above) and one more; a revoked one does not count.
            ReportData.file("7", unit: "G03", admitted: "2020-06-01"),
            ReportData.file("8", unit: "G03", admitted: "2021-03-03", state: .decisionRevoked, sideDate: "2021-04-01"),
            ReportData.file("9", unit: "G01"),  // still a source in G01
        ]
        return ReportScope(organisation: organisation, cases: files, today: ReportData.date(today))
    }

    @Test("Movements in the first half of 2021 against the first half of 2020, with the change in %")
    func movements() throws {
        let report = PeriodReport.make(scope: Self.scope(), period: ReportPeriod(span: .h1, year: 2021))
        let byLabel = Dictionary(uniqueKeysWithValues: report.movements.map { ($0.label, $0) })
        let admitted = try #require(byLabel["Kết nạp đảng viên"])
        #expect((admitted.current, admitted.previous) == (3, 3))
        #expect(admitted.change == 0)
        #expect(byLabel["Công nhận đảng viên chính thức"]?.current == 1)
        #expect(byLabel["Công nhận đảng viên chính thức"]?.change == nil)
        #expect(byLabel["Đưa ra khỏi danh sách cảm tình đảng"]?.current == 1)
        #expect(byLabel["Xóa tên đảng viên dự bị"]?.current == 1)
        let q2 = PeriodReport.make(scope: Self.scope(), period: ReportPeriod(span: .q2, year: 2021))
        // Q2 2021: files 2 and 3; Q2 2020: file 7 → +100 %.
        #expect(q2.movements[0].current == 2 && q2.movements[0].previous == 1 && q2.movements[0].change == 100)
    }

    @Test("A recognition counts in the period of the official date (end of probation), not of the late decision")
    func recognitionCountsByTheOfficialDate() throws {
        var (file, _) = try Fixtures.file(in: .official)
        file.officialSince = ReportData.date("2026-03-20")
        file.recognitionDecision?.date = ReportData.date("2026-04-10")
        let organisation = Organisation(units: [Fixtures.cell()], members: Fixtures.members)
        func recognised(_ file: CaseFile, _ span: ReportPeriod.Span) -> Int? {
            let scope = ReportScope(organisation: organisation, cases: [file], today: ReportData.date("2026-12-06"))
            return PeriodReport.make(scope: scope, period: ReportPeriod(span: span, year: 2026)).movements[1].current
        }
        #expect(recognised(file, .q1) == 1)
        #expect(recognised(file, .q2) == 0)
        var stored = file
        stored.officialSince = nil
        #expect(recognised(stored, .q2) == 1, "a file recognised before the official date was kept counts by its decision")
    }

    @Test("A removal still counts in its period after the file came back or was withdrawn, once per period")
    func removalCountsAfterTheFileCameBack() throws {
        let journey = Fixtures.journey()
        let (listed, listedOn) = try Fixtures.file(in: .sympathizer)
        func apply(_ event: Event, _ file: CaseFile, _ day: String) throws -> CaseFile {
            try Workflow.apply(event, to: file, context: journey.context(on: ReportData.date(day)))
        }
        #expect(listedOn < ReportData.date("2024-03-01"))
        let removed = try apply(.remove(reason: "Vi phạm tư cách"), listed, "2024-03-10")
        #expect(removed.removalDates == [ReportData.date("2024-03-10")])
        let back = try apply(.reenter, removed, "2024-09-02")
        #expect(back.state == .nominated && back.sideState == nil)
        #expect(back.removalDates == [ReportData.date("2024-03-10")], "the side state is cleared, the removal stays")
        let twice = try apply(.remove(reason: "Chuyển nơi cư trú không báo"), try apply(.admitToSourceList(mentors: ["M001"]), back, "2024-10-01"),
                              "2024-11-05")
        let withdrawn = try apply(.withdraw(reason: "Xin rút"), twice, "2024-12-01")
        #expect(withdrawn.state == .withdrawn)
        #expect(withdrawn.removalDates == [ReportData.date("2024-03-10"), ReportData.date("2024-11-05")])

        let organisation = Organisation(units: [Fixtures.cell()], members: Fixtures.members)
        func removals(_ file: CaseFile, _ period: ReportPeriod) -> Int? {
            let scope = ReportScope(organisation: organisation, cases: [file], today: ReportData.date("2025-01-10"))
            return PeriodReport.make(scope: scope, period: period).movements[2].current
        }
        #expect(removals(back, ReportPeriod(span: .q1, year: 2024)) == 1, "removed in Q1, back since")
        #expect(removals(back, ReportPeriod(span: .q3, year: 2024)) == 0)
        #expect(removals(withdrawn, ReportPeriod(span: .q4, year: 2024)) == 1)
        #expect(removals(withdrawn, ReportPeriod(span: .year, year: 2024)) == 1, "one person, however many times in the year")
        // Stored without the list (a file removed before the dates were kept) it is known by its side state.
        var legacy = removed
        legacy.removalDates = []
        #expect(removals(legacy, ReportPeriod(span: .q1, year: 2024)) == 1)
    }

    @Test("New members by age band, sex, education, occupation, ethnicity and traits, beside the same period last year")
    func breakdowns() throws {
        let report = PeriodReport.make(scope: Self.scope(), period: ReportPeriod(span: .h1, year: 2021))
        // "label=this period/same period last year"
        let breakdowns = Dictionary(uniqueKeysWithValues: report.breakdowns.map {
            ($0.title, $0.items.map { "\($0.label)=\($0.count)/\($0.previous)" })
        })
        #expect(report.newMembers == 3 && report.previousNewMembers == 3)
        // Ages at the decision: 20, 36 (born 30 June, decided 30 June), 30 (turns 31 on 1 July); last year
        // files 4, 6 and 7, born 1 May 1995, decided in 2020 at 24 or 25.
        // Every band of the form, zero rows included (the same rows every period).
        #expect(breakdowns["Độ tuổi"] == [
            "Dưới 18=0/0", "18–30=2/3", "31–35=0/0", "36–40=1/0", "41–45=0/0", "46–50=0/0", "51–55=0/0", "56–60=0/0", "Trên 60=0/0",
        ])
        #expect(report.meanAge == Double(20 + 36 + 30) / 3)
        #expect(report.previousMeanAge == Double(24 + 24 + 25) / 3)
        #expect(breakdowns["Giới tính"] == ["Nam=2/0", "Nữ=1/3"])
        #expect(breakdowns["Trình độ học vấn"] == [
            "Chưa qua đào tạo=0/0", "Tiểu học=0/0", "Trung học cơ sở=0/0", "Trung học phổ thông=1/0", "Trung cấp=0/0", "Cao đẳng=0/0",
            "Đại học=2/3", "Sau đại học=0/0",
        ])
        #expect(breakdowns["Nghề nghiệp"] == ["Công nhân=1/0", "Giáo viên=1/3", "Không ghi=1/0"])
        #expect(breakdowns["Dân tộc"] == ["Kinh=2/3", "Tày=1/0"])
        // A person may have several traits; one who has none is in no row of them.
        #expect(breakdowns["Đặc điểm"] == ["Người dân tộc thiểu số=1/0", "Người có đạo=0/0", "Đoàn viên Đoàn TNCS Hồ Chí Minh=2/3"])
        let table = report.document.tables[1]
        #expect(table.columns == ["Tiêu chí", "Nhóm", "6 tháng đầu năm 2021", "Tỷ lệ", "Cùng kỳ (1/1–30/6/2020)", "Tăng/giảm"])
        #expect(table.rows.first == ["Tổng số", "", "3", "", "3", "0,0 %"])
        #expect(report.unitsWithAdmission == ["Cơ sở 1", "Cơ sở 2"])
        #expect(report.unitsWithoutSources == ["Cơ sở 2", "Cơ sở 3"])
    }

    @Test("Age bands: 18–30, then five-year bands, then over 60")
    func ageBands() {
        #expect([17, 18, 30, 31, 35, 36, 58, 60, 61].map(PeriodReport.ageBand)
            == ["Dưới 18", "18–30", "18–30", "31–35", "31–35", "36–40", "56–60", "56–60", "Trên 60"])
    }

    @Test("Pipeline: per stage and unit, without a mentor, mentors without a note, certificates expiring")
    func pipeline() throws {
        let organisation = ReportData.organisation(count: 2)
        var mentored = ReportData.file("M", unit: "G01")
        mentored.state = .dossier
        mentored.mentors = [MentorAssignment(memberID: "P1", since: ReportData.date("2024-01-01"))]
        mentored.notes = [ProgressNote(date: ReportData.date("2024-05-20"), author: "P1", text: "Tốt")]
        mentored.certificate = Certificate(number: "CN-1", issuer: "TT", issued: ReportData.date("2019-08-01"))
        var alone = ReportData.file("N", unit: "G02")
        alone.state = .inClass
        let members = [Member(id: "P1", fullName: "Trần Văn Hùng", unitID: "G01")]
        let scope = ReportScope(
            organisation: Organisation(units: Array(organisation.units.values), members: members),
            cases: [mentored, alone], today: ReportData.date("2024-06-10"))
        let report = PipelineReport.make(scope: scope, rulebook: .standard, calendar: WorkingCalendar())
        #expect(report.units.map(\.perStage) == [[0, 0, 1, 0, 0], [0, 1, 0, 0, 0]])
        #expect(report.withoutMentor.map(\.caseID) == ["N"])
        #expect(report.mentorsWithoutNote.map(\.detail) == ["Người giúp đỡ: Trần Văn Hùng"])
        // Issued 1 Aug 2019, valid 60 months: expires 1 Aug 2024, within 90 days of 10 June 2024.
        #expect(report.certificatesExpiring.map(\.caseID) == ["M"])
        #expect(report.certificatesExpiring.first?.date == ReportData.date("2024-08-01"))
    }

    @Test("Pipeline of one ward: a row per cell, not one row for the ward")
    func pipelineOfOneWardShowsItsCells() throws {
        let units = [
            Unit(id: "QU", name: "Quận ủy", kind: .committee),
            Unit(id: "W", name: "Đảng bộ phường", kind: .grassroots, parentID: "QU"),
            Unit(id: "C2", name: "Chi bộ Khu phố 2", kind: .cell, parentID: "W"),
            Unit(id: "C1", name: "Chi bộ Khu phố 1", kind: .cell, parentID: "W"),
        ]
        let files = [ReportData.file("1", unit: "C1"), ReportData.file("2", unit: "C2"), ReportData.file("3", unit: "C2")]
        let scope = ReportScope(organisation: Organisation(units: units), cases: files, today: ReportData.date("2024-06-10"))
        #expect(scope.reportingUnits.map(\.name) == ["Đảng bộ phường"], "the rate and quota reports stay per organisation")
        let report = PipelineReport.make(scope: scope, rulebook: .standard, calendar: WorkingCalendar())
        #expect(report.units.map(\.name) == ["Chi bộ Khu phố 1", "Chi bộ Khu phố 2"])
        #expect(report.units.map(\.total) == [1, 2])
        // Two organisations: a row for each, as before.
        let two = ReportScope(organisation: ReportData.organisation(count: 2), cases: [], today: ReportData.date("2024-06-10"))
        #expect(two.pipelineUnits.map(\.name) == ["Cơ sở 1", "Cơ sở 2"])
    }

    @Test("Two directories are summed; a unit found in both is refused")
    func mergingDirectories() throws {
        func directory(_ cell: String) -> ReportScope.Source {
            let units = [
                Unit(id: "CAP-TREN", name: "Đảng ủy phường Xuân Hòa", kind: .committee),
                Unit(id: "CB-1", name: cell, kind: .cell, parentID: "CAP-TREN", memberCounts: MemberCounts(official: 20)),
            ]
            return ReportScope.Source(
                label: cell, organisation: Organisation(units: units),
                cases: [ReportData.file("HS-0001", unit: "CB-1", admitted: "2024-03-01")])
        }
        let scope = try ReportScope(sources: [directory("Chi bộ 1"), directory("Chi bộ 2")], unit: "dang uy phuong xuan hoa", today: ReportData.date("2024-12-31"))
        #expect(scope.reportingUnits.map(\.name) == ["Chi bộ 1", "Chi bộ 2"])
        let rate = RateReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2024))
        #expect(rate.total.admitted == 2 && rate.total.membersAtStartOfYear == 40)
        #expect(throws: ReportScopeError.self) {
            try ReportScope(sources: [directory("Chi bộ 1"), directory("Chi Bo 1")], unit: nil, today: ReportData.date("2024-12-31"))
        }
    }

    @Test("CSV has a BOM, CRLF and RFC 4180 quoting; HTML escapes every data string")
    func renderers() {
        let document = ReportDocument(
            title: "Thử", unitName: "Chi bộ <Khu phố> 3", periodLabel: "Năm 2024", date: ReportData.date("2024-12-31"),
            tables: [ReportTable(title: "Bảng", columns: ["Tên", "Ghi chú"], rows: [["Nguyễn Thị \"Ánh\"", "a, b\nc"]])])
        let csv = ReportCSVRenderer.render(document)
        #expect(csv.hasPrefix("\u{FEFF}Thử\r\n"))
        #expect(csv.contains("\"Nguyễn Thị \"\"Ánh\"\"\",\"a, b\nc\"\r\n"))
        let html = ReportHTMLRenderer.render(document)
        #expect(html.contains("Chi bộ &lt;Khu phố&gt; 3"))
        #expect(html.contains("Nguyễn Thị &quot;Ánh&quot;"))
        #expect(!html.contains("<Khu phố>"))
        #expect(html.contains("size: A4"))
    }

    @Test("Text for a narrow screen: the widest text columns narrow, the numbers and the last date stay whole")
    func textFitsAWidth() {
        let document = ReportDocument(
            title: "Thử", unitName: "Chi bộ 3", periodLabel: "Năm 2024", date: ReportData.date("2024-12-31"),
            tables: [ReportTable(
                title: "Quá hạn", columns: ["Họ và tên", "Nội dung", "Số", "Hạn"],
                rows: [["Nguyễn Thị Minh Khai", String(repeating: "Báo cáo của người giúp đỡ ", count: 2), "12", "31/12/2024"]],
                numericColumns: [2])])
        let wide = ReportTextRenderer.render(document)
        #expect(wide == ReportTextRenderer.render(document, width: 200), "a table that fits is left alone")
        let lines = ReportTextRenderer.render(document, width: 50).components(separatedBy: "\n")
        let row = lines.first { $0.hasPrefix("Nguyễn") }
        #expect(row == "Nguyễn Thị Minh…  Báo cáo của ngư…  12  31/12/2024", "\(lines)")
        #expect(row.map { DisplayWidth.columns(of: $0) } == 50)
    }

    @Test("Units written before quotas existed still decode, and a quota survives a round trip")
    func unitDecoding() throws {
        let old = #"{"id":"CB-1","name":"Chi bộ 1","kind":"cell","decidesAdmissions":false,"educationExempt":false,"hasYouthUnion":true,"hasTradeUnion":true,"memberCounts":{"official":8,"probationary":0,"attachedElsewhere":0,"exempt":0},"committeeMembers":0}"#
        let unit = try JSONDecoder().decode(Unit.self, from: Data(old.utf8))
        #expect(unit.quota == nil && unit.memberCounts.official == 8)
        var withQuota = unit
        withQuota.quota = UnitQuota(termQuota: 30, yearlyQuotas: [YearFigure(year: 2025, value: 5)])
        let again = try JSONDecoder().decode(Unit.self, from: try JSONEncoder().encode(withQuota))
        #expect(again == withQuota)
    }
}
