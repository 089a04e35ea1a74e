import ArgumentParser
import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage
import Synchronization

/// `hoso case …`: the files of candidates.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Hồ sơ người vào Đảng: xem, thêm, thực hiện các bước.",
        subcommands: [
            CaseList.self, CaseShow.self, CaseAdd.self, CaseDo.self, CaseBlockers.self, CaseNote.self,
            CaseHistory.self, CaseMentor.self, CaseTaskCommand.self, CaseVerify.self, CaseIntroducer.self,
            CaseUnionResolution.self, CaseOpinion.self, CaseDocument.self, CaseExtension.self, CaseIdentity.self, CasePrint.self,
        ]
    )
}

struct CaseList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Liệt kê hồ sơ (lọc theo trạng thái, tìm tên không dấu, quá hạn).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Chỉ hồ sơ ở trạng thái này.") var state: CaseState?
    @Option(help: "Tìm theo tên, không phân biệt dấu và hoa thường (\"nguyen van a\" tìm được \"Nguyễn Văn Á\").")
    var search: String?
    @Flag(help: "Chỉ hồ sơ quá hạn.") var overdue = false
    @Flag(help: "In dạng JSON.") var json = false

    func run() throws {
        try reportingFailures {
            let filter = CaseListFilter(state: state, query: search.map(FoldedQuery.init))
            // No file is decoded to be listed: the index says each file's number, name, birth date and state
            // (the filter is judged on them), the facts kept for the reports its unit and deadlines.
            let admitted = AdmittedProbes()
            // Nor is any member: neither a row nor the person's rights need one.
            let session = try global.signIn(readingCasesWhere: { probe in
                if filter.admits(probe) { admitted.add(probe) }
                return false
            }, readingMembers: false)
            let rows = try listings(session, filter: filter, admitted: admitted.all)
                .filter { !overdue || $0.isOverdue }
            if json {
                try JSONOutput.print(rows.map(CaseRowJSON.init))
                return
            }
            print(CaseTable.render(rows))
        }
    }

    /// The rows of the files `filter` admits that the person's lists show (a mentor: their own candidates).
    private func listings(_ session: Session, filter: CaseListFilter, admitted: [CaseProbe]) throws -> [CaseListing] {
        let repository = session.repository
        let today = global.currentDate
        // Files read anyway (a server reads every file; a directory, a file its journal changed whole).
        let read = session.service.visibleCases.filter { filter.admits(CaseProbe($0)) }
        var rows = CaseRow.rows(read, rulebook: repository.rulebook, calendar: repository.calendar, today: today).map(CaseListing.init)
        let readIDs = Set(repository.cases.map(\.id))
        let unread = admitted.filter { !readIDs.contains($0.id) }
        guard !unread.isEmpty else { return rows }
        guard let facts = repository.factsWithoutReadingFiles(of: unread.map(\.id)) else {
            // No facts kept for them (a directory no report nor terminal application has read yet): a few
            // listed files are read alone; many, with the store opened again as a search opened it before the
            // facts were kept (every file when there is no filter: their facts are then kept for next time).
            var files = repository.readUnreadFiles(unread.map(\.id))
            if files == nil {
                let whole = try GlobalOptions.openRepository(at: global.dataDirectory, readingCasesWhere: filter.isEmpty ? nil : filter.admits)
                if !whole.isPartial { whole.keepReportFacts() }
                files = whole.cases
            }
            let listed = (files ?? []).filter { filter.admits(CaseProbe($0)) && session.access.listsFile($0) && !readIDs.contains($0.id) }
            rows += CaseRow.rows(listed, rulebook: repository.rulebook, calendar: repository.calendar, today: today).map(CaseListing.init)
            return CaseListing.sorted(rows)
        }
        for probe in unread {
            guard let fileFacts = facts[probe.id], session.access.listsFile(fileFacts) else { continue }
            rows.append(CaseListing(probe, facts: fileFacts, rulebook: repository.rulebook, calendar: repository.calendar, today: today))
        }
        return CaseListing.sorted(rows)
    }
}

/// The files a read of the store judged listed, before decoding any (the judging runs on every core).
final class AdmittedProbes: Sendable {
    private let probes = Mutex<[CaseID: CaseProbe]>([:])

