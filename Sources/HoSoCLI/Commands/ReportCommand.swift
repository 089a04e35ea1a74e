import ArgumentParser
import Foundation
import HoSoDomain
import HoSoStorage

/// `hoso report quota|rate|period|pipeline`: the reports that go up to the committee above.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Báo cáo: bảng chỉ tiêu, tỷ lệ kết nạp, báo cáo định kỳ, tình hình hồ sơ.",
        discussion: "Nhiều thư mục dữ liệu (--data A --data B) được cộng lại; một đơn vị có trong hai thư mục bị từ chối.",
        subcommands: [QuotaReportCommand.self, RateReportCommand.self, PeriodReportCommand.self, PipelineReportCommand.self])
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, html, json, xlsx
}

extension ReportPeriod.Span: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// The options every report takes. `--data` repeats, so it replaces the single one of `GlobalOptions`.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("Thư mục dữ liệu; ghi nhiều lần để cộng nhiều đơn vị.", valueName: "DIR"))
    var data: [String] = []

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Đăng nhập là người dùng khác (mã người dùng; cần mật khẩu như mọi lệnh khác).", valueName: "MÃ"))
    var actor: String?

    @Option(help: ArgumentHelp("Ngày lập báo cáo (mặc định: hôm nay, giờ Việt Nam).", valueName: "DATE"))
    var today: CivilDate?

    @Option(help: "Đơn vị (mã hoặc tên) và mọi đơn vị trực thuộc; mặc định tất cả.") var unit: String?

    @Option(help: "Định dạng: text | csv | html | json | xlsx (bảng tính: số là số, ngày là ngày, mở đúng ở mọi ngôn ngữ; cần -o).") var format: ReportFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Ghi ra tệp thay vì in ra màn hình.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Ghi đè tệp của -o nếu đã có (không bao giờ ghi vào thư mục dữ liệu).") var force = false

    @Option(help: ArgumentHelp("Số của báo cáo, in ở dòng \"Số …-BC/…\" (mặc định: để trống để ghi tay).", valueName: "SỐ"))
    var number: Int?

    var currentDate: CivilDate { today ?? Clock.todayInVietnam() }

    /// `--year`, checked, or the current year.
    func year(_ typed: Int?) throws -> Int {
        try InputBounds.year(typed, "--year")
        return typed ?? currentDate.year
    }

    /// The data directories the report reads.
    var directories: [String] { data.isEmpty ? [DataLocation.resolve(explicit: nil)] : data.map(DataLocation.absolute) }

    /// The repositories, opened read-only in effect: reports never write. The person signs in to each
    /// and must hold a role that reads reports there (and `permission`, for a report naming candidates).
    /// On a server the files are left unread unless the report names candidates (`permission`): the
    /// figures come from the files' facts, one query (`scope`).
    func repositories(requiring permission: Permission = .readReports) throws -> [Repository] {
        // One spelling per directory ("A", "./A/", a link to A), so that the same one given twice is seen as such.
        let directories = data.isEmpty
            ? [DataLocation.resolve(explicit: nil)]
            : data.map { location in
                DataBackend.isServer(location)
                    ? location : URL(fileURLWithPath: DataLocation.absolute(location)).standardizedFileURL.resolvingSymlinksInPath().path
            }
        return try directories.map { directory in
            var global = GlobalOptions()
            global.data = directory
            global.actor = actor
            global.today = currentDate
            let session = try global.signIn(opened: permission == .readReports ? try openWithoutFiles(directory) : nil)
            try session.require(.readReports)
            if permission != .readReports { try session.require(permission) }
            return session.repository
        }
    }

    /// The data without its files: the report reads their facts.
    private func openWithoutFiles(_ location: String) throws -> Repository {
        do {
            let repository = try DataBackend.openForReports(location)
            OpenedStores.remember(repository)
            return repository
        } catch let error as RepositoryError {
            throw Failure.error(error.message)
        }
    }

    /// What the reports count: each repository's file facts (one query on a server; counted there for the
    /// report when it says what it reads, `request`), and the files it read, for a report that names candidates.
    /// Each repository is asked for its part of the report's scope only (the sources merged first, without
    /// facts), each file counted under its reporting unit, as one source holding all of them would be.
    func scope(_ repositories: [Repository], request: ReportFactsRequest? = nil) throws -> ReportScope {
        var requests: [ReportFactsRequest?] = repositories.map { _ in request }
        if let asked = request {
            let bare = repositories.map { ReportScope.Source(label: $0.directory, organisation: $0.organisation, facts: []) }
            // Sources that cannot be merged are asked for everything: the merge below refuses them with its reason,
            // which needs their files (a copy of a directory is told by its files).
            let merged = repositories.count == 1 ? try makeScope(bare) : try? makeScope(bare)
            if let merged { requests = repositories.indices.map { asked.counting(in: merged, source: $0) } }
        }
        var sources: [ReportScope.Source] = []
        for (repository, request) in zip(repositories, requests) {
            let counted: CountedReportFacts
            do throws(RepositoryError) {
                if let request {
                    counted = try repository.reportFacts(for: request)
                } else {
                    counted = CountedReportFacts(facts: try repository.reportFacts())
                }
            } catch {
                throw Failure.error(error.message)
            }
            sources.append(ReportScope.Source(label: repository.directory, organisation: repository.organisation, counted: counted, cases: repository.cases))
        }
        return try makeScope(sources)
    }

    private func makeScope(_ sources: [ReportScope.Source]) throws -> ReportScope {
        do {
            return try ReportScope(sources: sources, unit: unit, today: currentDate)
        } catch {
            throw Failure.error(error.message)
        }
    }

    /// Prints `document` in the party document's frame of the unit issuing it (its letterhead, `hoso units
    /// set-letterhead`), or writes it to `-o FILE`.
    func emit(_ document: ReportDocument, scope: ReportScope, json: some Encodable) throws {
        try InputBounds.documentNumber(number, "--number")
        var document = document
        document.frame = scope.frame(number: number)
        // Reports hold personal data of candidates: written 0600, and never onto the data they come from.
        let protected = directories + [DataLocation.resolve(explicit: nil)]
        let bytes: [UInt8]
        switch format {
        case .text: bytes = Array(ReportTextRenderer.render(document).utf8)
        case .csv: bytes = Array(ReportCSVRenderer.render(document).utf8)
        case .html: bytes = Array(ReportHTMLRenderer.render(document).utf8)
        case .json: bytes = Array(try JSONOutput.encode(json)) + [0x0A]
        case .xlsx:
            guard output != nil else {
                throw Failure.error("Bảng tính (--format xlsx) là tệp nhị phân: hãy ghi ra tệp bằng -o, ví dụ -o ~/bao-cao.xlsx.")
            }
            bytes = try Workbook.archive(document)
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let path = try OutputFile(dataDirectories: protected, force: force).write(bytes: bytes, to: output)
        printError("đã ghi báo cáo vào \(path)")
    }
}

