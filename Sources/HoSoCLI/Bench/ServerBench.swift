import Foundation
import HoSoApplication
import HoSoDomain
import HoSoPostgres
import HoSoStorage
import HoSoTUI

/// `hoso bench --dir postgresql://…`: the figures of issue 20 on a PostgreSQL server, each beside its
/// baseline in the same run: the terminal application's open to its first frame; a command's commit beside
/// PostgreSQL's own floor (`PostgresCommitFloor`), taken in turn; a change committed by one terminal until
/// another has drawn it (live refresh); the quota and period reports as `hoso report` makes them (the data
/// without its files, then the files' facts in one query).
struct ServerBench {
    let url: String
    let cases: Int
    let saves: Int
    let refreshes: Int
    /// Only make the data (if missing), so that a later run in another process measures the open alone.
    let createOnly: Bool
    let today: CivilDate

    func run() throws -> ServerBenchResult {
        var result = ServerBenchResult(cases: cases, location: PostgresAddress.withoutPassword(url))
        if !DataBackend.holdsData(url) {
            let (demo, seconds) = BenchCommand.demo(cases: cases, today: today)
            result.generateSeconds = seconds
            result.createSeconds = try Stopwatch.time {
                // The role that measures is a clerk of the top unit: the reports count what its grants reach.
                let top = demo.units.first { $0.parentID == nil }?.id ?? demo.units[0].id
                let clerk = Account(
                    id: "bench", fullName: "Người đo hiệu năng", systemUser: try ServerRepository.role(url: url), grants: [RoleGrant(.clerk, in: top)])
                _ = try ServerRepository.create(
                    url: url, units: demo.units, members: demo.members, cases: demo.cases, accounts: [clerk], actor: "bench")
            }
        }
        if createOnly { return result }

        // Reports first, before the saves below add to the journal: each as `hoso report` makes it.
        for _ in 0..<3 {
            var reportRepository: Repository?
            let open = try Stopwatch.time { reportRepository = try DataBackend.openForReports(url) }
            guard let reportRepository else { return result }
            // Each report as `hoso report` asks for it: its files counted by the server, then the report.
            let organisation = reportRepository.organisation
            func counted(_ request: ReportFactsRequest) throws -> (seconds: Double, source: ReportScope.Source) {
                var counted = CountedReportFacts(facts: [])
                let seconds = try Stopwatch.time {
                    let everything = try ReportScope(sources: [.init(label: "bench", organisation: organisation, facts: [])], unit: nil, today: today)
                    counted = try reportRepository.reportFacts(for: request.counting(in: everything))
                }
                return (seconds, ReportScope.Source(label: "bench", organisation: organisation, counted: counted))
            }
            let year = ReportPeriod(span: .year, year: today.year)
            let quotaFacts = try counted(QuotaReport.factsRequest(year: today.year, today: today))
            let quota = try Stopwatch.time {
                _ = QuotaReport.make(scope: try ReportScope(sources: [quotaFacts.source], unit: nil, today: today), year: today.year)
            }
            let periodFacts = try counted(PeriodReport.factsRequest(period: year, today: today))
            let period = try Stopwatch.time {
                _ = PeriodReport.make(scope: try ReportScope(sources: [periodFacts.source], unit: nil, today: today), period: year)
            }
            result.reportOpenSeconds.append(open)
            result.factsSeconds.append(quotaFacts.seconds)
            result.periodFactsSeconds.append(periodFacts.seconds)
            result.quotaSeconds.append(open + quotaFacts.seconds + quota)
            result.periodSeconds.append(open + periodFacts.seconds + period)
        }

        // The terminal application's first frame: the board from the facts the server keeps beside each
        // file, before any file is read.
        result.firstFrameSeconds = try Stopwatch.time {
            let quick = try DataBackend.openForReports(url)
            guard let facts = try quick.factsWithoutReadingFiles() else { return }
            let quickRunner = EffectRunner(service: CaseService(repository: quick), today: today, actor: "bench")
            var board = AppState(preview: quickRunner.loadData(), facts: facts)
            _ = AppReducer.reduce(&board, .key(.resize(width: 120, height: 40)))
            _ = AppView.render(board, width: 120, height: 40)
        }

        // Then every file read and indexed (behind that frame in the terminal application).
        var repository: Repository?
        result.openRepositorySeconds = try Stopwatch.time { repository = try DataBackend.open(url) }
        guard let repository else { return result }
        let service = CaseService(repository: repository)
        let runner = EffectRunner(service: service, today: today, actor: "bench")
        var data: AppData?
        var state: AppState?
        result.loadDataSeconds = Stopwatch.time { data = runner.loadData() }
        result.indexSeconds = Stopwatch.time { state = data.map(AppState.init(data:)) }
        guard var app = state else { return result }
        (state, data) = (nil, nil)
        result.renderSeconds = Stopwatch.time {
            _ = AppReducer.reduce(&app, .key(.resize(width: 120, height: 40)))
            _ = AppView.render(app, width: 120, height: 40)
        }
        result.loadedSeconds = result.openRepositorySeconds + result.loadDataSeconds + result.indexSeconds + result.renderSeconds

        // A command's commit beside the floor's, taken in turn so both meet the same server weather.
        let targets = repository.cases.filter { !$0.state.isTerminal }.map(\.id)
        let floor = try PostgresCommitFloor(url: url)
        defer { floor.finish() }
        var commitSamples: [Double] = []
        var floorSamples: [Double] = []
        for index in 0..<(targets.isEmpty ? 0 : saves) {
            func commit() throws {
                commitSamples.append(try Stopwatch.time {
                    _ = try service.edit(.addNote(text: "Đo hiệu năng: nhận xét hằng tháng."), on: targets[index % targets.count], date: today, actor: "bench")
                })
            }
            if index.isMultiple(of: 2) {
                try commit()
                floorSamples.append(try Stopwatch.time { try floor.sample() })
            } else {
                floorSamples.append(try Stopwatch.time { try floor.sample() })
                try commit()
            }
        }
        result.commitP50 = Stopwatch.percentile(commitSamples, 0.5)
        result.commitP99 = Stopwatch.percentile(commitSamples, 0.99)
        result.floorP50 = Stopwatch.percentile(floorSamples, 0.5)
        result.floorP99 = Stopwatch.percentile(floorSamples, 0.99)

        // Live refresh: another terminal (its own connection and application) draws each change the first
        // one commits. It looks as the terminal does between keys, here without the 250 ms wait for a key,
        // which the figure's bound adds (`refreshBoundP99`).
        let other = try DataBackend.open(url)
        let otherRunner = EffectRunner(service: CaseService(repository: other), today: today, actor: "bench")
        var otherApp = AppState(data: otherRunner.loadData())
        _ = AppReducer.reduce(&otherApp, .key(.resize(width: 120, height: 40)))
        var refreshSamples: [Double] = []
        for index in 0..<(targets.isEmpty ? 0 : refreshes) {
            _ = try service.edit(.addNote(text: "Đo làm mới: nhận xét."), on: targets[(index * 7) % targets.count], date: today, actor: "bench")
            let committed = DispatchTime.now().uptimeNanoseconds
            var drawn = false
            while !drawn {
                let actions = otherRunner.pollExternalChanges()
                if !actions.isEmpty {
                    for action in actions { _ = AppReducer.reduce(&otherApp, action) }
                    _ = AppView.render(otherApp, width: 120, height: 40)
                    drawn = true
                } else {
                    usleep(200)
                }
                if DispatchTime.now().uptimeNanoseconds - committed > 30_000_000_000 { break }
            }
            refreshSamples.append(Double(DispatchTime.now().uptimeNanoseconds - committed) / 1e9)
        }
        result.refreshP50 = Stopwatch.percentile(refreshSamples, 0.5)
        result.refreshP99 = Stopwatch.percentile(refreshSamples, 0.99)
        result.refreshBoundP99 = result.refreshP99 + Self.keyWait
        result.peakResidentBytes = Stopwatch.peakResidentBytes()
        return result
    }