    func add(_ probe: CaseProbe) {
        probes.withLock { $0[probe.id] = probe }
    }

    var all: [CaseProbe] { probes.withLock { Array($0.values) } }
}

/// Which files `case list` shows by state and name. Asked of each file before it is decoded, and again
/// of the decoded files (a file the store could not look into is decoded and judged then).
struct CaseListFilter: Sendable {
    let state: CaseState?
    let query: FoldedQuery?

    var isEmpty: Bool { state == nil && query == nil }

    @Sendable func admits(_ probe: CaseProbe) -> Bool {
        (state == nil || probe.state == state) && (query.map { SearchKey(probe.fullName).matches($0) } ?? true)
    }
}

struct CaseShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Xem toàn bộ một hồ sơ.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã hồ sơ, ví dụ HS-0001.") var id: String
    @Flag(help: "In dạng JSON (đủ mọi trường, như trong tệp dữ liệu).") var json = false

    func run() throws {
        try reportingFailures {
            let service = try global.signIn(readingOnly: CaseID(id)).service
            let file = try service.file(CaseID(id))
            try refuseUnreadable(file)
            if json {
                try JSONOutput.print(file)
            } else {
                print(CaseSheet.render(file, service: service, today: global.currentDate))
            }
        }
    }
}

struct CaseAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Thêm một quần chúng ưu tú được giới thiệu (trạng thái đầu tiên).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Họ và tên, có dấu.") var name: String
    @Option(help: "Ngày sinh.") var born: DateInput
    @Option(help: "Giới tính: nam | nu.") var sex: Person.Sex
    @Option(help: "Nơi giới thiệu.") var source: NominationSource = .youthUnion
    @Option(help: "Trình độ học vấn.") var education: EducationLevel = .upperSecondary
    @Flag(help: "Là đoàn viên Đoàn TNCS Hồ Chí Minh.") var youthUnion = false
    @Flag(help: "Là đoàn viên công đoàn.") var tradeUnion = false
    @Option(help: "Dân tộc.") var ethnicity = "Kinh"
    @Option(help: "Tôn giáo.") var religion = "Không"
    @Option(help: "Số căn cước công dân.") var citizenId = ""
    @Option(help: "Nơi cư trú.") var address = ""
    @Option(help: "Nghề nghiệp.") var occupation = ""
    @Option(help: "Chi bộ (mã đơn vị); mặc định chi bộ đầu tiên.") var unit: String?
    @Option(help: "Ngày được giới thiệu (mặc định hôm nay).") var date: DateInput?

    func run() throws {
        try reportingFailures {
            let session = try global.signIn()
            let service = session.service
            let person = Person(
                fullName: name, birthDate: try born.resolve("--born"), sex: sex, ethnicity: ethnicity, religion: religion,
                citizenID: citizenId, homeAddress: address, occupation: occupation, education: education,
                youthUnionMember: youthUnion, tradeUnionMember: tradeUnion)
            let file = try service.addCase(
                person: person, unit: unit.map { UnitID($0) }, source: source, date: try date.resolve("--date") ?? global.currentDate,
                actor: session.actor)
            print("Đã thêm hồ sơ \(file.id): \(file.person.fullName) — \(file.state.vietnamese).")
            print("Bước tiếp theo: hoso case do \(file.id) admit-to-list --mentor MÃ_ĐẢNG_VIÊN --date NGÀY_NGHỊ_QUYẾT")
        }
    }
}