struct QuotaReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quota", abstract: "Bảng chỉ tiêu kết nạp theo đơn vị, cộng theo khối và tổng cộng.")

    @OptionGroup var options: ReportOptions
    @Option(help: "Năm (mặc định: năm nay).") var year: Int?

    func run() throws {
        try reportingFailures {
            let year = try options.year(year)
            let scope = try options.scope(
                try options.repositories(), request: QuotaReport.factsRequest(year: year, today: options.currentDate))
            let report = QuotaReport.make(scope: scope, year: year)
            try options.emit(report.document, scope: scope, json: report)
        }
    }
}

struct RateReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate", abstract: "Tỷ lệ kết nạp so với số đảng viên đầu năm (mục tiêu 3–4 %) và so với chỉ tiêu.")

    @OptionGroup var options: ReportOptions
    @Option(help: "Năm (mặc định: năm nay).") var year: Int?
    @Option(help: "Kỳ: Q1 | Q2 | Q3 | Q4 | H1 | H2 | Y (mặc định: cả năm).") var period: ReportPeriod.Span = .year

    func run() throws {
        try reportingFailures {
            let year = try options.year(year)
            let scope = try options.scope(try options.repositories())
            let report = RateReport.make(scope: scope, period: ReportPeriod(span: period, year: year))
            try options.emit(report.document, scope: scope, json: report)
        }
    }
}

struct PeriodReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "period", abstract: "Báo cáo định kỳ (quý, 6 tháng, năm) so với cùng kỳ năm trước.")

    @OptionGroup var options: ReportOptions
    @Option(help: "Năm (mặc định: năm nay).") var year: Int?
    @Option(help: "Kỳ: Q1 | Q2 | Q3 | Q4 | H1 | H2 | Y.") var period: ReportPeriod.Span

    func run() throws {
        try reportingFailures {
            let year = try options.year(year)
            let asked = ReportPeriod(span: period, year: year)
            let scope = try options.scope(
                try options.repositories(), request: PeriodReport.factsRequest(period: asked, today: options.currentDate))
            let report = PeriodReport.make(scope: scope, period: asked)
            try options.emit(report.document, scope: scope, json: report)
        }
    }
}

struct PipelineReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline", abstract: "Tình hình hồ sơ hiện nay: theo trạng thái và đơn vị, quá hạn, người giúp đỡ, giấy chứng nhận.")

    @OptionGroup var options: ReportOptions
    @Flag(help: "Chỉ số liệu, không có tên hay mã hồ sơ: bản gửi cấp trên (không phải tài liệu mật).") var countsOnly = false

    func run() throws {
        try reportingFailures {
            let repositories = try options.repositories(requiring: countsOnly ? .readReports : .exportPersonalData)
            let scope = try options.scope(repositories)
            let first = repositories[0]
            let report = PipelineReport.make(scope: scope, rulebook: first.rulebook, calendar: first.calendar)
            if countsOnly {
                try options.emit(report.countsOnly, scope: scope, json: PipelineCounts(report))
            } else {
                try options.emit(report.document, scope: scope, json: report)
            }
        }
    }
}

/// The pipeline report's JSON without any personal field, for `--counts-only`.
struct PipelineCounts: Encodable {
    let unitName: String
    let date: CivilDate
    let units: [PipelineReport.UnitRow]
    let states: [PipelineReport.StateCount]
    let overdue: Int
    let withoutMentor: Int
    let mentorsWithoutNote: Int
    let certificatesExpiring: Int

    init(_ report: PipelineReport) {
        unitName = report.unitName
        date = report.date
        units = report.units
        states = report.states
        overdue = report.overdue.count
        withoutMentor = report.withoutMentor.count
        mentorsWithoutNote = report.mentorsWithoutNote.count
        certificatesExpiring = report.certificatesExpiring.count
    }
}
