import ArgumentParser
import Foundation
import Synchronization
import HoSoApplication
import HoSoDomain
import HoSoStorage
import HoSoTUI

/// `hoso bench`: the speed and memory figures of one data size, measured in this process so the peak
/// memory belongs to that size alone. `Benchmarks/run.sh` runs it for each size next to jq and Taskwarrior.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Đo tốc độ và bộ nhớ trên dữ liệu mẫu N hồ sơ (mở, gõ phím, lưu, báo cáo).",
        discussion: "Tạo dữ liệu mẫu trong --dir (mặc định ~/.cache/hoso-bench/N) nếu chưa có. So sánh với jq và Taskwarrior: Benchmarks/run.sh")

    @Option(help: "Số hồ sơ.") var cases = 10_000
    @Option(help: "Thư mục dữ liệu đo (được tạo nếu chưa có), hoặc postgresql://… (đo trên máy chủ, cạnh sàn của chính PostgreSQL).")
    var dir: String?
    @Option(help: "Trên máy chủ: số lần đo việc làm mới giữa hai giao diện.") var refreshes = 50
    @Option(help: "Số lần lưu để đo (hồ sơ thường, rồi hồ sơ có lịch sử dài); mỗi lần lưu xen với một lần đo sàn ghi bền của cùng ổ đĩa.")
    var saves = 1_000
    @Option(help: "Đo thêm việc lưu một hồ sơ có lịch sử dài chừng này mục (0: bỏ qua).") var longHistory = 1_000
    @Flag(help: "In kết quả dạng JSON.") var json = false
    @Flag(help: "Chỉ tạo dữ liệu đo (nếu chưa có) rồi dừng: để lần đo sau, trong tiến trình khác, chỉ tính việc mở.")
    var createOnly = false

    func run() throws {
        let today = CivilDate(year: 2026, month: 11, day: 23)!
        if let dir, DataBackend.isServer(dir) {
            let bench = ServerBench(url: dir, cases: cases, saves: saves, refreshes: refreshes, createOnly: createOnly, today: today)
            let result = try bench.run()
            if json { try JSONOutput.print(result) } else { print(result.text) }
            return
        }
        let directory = dir.map(DataLocation.absolute) ?? DataLocation.home() + "/.cache/hoso-bench/\(cases)"
        var result = BenchResult(cases: cases, directory: directory)

        if !FileManager.default.fileExists(atPath: directory + "/snapshot.json") {
            try FileManager.default.createDirectory(atPath: (directory as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let (demo, seconds) = Self.demo(cases: cases, today: today)
            result.generateSeconds = seconds
            var created: Repository?
            result.createSeconds = try Stopwatch.time {
                created = try Repository.create(at: directory, units: demo.units, members: demo.members, cases: demo.cases, actor: "bench")
            }
            // As `hoso demo` does: every open measured below draws its board from them.
            created?.keepReportFacts()
        }
        result.diskBytes = Stopwatch.diskSize(of: directory)
        if createOnly {
            try report(result)
            return
        }

        // Open as the terminal application opens: the board drawn from the files' facts (the first frame),
        // the files read and indexed behind it on another thread while keys move on the board, then
        // everything loaded. Without facts kept the first frame waits for the files, as it did before.
        let processorAtStart = Stopwatch.processorSeconds()
        let startedAt = DispatchTime.now().uptimeNanoseconds
        func sinceStart() -> Double { Double(DispatchTime.now().uptimeNanoseconds - startedAt) / 1e9 }
        // As the terminal application, nothing of the open without files outlives the board drawn from it.
        func board() throws -> AppState? {
            let quick = try Repository.open(at: directory, readingCases: [])
            result.firstFrameOpenSeconds = sinceStart()
            guard let facts = try quick.factsWithoutReadingFiles(keeping: false) else { return nil }
            result.firstFrameFactsSeconds = sinceStart() - result.firstFrameOpenSeconds
            let quickRunner = EffectRunner(service: CaseService(repository: quick), today: today, actor: "bench")
            var state = AppState(preview: quickRunner.loadData(), facts: facts)
            _ = AppReducer.reduce(&state, .key(.resize(width: 120, height: 40)))
            _ = AppView.render(state, width: 120, height: 40)
            result.firstFrameSeconds = sinceStart()
            result.firstFrameFromFacts = true
            return state
        }
        var preview = try board()
        let parts = Mutex<(open: Double, data: Double, index: Double)>((0, 0, 0))
        let load = BackgroundLoad { [directory, today] in
            var opened: Repository?
            let open = try Stopwatch.time { opened = try Repository.open(at: directory) }
            guard let repository = opened else { throw Failure.error("Không mở được \(directory).") }
            repository.defersCompaction = true  // as in the terminal application, whose saves these are
            let runner = EffectRunner(service: CaseService(repository: repository), today: today, actor: "bench")
            var data: AppData?
            let loading = Stopwatch.time { data = runner.loadData() }
            var model: ReadModel?
            let indexing = Stopwatch.time { model = data.map(ReadModel.init(data:)) }
            // As the terminal application's load does: the next start's board is drawn from these.
            repository.keepReportFacts()
            parts.withLock { $0 = (open, loading, indexing) }
            guard let model else { throw Failure.error("Không đọc được dữ liệu.") }
            return BackgroundLoad.Loaded(runner: runner, model: model)
        }
        // Keys on the board while the files load: the arrows a person may press meanwhile.
        var whileLoading: [Double] = []
        var outcome = load.take()
        if var state = preview {
            let arrows: [Key] = [.right, .down, .right, .up]
            while outcome == nil {
                let key = arrows[whileLoading.count % arrows.count]
                whileLoading.append(Stopwatch.time {
                    _ = AppReducer.reduce(&state, .key(key))
                    _ = AppView.render(state, width: 120, height: 40)
                })
                Thread.sleep(forTimeInterval: 0.002)
                outcome = load.take()
            }
            preview = state
        }
        let loaded = try (outcome?.get()) ?? load.wait()
        result.loadedSeconds = sinceStart()
        result.keysWhileLoading = whileLoading.count
        result.keystrokeWhileLoadingP50 = Stopwatch.percentile(whileLoading, 0.5)
        result.keystrokeWhileLoadingP99 = Stopwatch.percentile(whileLoading, 0.99)
        (result.openRepositorySeconds, result.loadDataSeconds, result.indexSeconds) = parts.withLock { $0 }
        let runner = loaded.runner
        let repository = runner.repository
        let service = runner.service
        var app: AppState
        if var state = preview {
            result.renderSeconds = Stopwatch.time {
                _ = AppReducer.reduce(&state, .indexed(loaded.model))
                _ = AppView.render(state, width: 120, height: 40)
            }
            app = state
        } else {
            app = AppState(readModel: loaded.model)
            result.renderSeconds = Stopwatch.time {
                _ = AppReducer.reduce(&app, .key(.resize(width: 120, height: 40)))
                _ = AppView.render(app, width: 120, height: 40)
            }
            result.firstFrameSeconds = sinceStart()
        }
        result.openProcessorSeconds = Stopwatch.processorSeconds() - processorAtStart

        // Interaction: reducer + render per keystroke, typing a search in the list, then scrolling.
        var keystrokes: [Double] = []
        func press(_ key: Key) {
            keystrokes.append(Stopwatch.time {
                _ = AppReducer.reduce(&app, .key(key))
                _ = AppView.render(app, width: 120, height: 40)
            })
        }
        press(.char("l"))
        press(.char("/"))
        for character in "nguyen van" { press(.char(character)) }
        press(.enter)
        for _ in 0..<100 { press(.down) }
        for _ in 0..<20 { press(.pageDown) }
        result.keystrokeP50 = Stopwatch.percentile(keystrokes, 0.5)
        result.keystrokeP99 = Stopwatch.percentile(keystrokes, 0.99)

        // A save as the terminal application makes it: the note form of a file in the list, submitted;
        // timed from the save effect to the next frame drawn, through the runner (the store, then what the
        // application's data needs) and the reducer. Before the saves below, which change the store behind
        // the application's back.
        var tuiSaveSamples: [Double] = []
        func send(_ keys: [Key]) -> [Effect] {
            keys.flatMap { AppReducer.reduce(&app, .key($0)) }
        }
        var attempts = 0
        let tuiSaves = min(saves, Self.tuiSaves)
        while tuiSaveSamples.count < tuiSaves, attempts < tuiSaves * 4 {
            attempts += 1
            _ = send([.down, .enter, .char("m")] + "Đo hiệu năng: nhận xét hằng tháng.".map { Key.char($0) })
            let effects = send([.ctrl("s")])
            if effects.contains(where: { if case .run = $0 { true } else { false } }) {
                tuiSaveSamples.append(Stopwatch.time {
                    var pending = effects
                    while !pending.isEmpty {
                        let outcome = runner.run(pending)
                        pending = outcome.actions.flatMap { AppReducer.reduce(&app, $0) }
                    }
                    _ = AppView.render(app, width: 120, height: 40)
                })
            }
            // Back to the list, whether the note was saved or refused (a closed file takes no note).
            for _ in 0..<8 where app.modal != nil {
                if case .form(let form)? = app.modal, form.form.discardQuestion != nil {
                    _ = send([.right, .enter])  // "Bỏ thay đổi"
                } else {
                    _ = send([.escape])
                }
            }
            if case .detail = app.screen { _ = send([.escape]) }
        }
        result.tuiSaveP50 = Stopwatch.percentile(tuiSaveSamples, 0.5)
        result.tuiSaveP99 = Stopwatch.percentile(tuiSaveSamples, 0.99)

        // Save: durable changes through CaseService, each next to one sample of the durable-write floor of
        // the same disk, taken in turn (one first, then the other), so both meet the same disk weather and a
        // tail of the disk shows in both. The first save is also kept apart: it comes right after the
        // application loaded its data, which any work proportional to the number of files would show.
        let targets = repository.cases.filter { !$0.state.isTerminal }.map(\.id)
        var saveSamples: [Double] = []
        var floorSamples: [Double] = []
        var floor = DurableWriteFloor(directory: directory)
        defer { floor.finish() }
        for index in 0..<(targets.isEmpty ? 0 : saves) {
            func save() throws {
                saveSamples.append(try Stopwatch.time {
                    _ = try service.edit(.addNote(text: "Đo hiệu năng: nhận xét hằng tháng."), on: targets[index % targets.count], date: today, actor: "bench")
                })
            }
            if index.isMultiple(of: 2) {
                try save()
                floorSamples.append(floor.sample())
            } else {
                floorSamples.append(floor.sample())
                try save()
            }
        }
        result.saveSamples = saveSamples
        result.floorSamples = floorSamples
        result.saveCount = saveSamples.count
        result.saveFirst = saveSamples.first ?? 0
        result.saveP50 = Stopwatch.percentile(saveSamples, 0.5)
        result.saveP99 = Stopwatch.percentile(saveSamples, 0.99)
        result.saveMax = saveSamples.max() ?? 0
        result.floorP50 = Stopwatch.percentile(floorSamples, 0.5)
        result.floorP99 = Stopwatch.percentile(floorSamples, 0.99)
        result.floorMax = floorSamples.max() ?? 0

        // One file with a long history (issue 15: a save's cost must not grow with the file's history):
        // grown by notes to `longHistory` entries, then saved again beside the floor as above.
        if longHistory > 0, let target = targets.first {
            var entries = try service.file(target).history.count
            let bar = ProgressBar(total: longHistory, label: "Đang làm lịch sử dài")
            while entries < longHistory {
                entries = try service.edit(.addNote(text: "Lịch sử dài: nhận xét \(entries)."), on: target, date: today, actor: "bench").history.count
                bar.show(entries)
            }
            bar.finish()
            var longSamples: [Double] = []
            var longFloor: [Double] = []
            for index in 0..<saves {
                func save() throws {
                    longSamples.append(try Stopwatch.time {
                        _ = try service.edit(.addNote(text: "Đo hiệu năng: lịch sử dài."), on: target, date: today, actor: "bench")
                    })
                }
                if index.isMultiple(of: 2) {
                    try save()
                    longFloor.append(floor.sample())
                } else {
                    longFloor.append(floor.sample())
                    try save()
                }
            }
            result.longHistoryEntries = entries
            result.longHistorySaveP50 = Stopwatch.percentile(longSamples, 0.5)
            result.longHistorySaveP99 = Stopwatch.percentile(longSamples, 0.99)
            result.longHistoryFloorP99 = Stopwatch.percentile(longFloor, 0.99)
        }

        // Reports: the quota table and the year's periodic report over everything, each with its scope
        // (the files' facts, merging the sources, indexing by unit) as `hoso report` makes it.
        func source() throws -> ReportScope.Source {
            ReportScope.Source(label: "bench", organisation: repository.organisation, facts: try repository.reportFacts())
        }
        result.quotaReportSeconds = try Stopwatch.time {
            _ = QuotaReport.make(scope: try ReportScope(sources: [try source()], unit: nil, today: today), year: today.year)
        }
        result.periodReportSeconds = try Stopwatch.time {
            _ = PeriodReport.make(scope: try ReportScope(sources: [try source()], unit: nil, today: today),
                                  period: ReportPeriod(span: .year, year: today.year))
        }
        result.peakResidentBytes = Stopwatch.peakResidentBytes()
        // As the terminal application does when it quits: the commands timed after the bench
        // (Benchmarks/run.sh) then meet the store a session leaves, not a journal of 400 saves.
        _ = try? repository.compactIfDue()
        repository.keepReportFacts()
        try report(result)
    }

    /// The benchmark's organisation of `cases` files (the same for the same size), and the time it took.
    /// Saves made through the terminal application (each drawn): fewer than the durable saves, whose p99
    /// against the floor's needs a thousand samples to be the tenth slowest rather than the second.
    static let tuiSaves = 200

    static func demo(cases: Int, today: CivilDate) -> (DemoOrganisation, Double) {
        Stopwatch.timed {
            let bar = ProgressBar(total: cases, label: "Đang tạo dữ liệu đo")
            defer { bar.finish() }
            return DemoOrganisation.generate(caseCount: cases, seed: 42, today: today) { done, _ in bar.show(done) }
        }
    }

    private func report(_ result: BenchResult) throws {
        if json {
            try JSONOutput.print(result)
        } else {
            print(result.text)
        }
    }
}

/// The figures of one run, in seconds and bytes.
struct BenchResult: Codable {
    var cases: Int
    var directory: String
    var generateSeconds: Double?
    var createSeconds: Double?
    var diskBytes = 0
    /// The full open of every file (behind the first frame when facts are kept).
    var openRepositorySeconds = 0.0
    /// From nothing to the first frame: the board from the files' facts, or (none kept) from the files.
    var firstFrameSeconds = 0.0
    /// The parts of the first frame from facts: the open without files, the facts; the rest is the board.
    var firstFrameOpenSeconds = 0.0
    var firstFrameFactsSeconds = 0.0
    /// Whether the first frame came from the facts kept (else from the files, none being kept).
    var firstFrameFromFacts = false
    /// From nothing to every file read and indexed, the board drawn from them.
    var loadedSeconds = 0.0
    /// Keys pressed on the board while the files loaded (none when the first frame waited for them).
    var keysWhileLoading = 0
    var keystrokeWhileLoadingP50 = 0.0
    var keystrokeWhileLoadingP99 = 0.0
    /// The parts of the load after the repository is open: the application's data, its list index, and
    /// the frame drawn from them.
    var loadDataSeconds = 0.0
    var indexSeconds = 0.0
    var renderSeconds = 0.0
    /// Processor time (all threads) from nothing to every file read: steadier than the wall clock
    /// on a shared machine, and the wall clock's floor on one core.
    var openProcessorSeconds = 0.0
    var keystrokeP50 = 0.0
    var keystrokeP99 = 0.0
    /// Saves measured, and as many floor samples, taken in turn with them.
    var saveCount = 0
    /// The first save after the application's data was loaded.
    var saveFirst = 0.0
    /// A save from the terminal application: from the save effect to the next frame drawn.
    var tuiSaveP50 = 0.0
    var tuiSaveP99 = 0.0
    var saveP50 = 0.0
    var saveP99 = 0.0
    var saveMax = 0.0
    var floorP50 = 0.0
    var floorP99 = 0.0
    /// Saves of one file whose history holds `longHistoryEntries` entries, beside floor samples of their own.
    var longHistoryEntries = 0
    var longHistorySaveP50 = 0.0
    var longHistorySaveP99 = 0.0
    var longHistoryFloorP99 = 0.0
    var floorMax = 0.0
    /// Every save and floor sample, in the order taken (for the JSON output: where the slow ones fall).
    var saveSamples: [Double] = []
    var floorSamples: [Double] = []
    var quotaReportSeconds = 0.0
    var periodReportSeconds = 0.0
    var peakResidentBytes = 0

    init(cases: Int, directory: String) {
        self.cases = cases
        self.directory = directory
    }

    var text: String {
        func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
        func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
        var lines = ["\(cases) hồ sơ — \(directory) (\(mb(diskBytes)) trên đĩa)"]
        if let generateSeconds, let createSeconds {
            lines.append("  tạo dữ liệu mẫu        \(ms(generateSeconds)) + ghi \(ms(createSeconds))")
        }
        let firstFrame = firstFrameFromFacts
            ? "bảng từ số liệu giữ sẵn: mở không kèm hồ sơ \(ms(firstFrameOpenSeconds)), số liệu \(ms(firstFrameFactsSeconds)), "
                + "bảng \(ms(firstFrameSeconds - firstFrameOpenSeconds - firstFrameFactsSeconds))"
            : "không có số liệu giữ sẵn: chờ đọc mọi hồ sơ"
        lines.append("  mở tới khung hình đầu  \(ms(firstFrameSeconds))   (\(firstFrame))")
        lines.append("  đọc xong mọi hồ sơ     \(ms(loadedSeconds))   (mở kho \(ms(openRepositorySeconds)), dữ liệu \(ms(loadDataSeconds)), chỉ mục \(ms(indexSeconds)), vẽ \(ms(renderSeconds)); CPU \(ms(openProcessorSeconds)))")
        lines.append("  phím khi đang đọc      \(ms(keystrokeWhileLoadingP50)) / \(ms(keystrokeWhileLoadingP99))   (p50 / p99, \(keysWhileLoading) phím trên bảng)")
        lines.append("  phím (p50 / p99)       \(ms(keystrokeP50)) / \(ms(keystrokeP99))")
        lines.append("  lưu trong giao diện    \(ms(tuiSaveP50)) / \(ms(tuiSaveP99))   (p50 / p99, từ lệnh lưu tới khung hình kế tiếp)")
        lines.append("  lưu (p50 / p99 / max)  \(ms(saveP50)) / \(ms(saveP99)) / \(ms(saveMax))   (\(saveCount) lần; lần đầu \(ms(saveFirst)))")
        lines.append("  sàn ghi bền            \(ms(floorP50)) / \(ms(floorP99)) / \(ms(floorMax))   tỉ lệ p50: \(String(format: "%.2f", saveP50 / max(floorP50, 1e-9)))×, p99: \(String(format: "%.2f", saveP99 / max(floorP99, 1e-9)))×")
        if longHistoryEntries > 0 {
            lines.append(
                "  lưu, lịch sử \(longHistoryEntries) mục  \(ms(longHistorySaveP50)) / \(ms(longHistorySaveP99))   (p50 / p99; sàn p99 \(ms(longHistoryFloorP99)), "
                    + "tỉ lệ p99: \(String(format: "%.2f", longHistorySaveP99 / max(longHistoryFloorP99, 1e-9)))×)")
        }
        lines.append("  báo cáo chỉ tiêu       \(ms(quotaReportSeconds))")
        lines.append("  báo cáo định kỳ năm    \(ms(periodReportSeconds))")
        lines.append("  bộ nhớ đỉnh            \(mb(peakResidentBytes)) (\(String(format: "%.2f", Double(peakResidentBytes) / Double(max(diskBytes, 1))))× dữ liệu trên đĩa)")
        return lines.joined(separator: "\n")
    }
}