struct CaseBlockers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blockers",
        abstract: "Những yêu cầu chưa đạt để hồ sơ sang bước tiếp theo (hoặc tới trạng thái --to).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã hồ sơ.") var id: String
    @Option(help: "Trạng thái muốn tới (mặc định: bước chính tiếp theo).") var to: CaseState?
    @Option(help: "Ngày xét (mặc định hôm nay).") var date: DateInput?
    @Flag(help: "In dạng JSON.") var json = false

    func run() throws {
        try reportingFailures {
            let session = try global.signIn(readingOnly: CaseID(id))
            let service = session.service
            let file = try service.file(CaseID(id))
            let day = try date.resolve("--date") ?? global.currentDate
            guard let target = to ?? service.nextMainState(of: file) else {
                print("Hồ sơ \(file.id) ở trạng thái \"\(file.state.vietnamese)\": không còn bước chính nào.")
                return
            }
            let blockers = try service.blockers(of: file, to: target, on: day, actor: session.actor)
            // What the step's own form supplies (the vote, the number) does not block it; the rest does.
            let blocking = blockers.filter { !$0.suppliedByStep }
            let supplied = blockers.filter(\.suppliedByStep)
            if json {
                try JSONOutput.print(blockers)
            } else if blocking.isEmpty {
                print("Hồ sơ \(file.id) đủ điều kiện để chuyển sang \"\(target.vietnamese)\" ngày \(day).")
            } else {
                print("Hồ sơ \(file.id) chưa thể chuyển sang \"\(target.vietnamese)\" ngày \(day):")
                for blocker in blocking { print("  ✗ \(blocker.sentence)") }
            }
            if !json, !supplied.isEmpty {
                print("Khi làm bước này, cần ghi:")
                for requirement in supplied { print("  • \(requirement.sentence)") }
            }
            if !blocking.isEmpty {
                // Exit 3, as the step itself would be refused.
                throw Failure(
                    message: "Hồ sơ \(file.id) còn \(blocking.count) yêu cầu chưa đạt để sang \"\(target.vietnamese)\"; "
                        + "hãy hoàn thành các yêu cầu trên rồi làm bước.",
                    exitCode: 3)
            }
        }
    }
}

struct CaseNote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Thêm nhận xét hằng tháng của người giúp đỡ.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã hồ sơ.") var id: String
    @Option(help: "Nội dung nhận xét.") var text: String
    @Option(help: "Ngày nhận xét (mặc định hôm nay).") var date: DateInput?

    func run() throws {
        try runEdit(global: global, id: id, date: try date.resolve("--date"), edit: .addNote(text: text))
    }
}

struct CaseHistory: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Lịch sử thay đổi của hồ sơ.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã hồ sơ.") var id: String
    @Flag(help: "In dạng JSON.") var json = false

    func run() throws {
        try reportingFailures {
            let file = try global.signIn(readingOnly: CaseID(id)).service.file(CaseID(id))
            try refuseUnreadable(file)
            if json {
                try JSONOutput.print(file.history)
                return
            }
            for entry in file.history {
                let who = VietnameseText.sanitizedForDisplay(entry.actor)
                print("\(entry.date)  \(who)  \(VietnameseText.sanitizedForDisplay(entry.summary))")
                for change in entry.changes {
                    let arrow = change.before.isEmpty ? change.after : "\(change.before) → \(change.after)"
                    // A note may span lines (the only field that may): its later lines stay under the field.
                    print("    \(change.field): " + multiLine(arrow, continuationIndent: "      "))
                }
            }
        }
    }
}

/// Applies one edit to a file and reports it; shared by the edit subcommands. Of the organisation only the
/// part around the file and the members the edit names are read (`GlobalOptions.signIn`).
func runEdit(global: GlobalOptions, id: String, date: CivilDate?, edit: CaseEdit) throws {
    try reportingFailures {
        let session = try global.signIn(readingOnly: CaseID(id), naming: HoSoDomain.CaseCommand.Change.edit(edit).namedMembers)
        let service = session.service
        let file = try service.edit(edit, on: CaseID(id), date: date ?? global.currentDate, actor: session.actor)
        print("Đã lưu: \(file.history.last?.summary ?? edit.name) — hồ sơ \(file.id).")
    }
}

/// An empty history or list of checks would read as "there is none": a file with a part that cannot be
/// read is not shown; the message says what to do.
func refuseUnreadable(_ file: CaseFile) throws {
    guard let problem = file.unreadablePart else { return }
    throw Failure(
        message: Repository.unreadablePartSentence(of: file.id, problem: problem)
            + " Chạy \"hoso check\", xem các bản sao lưu bằng \"hoso backup --list\" rồi khôi phục bằng \"hoso restore TÊN\".",
        exitCode: 1)
}
