import Foundation
import HoSoTestSupport
import Testing

@Suite("The frame of a party document: the unit's letterhead, printed pages, MẬT on every page")
struct ReportFrameCLITests {
    @Test("units set-letterhead records the frame and shows it; the reports print it, with --number")
    func letterhead() throws {
        let cell = try CLIWorkspace()
        try cell.setUpCell()
        let set = try cell.ok(
            "units", "set-letterhead", "CB-1", "--superior", "Đảng bộ phường Xuân Hòa", "--place", "Xuân Hòa", "--signer", "Trần Văn Hùng",
            "--recipient", "Đảng ủy phường Xuân Hòa (để báo cáo)", "--recipient", "Lưu Chi ủy", "--today", "2024-06-10")
        // The left column is as wide as its longest line (the first recipient) and 4 spaces.
        let column = String(repeating: " ", count: 43)
        #expect(set == """
            Đã ghi tiêu đề văn bản của Chi bộ Khu phố 3. Văn bản sẽ in:
            ĐẢNG BỘ PHƯỜNG XUÂN HÒA                          ĐẢNG CỘNG SẢN VIỆT NAM
               CHI BỘ KHU PHỐ 3                        Xuân Hòa, ngày 10 tháng 6 năm 2024
                       *
                 Số     -BC/CB
            …

            Nơi nhận:                                   T/M CHI ỦY
            - Đảng ủy phường Xuân Hòa (để báo cáo),       BÍ THƯ
            - Lưu Chi ủy.

            \(column)Trần Văn Hùng

            """)
        let report = try cell.ok("report", "rate", "--year", "2024", "--today", "2024-06-10", "--number", "12")
        #expect(report.hasPrefix("""
            ĐẢNG BỘ PHƯỜNG XUÂN HÒA                          ĐẢNG CỘNG SẢN VIỆT NAM
               CHI BỘ KHU PHỐ 3                        Xuân Hòa, ngày 10 tháng 6 năm 2024
                       *
                  Số 12-BC/CB

            TỶ LỆ KẾT NẠP ĐẢNG VIÊN
            """))
        #expect(report.hasSuffix("- Lưu Chi ủy.\n\n\(column)Trần Văn Hùng\n"))
        let html = try cell.ok("report", "period", "--period", "H1", "--year", "2024", "--today", "2024-06-10", "--format", "html")
        #expect(html.contains("<p class=\"place\">Xuân Hòa, ngày 10 tháng 6 năm 2024</p>"))
        #expect(html.contains("<p class=\"number\">Số     -BC/CB</p>"))
        // The period report's Tổng số is a total, printed bold.
        #expect(html.contains("<tr class=\"total\"><td>Tổng số</td>"))

        // "" returns a field to what the organisation gives; the default recipients come back on request.
        try cell.ok("units", "set-letterhead", "CB-1", "--place", "", "--default-recipients", "--today", "2024-06-10")
        let plain = try cell.ok("report", "rate", "--year", "2024", "--today", "2024-06-10")
        #expect(plain.contains("ĐẢNG CỘNG SẢN VIỆT NAM\n") && plain.contains("    Ngày 10 tháng 6 năm 2024\n"))
        #expect(plain.contains("- Đảng ủy phường Xuân Hòa (để báo cáo),") && plain.contains("- Lưu.\n"))
        let json = try cell.ok("units", "list", "--json")
        #expect(json.contains("\"superior\" : \"Đảng bộ phường Xuân Hòa\"") && !json.contains("\"place\""))
    }

    @Test("set-letterhead refuses nothing to set, control characters, an overlong line and contradicting options; nothing saved")
    func refusals() throws {
        let cell = try CLIWorkspace()
        try cell.setUpCell()
        let before = try cell.snapshotBytes()
        let cases: [([String], String)] = [
            ([], "Chưa có gì để ghi"),
            (["--place", "Xuân\u{1B}[31mHòa"], "ký tự điều khiển"),
            (["--signer", String(repeating: "a", count: 201)], "dài quá 200 ký tự"),
            (["--recipient", "Lưu", "--default-recipients"], "không đi cùng nhau"),
            (["--today", "2024-06-10"], "Chưa có gì để ghi"),
        ]
        for (options, message) in cases {
            let result = try ChildProcess.run([cell.binary, "units", "set-letterhead", "CB-1"] + options + ["--data", cell.directory])
            #expect(result.status == 1, "\(options)")
            #expect(result.standardError.contains(message), "\(options): \(result.standardError)")
        }
        for command in ["set-letterhead", "set-counts", "set-quota"] {
            let options = command == "set-letterhead" ? ["--place", "Xuân Hòa"] : command == "set-counts" ? ["--official", "9"]
                : ["--year", "2024", "--quota", "2"]
            let unknown = try ChildProcess.run([cell.binary, "units", command, "CB-9"] + options + ["--data", cell.directory])
            #expect(unknown.status == 1, "a unit that does not exist is said so, not refused by role: \(command)")
            #expect(unknown.standardError.contains("Không có đơn vị mã CB-9. Xem mã các đơn vị bằng: hoso units list")
                        || unknown.standardError.contains("Không có đơn vị \"CB-9\". Xem mã các đơn vị bằng: hoso units list"),
                    "\(command): \(unknown.standardError)")
        }
        #expect(try cell.snapshotBytes() == before)
    }

    @Test("A document number starts at 1: --number 0 is refused by the reports and the papers, 1 is printed")
    func documentNumberFromOne() throws {
        let cell = try CLIWorkspace()
        try cell.setUpCell()
        for number in ["0"] {
            for arguments in [["report", "pipeline"], ["case", "print", "HS-0001", "--document", "cell-resolution"]] {
                let refused = try ChildProcess.run([cell.binary] + arguments + ["--number", number, "--data", cell.directory])
                #expect(refused.status == 1, "\(arguments) \(number)")
                #expect(refused.standardError.contains("--number \(number): số văn bản bắt đầu từ 1."), "\(refused.standardError)")
            }
        }
        let first = try cell.ok("report", "pipeline", "--number", "1", "--format", "text")
        #expect(first.contains("Số 1-BC/CB"), "\(first)")
    }

    /// Chromium prints the HTML to PDF and pdftotext reads it back, where both are installed (`apt-get install
    /// chromium poppler-utils`); the exact-text tests of the renderer run everywhere.
    static let chromium = "/usr/bin/chromium"
    static let pdftotext = "/usr/bin/pdftotext"
    static var canPrint: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: pdftotext)
    }

    /// The pages of `html` printed by Chromium, as pdftotext reads them (layout kept).
    static func printedPages(_ html: String, in directory: String) throws -> [String] {
        let source = directory + "-print.html"
        let pdf = directory + "-print.pdf"
        defer {
            try? FileManager.default.removeItem(atPath: source)
            try? FileManager.default.removeItem(atPath: pdf)
        }
        try html.write(toFile: source, atomically: true, encoding: .utf8)
        let printed = try ChildProcess.run([
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=" + pdf, source,
        ])
        #expect(printed.status == 0, "\(printed.standardError)")
        let text = try ChildProcess.run([pdftotext, "-layout", pdf, "-"])
        #expect(text.status == 0, "\(text.standardError)")
        return text.standardOutput.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    @Test("The seed's quota table printed: every unit on one line, about 30 units a page, 2 pages with the frame, numbered")
    func seedTablePrinted() throws {
        let district = try ReportCLITests.district()
        let html = try district.ok("report", "quota", "--year", "2021", "--today", "2021-07-15", "--format", "html")
        guard Self.canPrint else { return }
        let pages = try Self.printedPages(html, in: district.directory)
        #expect(pages.count == 2)
        for (index, page) in pages.enumerated() { #expect(page.contains("Trang \(index + 1)/2")) }
        let all = pages.joined()
        #expect(all.contains("QUẬN ỦY QUẬN 3") && all.contains("ĐẢNG CỘNG SẢN VIỆT NAM") && all.contains("Ngày 15 tháng 7 năm 2021"))
        #expect(all.contains("Nơi nhận:") && all.contains("T/M BAN THƯỜNG VỤ"))
        #expect(!all.contains("MẬT"))
        // No row wraps: the longest unit name and its figures share one line, as do the warning codes.
        let lines = all.components(separatedBy: "\n")
        let longest = try #require(lines.first { $0.contains("Đại diện Cơ quan Bộ tài chính tại Tp.HCM") })
        #expect(longest.split(separator: " ").suffix(11) == ["46", "10", "5", "0", "2", "0", "1", "0", "0", "0", "1"])
        let first = try #require(lines.first { $0.contains("Phường 1 ") })
        #expect(first.split(separator: " ").suffix(2) == ["8", "CT"])
        #expect(pages[0].contains("Phường Võ Thị Sáu"), "the first page holds the first sector whole")
    }

    @Test("Every report of the demo printed: the frame on the first page, the signature on the last, the pages expected")
    func demoReportsPrinted() throws {
        let demo = try CLIWorkspace()
        try demo.ok("demo", "--no-open", "--today", "2026-11-23")
        let reports: [([String], Int)] = [
            (["quota", "--year", "2026"], 1), (["rate", "--year", "2026"], 1), (["period", "--period", "Y", "--year", "2026"], 2),
            (["pipeline", "--counts-only"], 2),
        ]
        for (report, expected) in reports {
            let html = try demo.ok(["report"] + report + ["--today", "2026-11-23", "--format", "html"])
            #expect(html.contains("<p class=\"name\"><u>ĐẢNG CỘNG SẢN VIỆT NAM</u></p>"), "\(report)")
            guard Self.canPrint else { continue }
            let pages = try Self.printedPages(html, in: demo.directory)
            #expect(pages.count == expected, "\(report)")
            #expect(pages.first?.contains("ĐẢNG CỘNG SẢN VIỆT NAM") == true && pages.first?.contains("Ngày 23 tháng 11 năm 2026") == true)
            #expect(pages.last?.contains("Nơi nhận:") == true && pages.last?.contains("BÍ THƯ") == true, "\(report)")
            #expect(pages.last?.contains("Trang \(expected)/\(expected)") == true, "\(report)")
        }
    }

    @Test("The demo's pipeline printed: MẬT on every one of its pages, the first under the number line")
    func confidentialOnEveryPage() throws {
        let demo = try CLIWorkspace()
        try demo.ok("demo", "--no-open", "--today", "2026-11-23")
        let html = try demo.ok("report", "pipeline", "--today", "2026-11-23", "--format", "html")
        #expect(html.contains("@page :first { @top-right { content: none; } }"))
        guard Self.canPrint else { return }
        let pages = try Self.printedPages(html, in: demo.directory)
        #expect(pages.count == 4)
        for (index, page) in pages.enumerated() {
            #expect(page.components(separatedBy: "MẬT").count - 1 == 1, "page \(index + 1)")
            #expect(page.contains("Trang \(index + 1)/4"))
        }
        let counts = try demo.ok("report", "pipeline", "--counts-only", "--today", "2026-11-23", "--format", "html")
        let countPages = try Self.printedPages(counts, in: demo.directory)
        #expect(!countPages.joined().contains("MẬT"))
    }
}
