import ArgumentParser
import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage

/// `hoso demo`: a realistic organisation to try HoSo on, then the application on it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Tạo dữ liệu mẫu (nếu chưa có) rồi mở giao diện trên đó.",
        discussion: """
            Thư mục dữ liệu mẫu: --data DIR nếu có, nếu không ~/.local/share/hoso-demo (không đụng tới dữ liệu thật).
            Dữ liệu mẫu gồm một đảng ủy phường, 8 chi bộ, đảng viên và hồ sơ ở mọi trạng thái (có hồ sơ quá hạn, có hồ sơ bị chặn).
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Số hồ sơ mẫu.") var cases = 120
    @Option(help: "Hạt giống ngẫu nhiên (cùng hạt giống cho cùng dữ liệu).") var seed: UInt64 = 2025
    @Flag(help: "Chỉ tạo dữ liệu, không mở giao diện (in bảng tổng hợp).") var noOpen = false

    func run() throws {
        try reportingFailures {
            guard (1...1_000_000).contains(cases) else { throw Failure.error("Số hồ sơ phải từ 1 đến 1.000.000.") }
            let directory = global.data.map(DataLocation.absolute) ?? DataLocation.dataHome() + "/hoso-demo"
            var options = global
            options.data = directory
            try DataDirectoryOwner.refuseOtherLogin(directory)
            var created: Repository?
            if !DataBackend.holdsData(directory) {
                let bar = ProgressBar(total: cases, label: "Đang tạo dữ liệu mẫu")
                let demo = DemoOrganisation.generate(caseCount: cases, seed: seed, today: global.currentDate) { done, _ in bar.show(done) }
                bar.finish()
                let login: String
                do throws(RepositoryError) { login = try DataBackend.login(for: directory) } catch { throw Failure.error(error.message) }
                let people = try DemoPeople.accounts(for: demo, login: login)
                do throws(RepositoryError) {
                    created = try DataBackend.create(
                        directory, units: demo.units, members: demo.members, cases: demo.cases, accounts: people, actor: "Dữ liệu mẫu")
                } catch {
                    throw Failure.error(error.message)
                }
                FileHandle.standardError.write(Data("Đã tạo dữ liệu mẫu: \(cases) hồ sơ trong \(DataBackend.shown(directory))\n".utf8))
                created.map(FirstBackup.make)
                // The first start of the application draws its board from these.
                created?.keepReportFacts()
            }
            if noOpen {
                let service = try options.signIn(opened: created).service
                print(PipelineSummary.render(service.overview(on: global.currentDate)))
                print(DataBackend.isServer(directory) ? "Dữ liệu mẫu trên máy chủ: \(DataBackend.shown(directory))" : "Thư mục dữ liệu mẫu: \(directory)")
            } else {
                try TUILauncher.run(options: options)
            }
        }
    }
}

/// The pipeline board as plain text: counts per stage and state, overdue and without mentor.
enum PipelineSummary {
    static func render(_ rows: [CaseRow]) -> String {
        var lines = ["Tổng số hồ sơ: \(rows.count); quá hạn: \(rows.filter(\.isOverdue).count); sắp đến hạn: \(rows.filter(\.isDueSoon).count); chưa có người giúp đỡ: \(rows.filter(\.hasNoMentor).count)"]
        for stage in Stage.allCases {
            let inStage = rows.filter { $0.file.state.stage == stage }
            lines.append("\(stage.vietnamese): \(inStage.count)")
            for state in stage.states {
                let count = inStage.filter { $0.file.state == state }.count
                lines.append("  \(DisplayWidth.padded(state.vietnamese, toColumns: 34)) \(count)")
            }
        }
        let others = rows.filter { $0.file.state.stage == nil }
        lines.append("Đã kết thúc hoặc tạm dừng: \(others.count)")
        for state in CaseState.allCases where state.stage == nil {
            let count = others.filter { $0.file.state == state }.count
            if count > 0 { lines.append("  \(DisplayWidth.padded(state.vietnamese, toColumns: 34)) \(count)") }
        }
        return lines.joined(separator: "\n")
    }
}
