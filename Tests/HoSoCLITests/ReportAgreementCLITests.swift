import Foundation
import HoSoTestSupport
import Testing

/// Issue 17 through the real binary: the seed's figures agree in every report and in `--json`.
@Suite("Report figures that agree, through the real binary")
struct ReportAgreementCLITests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("The district's 185 and the 68 admitted to 30/6/2021 agree in quota, rate, period and --json")
    func seedFiguresAgree() throws {
        let workspace = try ReportCLITests.district()
        try workspace.ok("units", "set-quota", "QU", "--year", "2021", "--quota", "185")
        #expect(try workspace.ok("units", "list").contains("chỉ tiêu 2021: 185"))
        let day = ["--year", "2021", "--today", "2021-07-15"]
        let quota = try Self.json(try workspace.ok(["report", "quota", "--format", "json"] + day))
        let total = try #require(quota["total"] as? [String: Any])
        #expect(total["yearlyQuota"] as? Int == 121 && total["admittedThisYear"] as? Int == 68)
        #expect((quota["levelQuota"] as? [String: Any])?["quota"] as? Int == 185)
        let quotaText = try workspace.ok(["report", "quota"] + day)
        #expect(quotaText.contains("Chỉ tiêu Quận ủy Quận 3 giao"))
        #expect(quota["admittedThrough"] as? String == "2021-06-30")

        let rate = try Self.json(try workspace.ok(["report", "rate", "--period", "H1", "--format", "json"] + day))
        #expect((rate["total"] as? [String: Any])?["admitted"] as? Int == 68)
        #expect((rate["levelQuota"] as? [String: Any])?["quota"] as? Int == 185)
        let rateText = try workspace.ok(["report", "rate", "--period", "H1"] + day)
        #expect(rateText.contains("Chưa đánh giá (tính đến 30/6/2021)") && !rateText.contains("Vượt mức"))

        let period = try Self.json(try workspace.ok(["report", "period", "--period", "H1", "--format", "json"] + day))
        let admitted = try #require((period["movements"] as? [[String: Any]])?.first)
        #expect(admitted["current"] as? Int == 68 && admitted["previous"] == nil)
        #expect((period["unitsWithAdmission"] as? [String])?.count == 23)
        let periodText = try workspace.ok(["report", "period", "--period", "H1"] + day)
        #expect(periodText.contains("Đơn vị có kết nạp trong kỳ: 23/28"))
        #expect(periodText.contains("đã kết nạp tính đến 30/6/2021: 68, đạt 37 % chỉ tiêu 185"))
        #expect(periodText.contains("không có số liệu"))
    }

    @Test("set-quota records reported admissions, to a date; the reports count them for a unit without files")
    func setQuotaRecordsAdmissions() throws {
        let workspace = try ReportCLITests.district()
        try workspace.ok("units", "set-quota", "CS-01", "--year", "2021", "--admitted", "4", "--through", "2021-09-30")
        let rate = try workspace.ok("report", "rate", "--unit", "CS-01", "--year", "2021", "--today", "2021-10-05")
        #expect(rate.contains("Chưa đánh giá (tính đến 30/9/2021)"))
        let json = try Self.json(try workspace.ok("report", "rate", "--unit", "CS-01", "--year", "2021", "--today", "2021-10-05", "--format", "json"))
        #expect(json["admittedThrough"] as? String == "2021-09-30")
        #expect((json["total"] as? [String: Any])?["admitted"] as? Int == 4)
        let refused = try workspace.run("units", "set-quota", "CS-01", "--year", "2021", "--through", "2021-09-30")
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("--through 30/9/2021 đi cùng --admitted"))
    }

    @Test("--data A --data A, or A and a copy of A, is refused naming the directory, the same message every run")
    func sameDataTwice() throws {
        let workspace = try ReportCLITests.district()
        let copy = workspace.directory + "-copy"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.copyItem(atPath: workspace.directory, toPath: copy)
        func refusal(_ second: String) throws -> String {
            let result = try ChildProcess.run([workspace.binary, "report", "rate", "--data", workspace.directory, "--data", second])
            #expect(result.status == 1)
            return result.standardError
        }
        let twice = try refusal(workspace.directory)
        #expect(twice.contains("Thư mục dữ liệu \(workspace.directory) được ghi hai lần (--data)"), "\(twice)")
        #expect(try refusal(workspace.directory + "/") == twice, "the same message every run, however the path is spelt")
        let copied = try refusal(copy)
        #expect(copied.contains("Thư mục \(copy) chứa cùng dữ liệu với \(workspace.directory) (bản sao)"), "\(copied)")
        #expect(try refusal(copy) == copied)
    }

    @Test("Help is Vietnamese: the subcommand hint and the values and default of an option")
    func helpInVietnamese() throws {
        let binary = try hosoExecutablePath()
        let report = try ChildProcess.run([binary, "report", "--help"])
        #expect(report.standardOutput.contains("Xem 'hoso help report <lệnh con>' để biết chi tiết."), "\(report.standardOutput)")
        let rate = try ChildProcess.run([binary, "report", "rate", "--help"])
        let help = rate.standardOutput.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        #expect(help.contains("(giá trị: text, csv, html, json, xlsx; mặc định: text)"), "\(help)")
        for english in ["See '", "detailed help", "values:", "default:"] {
            #expect(!report.standardOutput.contains(english) && !rate.standardOutput.contains(english), "\(english)")
        }
    }
}
