import ArgumentParser
import HoSoApplication
import HoSoDomain
import HoSoStorage

/// `hoso case do ID EVENT`: takes a step of the procedure, through the same engine as the TUI.
struct CaseDo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "do",
        abstract: "Thực hiện một bước của quy trình cho hồ sơ.",
        discussion: """
            Các bước (EVENT) và tùy chọn; ngày của bước là --date (mặc định hôm nay):
              admit-to-list          vào danh sách cảm tình đảng: --mentor M (lặp lại)
              enroll                 cử đi học lớp bồi dưỡng: --class-name TÊN
              certify                giấy chứng nhận: --number SỐ --issuer NƠI_CẤP
                                     [--certificate-date NGÀY_CẤP] (mặc định --date)
              file-dossier           nhận đơn, lý lịch: --application-date NGÀY
                                     [--biography-date NGÀY_LÝ_LỊCH] (mặc định --date)
              start-verification     gửi thẩm tra (trước: hoso case verify add)
              conclude-verification  kết luận lý lịch (mọi phiếu có kết quả)
              collect-introductions  đủ giới thiệu, ý kiến (introducer, opinion)
              cell-vote              chi bộ biểu quyết: --for N [--against N]
                                     [--exempt-absent N]
              committee-vote         đảng ủy biểu quyết: --for N [--against N]
              decide                 quyết định kết nạp: --number SỐ
                                     --body CẤP_ỦY [--received NGÀY]
              hold-ceremony          lễ kết nạp
              complete-probation     hết 12 tháng dự bị
              recognize              công nhận chính thức: --for N --number SỐ
                                     --body CẤP_ỦY --certificate-number SỐ
                                     --certificate-issuer NƠI --certificate-date NGÀY
              remove, pause, expire, refuse, strike-off, withdraw: --reason LÝ_DO
              transfer               --reason NƠI_CHUYỂN_ĐẾN
              revoke-decision        --reason LÝ_DO --kind standards|procedure
              resume, reenter, redo-procedure: không cần tùy chọn
              renew                  [--certificate-number SỐ
                                     --certificate-issuer NƠI --certificate-date NGÀY]
            Bước bị từ chối: in mọi yêu cầu chưa đạt, mã thoát 3, không thay đổi gì.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã hồ sơ.") var id: String
    @Argument(help: ArgumentHelp("Bước cần làm (xem danh sách ở trên).", valueName: "event")) var eventName: String
    @Option(help: "Ngày của bước (mặc định hôm nay).") var date: DateInput?
    @Option(help: "Mã đảng viên giúp đỡ (admit-to-list); lặp lại cho nhiều người.") var mentor: [String] = []
    @Option(help: "Tên lớp bồi dưỡng (enroll).") var className: String?
    @Option(help: "Số giấy chứng nhận hoặc số quyết định.") var number: String?
    @Option(help: "Nơi cấp giấy chứng nhận (certify).") var issuer: String?
    @Option(help: "Ngày làm đơn xin vào Đảng (file-dossier).") var applicationDate: DateInput?
    @Option(help: "Ngày của lý lịch người xin vào Đảng (file-dossier; mặc định ngày của bước).") var biographyDate: DateInput?
    // Counts are read even when they look like an option ("-1"), so a negative count is refused as such.
    @Option(name: .customLong("for"), parsing: .unconditional, help: "Số phiếu tán thành.") var votesFor: Int?
    @Option(parsing: .unconditional, help: "Số phiếu không tán thành.") var against: Int = 0
    @Option(parsing: .unconditional, help: "Số đảng viên miễn sinh hoạt vắng mặt (không tính vào tổng số).")
    var exemptAbsent: Int = 0
    @Option(help: "Cấp ủy ra quyết định (decide, recognize).") var body: String?
    @Option(help: "Ngày chi bộ nhận quyết định (decide).") var received: DateInput?
    @Option(help: "Lý do (các bước sang trạng thái phụ) hoặc nơi chuyển đến (transfer).") var reason: String?
    @Option(help: "Loại hủy quyết định: standards (sai tiêu chuẩn) | procedure (sai thủ tục).") var kind: RevocationKind?
    @Option(help: "Số giấy chứng nhận (recognize: lớp đảng viên mới; renew: giấy mới).") var certificateNumber: String?
    @Option(help: "Nơi cấp giấy chứng nhận (recognize, renew).") var certificateIssuer: String?
    @Option(help: "Ngày cấp giấy chứng nhận (certify: mặc định ngày của bước; recognize, renew).")
    var certificateDate: DateInput?
    @Flag(help: "In kết quả hoặc các yêu cầu chưa đạt dạng JSON.") var json = false

    func run() throws {
        try reportingFailures(json: json) {
            let day = try date.resolve("--date") ?? global.currentDate
            guard let kind = Event.Kind(rawValue: eventName) else {
                throw Failure.error(
                    "Không có bước \"\(eventName)\". Các bước: "
                        + Event.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ". Xem: hoso case do --help")
            }
            let step = try makeEvent(kind, on: day)
            // Of the organisation, what the step needs: the units above the file, the members it names.
            let session = try global.signIn(readingOnly: CaseID(id), naming: HoSoDomain.CaseCommand.Change.step(step).namedMembers)
            let service = session.service
            let before = try service.file(CaseID(id))
            let file = try service.perform(step, on: CaseID(id), date: day, actor: session.actor)
            if json {
                try JSONOutput.print(file)
            } else {
                print("Hồ sơ \(file.id) (\(file.person.fullName)): \(before.state.vietnamese) → \(file.state.vietnamese), ngày \(day).")
                if let unit = service.repository.organisation.units[file.unitID],
                    let offer = CountsAfterStep.after(kind, file: file, unit: unit)
                {
                    for line in offer.advice { print(line) }
                }
                if let next = service.nextMainState(of: file) {
                    let blockers = try service.blockers(of: file, to: next, on: day, actor: session.actor)
                    if !blockers.isEmpty {
                        print("Để sang \"\(next.vietnamese)\" còn cần:")
                        for blocker in blockers { print("  ✗ \(blocker.sentence)") }
                    }
                }
            }
        }
    }

    private func required<T>(_ value: T?, _ option: String) throws -> T {
        guard let value else {
            throw Failure.error("Bước \(eventName) cần tùy chọn \(option). Xem: hoso case do --help")
        }
        return value
    }

    private func certificate() throws -> Certificate? {
        guard let number = certificateNumber, let issued = try certificateDate.resolve("--certificate-date") else {
            return nil
        }
        return Certificate(number: number, issuer: certificateIssuer ?? "", issued: issued)
    }

    func makeEvent(_ event: Event.Kind, on day: CivilDate) throws -> Event {
        for (value, option) in [(votesFor, "--for"), (against, "--against"), (exemptAbsent, "--exempt-absent")] {
            try InputBounds.count(value, option)
        }
        switch event {
        case .admitToSourceList: return .admitToSourceList(mentors: mentor.map { MemberID($0) })
        case .enrollInClass: return .enrollInClass(className: try required(className, "--class-name"))
        case .certify:
            return .certify(number: number ?? "", issuer: issuer ?? "", issued: try certificateDate.resolve("--certificate-date"))
        case .fileDossier:
            return .fileDossier(
                applicationDate: try applicationDate.resolve("--application-date") ?? day,
                biographyDate: try biographyDate.resolve("--biography-date"))
        case .startVerification: return .startVerification
        case .concludeVerification: return .concludeVerification
        case .collectIntroductions: return .collectIntroductions
        case .cellVote:
            return .cellVote(votesFor: try required(votesFor, "--for"), votesAgainst: against, exemptAbsent: exemptAbsent)
        case .committeeVote: return .committeeVote(votesFor: try required(votesFor, "--for"), votesAgainst: against)
        case .issueDecision: return .issueDecision(number: number ?? "", body: body ?? "", received: try received.resolve("--received"))
        case .holdCeremony: return .holdCeremony
        case .completeProbation: return .completeProbation
        case .recognize:
            return .recognize(
                votesFor: try required(votesFor, "--for"), votesAgainst: against, exemptAbsent: exemptAbsent,
                certificate: try certificate(), decisionNumber: number ?? "", decisionBody: body ?? "")
        case .remove: return .remove(reason: reason ?? "")
        case .reenter: return .reenter
        case .pause: return .pause(reason: reason ?? "")
        case .resume: return .resume
        case .expire: return .expire(reason: reason ?? "")
        case .renew: return .renew(certificate: try certificate())
        case .transfer: return .transfer(destination: reason ?? "")
        case .refuse: return .refuse(reason: reason ?? "")
        case .revokeDecision: return .revokeDecision(reason: reason ?? "", kind: try required(kind, "--kind"))
        case .redoProcedure: return .redoProcedure
        case .strikeOff: return .strikeOff(reason: reason ?? "")
        case .withdraw: return .withdraw(reason: reason ?? "")
        }
    }
}
