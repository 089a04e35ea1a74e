import Foundation
import HoSoTestSupport
import Testing

@Suite("Report and quota import through the real binary")
struct ReportCLITests {
    static func fixture(_ name: String, filePath: String = #filePath) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("HoSoDomainTests/Fixtures/" + name).path
    }

    /// A district committee's directory with the appendix of seed 002 imported.
    static func district() throws -> CLIWorkspace {
        let workspace = try CLIWorkspace()
        try workspace.ok("init", "--name", "Quận ủy Quận 3", "--kind", "committee", "--id", "QU", "--official", "0")
        try workspace.ok("units", "import", fixture("seed002-appendix.tsv"))
        return workspace
    }

    @Test("Importing the appendix checks its four TỔNG CỘNG rows; a wrong subtotal is refused and nothing is saved")
    func importAndRefuse() throws {
        let workspace = try CLIWorkspace()
        try workspace.ok("init", "--name", "Quận ủy Quận 3", "--kind", "committee", "--id", "QU", "--official", "0")
        let before = try workspace.snapshotBytes()
        let refused = try workspace.run("units", "import", Self.fixture("seed002-appendix-wrong-subtotal.tsv"))
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("Dòng 36"))
        #expect(refused.standardError.contains("TỔNG CỘNG (2)"))
        #expect(refused.standardError.contains("Tổng số đăng viên"))
        #expect(try workspace.snapshotBytes() == before)

        let output = try workspace.ok("units", "import", Self.fixture("seed002-appendix.tsv"))
        #expect(output.contains("TỔNG CỘNG (1): 12 đơn vị, 5187 đảng viên — khớp"))
        #expect(output.contains("Đã nhập 28 đơn vị"))
        let json = try workspace.ok("report", "quota", "--year", "2021", "--today", "2021-07-15", "--format", "json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let total = try #require(report["total"] as? [String: Any])
        #expect(total["members"] as? Int == 5187 + 451 + 325 + 223 + 48)
        let groups = try #require(report["groups"] as? [[String: Any]])
        let phuong = try #require(groups.first)
        #expect((phuong["subtotal"] as? [String: Any])?["members"] as? Int == 5187)
        #expect((phuong["subtotal"] as? [String: Any])?["admittedThisYear"] as? Int == 46)
    }

    @Test("The CSV export read back by Python's csv module gives the same cells, diacritics intact")
    func csvRoundTrip() throws {
        let workspace = try Self.district()
        let path = workspace.directory + "-quota.csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try workspace.ok("report", "quota", "--year", "2021", "--today", "2021-07-15", "--format", "csv", "--output", path)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                print(json.dumps(list(csv.reader(f)), ensure_ascii=False))
            """
        let result = try ChildProcess.run(["python3", "-c", script, path])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String]])
        // Same cells as the text we wrote, split by a reader we did not write.
        let ours = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").dropLast()
        #expect(rows.count == ours.count)
        #expect(rows[0] == ["Bảng chỉ tiêu kết nạp đảng viên của các đơn vị"])
        let vo = try #require(rows.first { $0.count > 1 && $0[1] == "Phường Võ Thị Sáu" })
        #expect(Array(vo[0...7]) == ["12", "Phường Võ Thị Sáu", "1804", "122", "73", "31", "27", "14"])
        let warning = try #require(rows.first { $0.count > 1 && $0[1] == "Phường 1" })
        #expect(warning.last == "CT")
        #expect(rows.contains { $0.first?.hasPrefix("Cảnh báo: NG — tổng số nguồn hiện có ít hơn chỉ tiêu năm; CT — ") ?? false })
    }

    @Test("The HTML page is well-formed, names the unit and the date, and holds the totals")
    func htmlPage() throws {
        let workspace = try Self.district()
        let html = try workspace.ok("report", "quota", "--year", "2021", "--today", "2021-07-15", "--format", "html")
        #expect(html.contains("<h1>Bảng chỉ tiêu kết nạp đảng viên của các đơn vị</h1>"))
        #expect(html.contains("Quận ủy Quận 3"))
        #expect(html.contains("Ngày 15 tháng 7 năm 2021"))
        #expect(html.contains("<tr class=\"total\"><td class=\"number\"></td><td>TỔNG CỘNG</td><td class=\"number\">6234</td>"))
        let checker = """
            import sys
            from html.parser import HTMLParser
            VOID = {'meta', 'br', 'img', 'link', 'hr', 'input', 'col'}
            class Check(HTMLParser):
                def __init__(self):
                    super().__init__(); self.stack = []; self.errors = []
                def handle_starttag(self, tag, attrs):
                    if tag not in VOID: self.stack.append(tag)
                def handle_endtag(self, tag):
                    if not self.stack or self.stack.pop() != tag: self.errors.append(tag)
            c = Check(); c.feed(sys.stdin.read() if len(sys.argv) < 2 else open(sys.argv[1], encoding='utf-8').read())
            print('ok' if not c.errors and not c.stack else 'bad %s %s' % (c.errors, c.stack))
            """
        let path = workspace.directory + "-quota.html"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try html.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ChildProcess.run(["python3", "-c", checker, path])
        #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
        // A real browser prints it, where one is installed (the structural check above runs everywhere).
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") {
            let pdf = workspace.directory + "-quota.pdf"
            defer { try? FileManager.default.removeItem(atPath: pdf) }
            let printed = try ChildProcess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--print-to-pdf=" + pdf, path])
            #expect(printed.status == 0)
            let bytes = try #require(FileManager.default.contents(atPath: pdf))
            #expect(bytes.starts(with: Array("%PDF".utf8)) && bytes.count > 10_000)
        }
    }

    @Test("Rate, period and pipeline run on a branch's directory; two directories are summed, a duplicate refused")
    func otherReportsAndSeveralDirectories() throws {
        let branch = try CLIWorkspace()
        try branch.setUpCell()
        for report in [["rate", "--year", "2024"], ["period", "--period", "H1", "--year", "2024"], ["pipeline"]] {
            for format in ["text", "csv", "html", "json"] {
                try branch.ok(["report"] + report + ["--format", format, "--today", "2024-06-10"])
            }
        }
        let pipeline = try branch.ok("report", "pipeline", "--today", "2024-06-10")
        #expect(pipeline.contains("Chi bộ Khu phố 3"))
        let other = try CLIWorkspace()
        try other.ok("init", "--name", "Chi bộ Khu phố 4", "--parent", "Đảng ủy phường Xuân Hòa", "--official", "12")
        let summed = try ChildProcess.run([branch.binary, "report", "rate", "--year", "2024", "--format", "json", "--data", branch.directory, "--data", other.directory])
        #expect(summed.status == 0, "\(summed.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(summed.standardOutput.utf8)) as? [String: Any])
        #expect((report["rows"] as? [Any])?.count == 2)
        #expect((report["total"] as? [String: Any])?["membersAtStartOfYear"] as? Int == 8 + 12)
        let twice = try ChildProcess.run([branch.binary, "report", "rate", "--data", branch.directory, "--data", branch.directory])
        #expect(twice.status == 1)
        #expect(twice.standardError.contains("chỉ được tính một lần"))
    }
}

extension CLIWorkspace {
    @discardableResult
    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try ChildProcess.run([binary] + arguments + ["--data", directory])
        #expect(result.status == 0, "hoso \(arguments.joined(separator: " ")) → \(result.status): \(result.standardError)", sourceLocation: sourceLocation)
        return result.standardOutput
    }
}