    /// How long the terminal waits for a key before it looks for others' changes (`TerminalDriver`).
    static let keyWait = 0.25
}

/// The figures of one server run, in seconds and bytes; the reports' as three samples each.
struct ServerBenchResult: Codable {
    var cases: Int
    var location: String
    var generateSeconds: Double?
    var createSeconds: Double?
    /// Each report run: the data without its files, the facts' one query, and the whole report (both and the report itself).
    var reportOpenSeconds: [Double] = []
    /// The quota report's files counted by the server (one statement), and the period report's.
    var factsSeconds: [Double] = []
    var periodFactsSeconds: [Double] = []
    var quotaSeconds: [Double] = []
    var periodSeconds: [Double] = []
    var openRepositorySeconds = 0.0
    var loadDataSeconds = 0.0
    var indexSeconds = 0.0
    var renderSeconds = 0.0
    /// The board from the server's facts, before any file is read.
    var firstFrameSeconds = 0.0
    /// Every file read and indexed, the board drawn from them.
    var loadedSeconds = 0.0
    var commitP50 = 0.0
    var commitP99 = 0.0
    var floorP50 = 0.0
    var floorP99 = 0.0
    var refreshP50 = 0.0
    var refreshP99 = 0.0
    /// `refreshP99` plus the terminal's wait for a key: the longest a change takes to show in an idle terminal.
    var refreshBoundP99 = 0.0
    var peakResidentBytes = 0

    init(cases: Int, location: String) {
        self.cases = cases
        self.location = location
    }

    var text: String {
        func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
        func all(_ samples: [Double]) -> String { samples.map(ms).joined(separator: ", ") }
        var lines = ["\(cases) hồ sơ — máy chủ \(location)"]
        if let generateSeconds, let createSeconds { lines.append("  tạo dữ liệu mẫu        \(ms(generateSeconds)) + ghi \(ms(createSeconds))") }
        lines.append("  báo cáo chỉ tiêu       \(all(quotaSeconds))   (mở không kèm hồ sơ \(all(reportOpenSeconds)); số liệu \(all(factsSeconds)))")
        lines.append("  báo cáo định kỳ năm    \(all(periodSeconds))   (số liệu \(all(periodFactsSeconds)))")
        lines.append("  mở tới khung hình đầu  \(ms(firstFrameSeconds))   (bảng từ số liệu máy chủ giữ bên mỗi hồ sơ)")
        lines.append("  đọc xong mọi hồ sơ     \(ms(loadedSeconds))   (mở \(ms(openRepositorySeconds)), dữ liệu \(ms(loadDataSeconds)), chỉ mục \(ms(indexSeconds)), vẽ \(ms(renderSeconds)))")
        lines.append(
            "  ghi một lệnh (p50/p99) \(ms(commitP50)) / \(ms(commitP99))   sàn PostgreSQL \(ms(floorP50)) / \(ms(floorP99))   tỉ lệ p99: "
                + String(format: "%.2f", commitP99 / max(floorP99, 1e-9)) + "×")
        lines.append("  làm mới từ máy khác    \(ms(refreshP50)) / \(ms(refreshP99))   (p50 / p99; cộng 250 ms chờ phím: \(ms(refreshBoundP99)))")
        lines.append("  bộ nhớ đỉnh            \(String(format: "%.1f MB", Double(peakResidentBytes) / 1_000_000))")
        return lines.joined(separator: "\n")
    }
}
