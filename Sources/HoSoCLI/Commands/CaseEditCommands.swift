import ArgumentParser
import HoSoApplication
import HoSoDomain
import HoSoStorage

struct CaseMentor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentor", abstract: "Phân công (hoặc thôi phân công) đảng viên giúp đỡ.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã hồ sơ.") var id: String
    @Option(help: "Mã đảng viên.") var member: String
    @Flag(help: "Thôi phân công người này.") var release = false
    @Option(help: "Ngày (mặc định hôm nay).") var date: DateInput?

    func run() throws {
        let memberID = MemberID(member)
        try runEdit(global: global, id: id, date: try date.resolve("--date"), edit: release ? .releaseMentor(memberID) : .assignMentor(memberID))
    }
}

struct CaseTaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "task", abstract: "Giao nhiệm vụ, hoặc đánh dấu hoàn thành.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã hồ sơ.") var id: String
    @Option(help: "Nội dung nhiệm vụ mới.") var text: String?
    @Option(help: "Hạn hoàn thành.") var due: DateInput?
    @Option(help: "Số thứ tự nhiệm vụ đã hoàn thành (bắt đầu từ 1).") var done: Int?
    @Option(help: "Ngày (mặc định hôm nay).") var date: DateInput?

    func run() throws {
        if let done {
            try InputBounds.count(done, "--done")
            try runEdit(global: global, id: id, date: try date.resolve("--date"), edit: .completeTask(index: done - 1))
        } else {
            try runEdit(global: global, id: id, date: try date.resolve("--date"), edit: .addTask(text: text ?? "", due: try due.resolve("--due")))
        }
    }
}

struct CaseVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Phiếu thẩm tra lý lịch: thêm, ghi kết quả.",
        subcommands: [Add.self, Result.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thêm người được thẩm tra (bản thân hoặc người thân).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Mã hồ sơ.") var id: String
        @Option(help: "Quan hệ.") var relation: VerificationItem.Relation
        @Option(help: "Họ và tên người được thẩm tra.") var name: String
        @Option(help: "Năm sinh.") var bornYear: Int
        @Option(help: "Nơi cư trú, công tác.") var place = ""
        @Flag(help: "Người thân là đảng viên (được miễn thẩm tra thực địa).") var partyMember = false
        @Option(help: "Hình thức: letter | visit.") var method: VerificationItem.Method = .letter
        @Option(help: "Ngày gửi.") var sent: DateInput?
        @Option(help: "Mã đảng viên chịu trách nhiệm thẩm tra.") var responsible: String?
        @Option(help: "Ngày ghi (mặc định hôm nay).") var date: DateInput?

        func run() throws {
            try InputBounds.year(bornYear, "--born-year")
            let item = VerificationItem(
                relation: relation, fullName: name, birthYear: bornYear, place: place, isPartyMember: partyMember,
                method: method, sent: try sent.resolve("--sent"), responsibleMemberID: responsible.map { MemberID($0) })
            try runEdit(global: global, id: id, date: try date.resolve("--date"), edit: .addVerificationItem(item))
        }
    }

    struct Result: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ghi kết quả thẩm tra của một phiếu.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Mã hồ sơ.") var id: String
        @Option(help: "Số thứ tự phiếu (bắt đầu từ 1, theo hoso case show).") var item: Int
        @Option(help: "Kết quả: clear | problem | exempt.") var result: VerificationItem.Result
        @Option(help: "Ngày nhận lại kết quả.") var returned: DateInput?
        @Option(help: "Ngày ghi (mặc định hôm nay).") var date: DateInput?

        func run() throws {
            try InputBounds.count(item, "--item")
            try runEdit(
                global: global, id: id, date: try date.resolve("--date"),
                edit: .recordVerificationResult(index: item - 1, result: result, returned: try returned.resolve("--returned")))
        }
    }
}

struct CaseIntroducer: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "introducer", abstract: "Thêm đảng viên giới thiệu (3-KNĐ).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã hồ sơ.") var id: String
    @Option(help: "Mã đảng viên giới thiệu.") var member: String
    @Option(help: "Cùng công tác, học tập, cư trú với người vào Đảng từ ngày.") var knownSince: DateInput
    @Flag(help: "Người được chi bộ phân công thay người đã chuyển đi (miễn 12 tháng).") var replacement = false
    @Option(help: "Ngày giấy giới thiệu (mặc định hôm nay).") var date: DateInput?

    func run() throws {
        let introducer = Introducer(
            memberID: MemberID(member), knownSince: try knownSince.resolve("--known-since"), letterDate: try date.resolve("--date") ?? global.currentDate,
            isReplacement: replacement)
        try runEdit(global: global, id: id, date: try date.resolve("--date"), edit: .addIntroducer(introducer))
    }
}

struct CaseUnionResolution: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "union", abstract: "Ghi nghị quyết giới thiệu của Đoàn (4-KNĐ) hoặc Công đoàn (4A-KNĐ).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã hồ sơ.") var id: String
    @Option(help: "youthUnion | tradeUnion.") var body: UnionResolution.Body
    @Option(help: "Ngày nghị quyết (mặc định hôm nay).") var date: DateInput?

    func run() throws {
        let day = try date.resolve("--date") ?? global.currentDate
        try runEdit(global: global, id: id, date: day, edit: .setUnionResolution(UnionResolution(body: body, date: day)))
    }
}

struct CaseOpinion: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opinion", abstract: "Ghi ý kiến nhận xét của đoàn thể nơi công tác hoặc nơi cư trú (5-KNĐ).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã hồ sơ.") var id: String
    @Option(help: "massOrganisations | residence.") var source: Opinion.Source
    @Option(help: "Tóm tắt ý kiến.") var text = ""
    @Option(help: "Ngày (mặc định hôm nay).") var date: DateInput?

    func run() throws {
        let day = try date.resolve("--date") ?? global.currentDate
        try runEdit(global: global, id: id, date: day, edit: .addOpinion(Opinion(source: source, date: day, summary: text)))
    }
}

struct CaseDocument: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "document", abstract: "Ghi nhận một giấy tờ đã nhận.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã hồ sơ.") var id: String
    @Option(help: "Loại giấy tờ.") var kind: DocumentKind
    @Option(help: "Ngày của giấy tờ (mặc định hôm nay).") var date: DateInput?
    @Option(help: "Ghi chú.") var note = ""

    func run() throws {
        let day = try date.resolve("--date") ?? global.currentDate
        try runEdit(global: global, id: id, date: day, edit: .addDocument(DocumentRecord(kind: kind, date: day, note: note)))
    }
}

struct CaseExtension: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "Ghi nhận gia hạn thời gian ra quyết định kết nạp (thêm 30 ngày làm việc).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã hồ sơ.") var id: String
    @Option(help: "Ngày (mặc định hôm nay).") var date: DateInput?

    func run() throws {
        try runEdit(global: global, id: id, date: try date.resolve("--date"), edit: .grantDecisionExtension)
    }
}

struct CaseIdentity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identity",
        abstract: "Sửa thông tin cá nhân (họ tên, ngày sinh…) khi nhập nhầm; chỉ đổi các trường được nêu.",
        discussion: "Mỗi trường đổi được ghi vào lịch sử hồ sơ với giá trị cũ và mới.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã hồ sơ.") var id: String
    @Option(help: "Họ và tên, có dấu.") var name: String?
    @Option(help: "Ngày sinh.") var born: DateInput?
    @Option(help: "Giới tính: nam | nu.") var sex: Person.Sex?
    @Option(help: "Dân tộc.") var ethnicity: String?
    @Option(help: "Tôn giáo.") var religion: String?
    @Option(help: "Số căn cước công dân.") var citizenId: String?
    @Option(help: "Nơi cư trú.") var address: String?
    @Option(help: "Nghề nghiệp.") var occupation: String?
    @Option(help: "Trình độ học vấn.") var education: EducationLevel?
    @Flag(inversion: .prefixedNo, help: "Là (hoặc không là) đoàn viên Đoàn TNCS Hồ Chí Minh.") var youthUnion: Bool?
    @Flag(inversion: .prefixedNo, help: "Là (hoặc không là) đoàn viên công đoàn.") var tradeUnion: Bool?
    @Option(help: "Ngày sửa (mặc định hôm nay).") var date: DateInput?

    func validate() throws {
        let given: [Any?] = [name, born, sex, ethnicity, religion, citizenId, address, occupation, education, youthUnion, tradeUnion]
        if given.allSatisfy({ $0 == nil }) {
            throw ValidationError("Chưa nêu trường nào để sửa; ví dụ: hoso case identity \(id) --born 1997-03-01")
        }
    }

    func run() throws {
        try reportingFailures {
            let session = try global.signIn(readingOnly: CaseID(id))
            let file = try session.service.file(CaseID(id))
            try refuseUnreadable(file)
            var person = file.person
            if let name { person.fullName = name }
            if let born { person.birthDate = try born.resolve("--born") }
            if let sex { person.sex = sex }
            if let ethnicity { person.ethnicity = ethnicity }
            if let religion { person.religion = religion }
            if let citizenId { person.citizenID = citizenId }
            if let address { person.homeAddress = address }
            if let occupation { person.occupation = occupation }
            if let education { person.education = education }
            if let youthUnion { person.youthUnionMember = youthUnion }
            if let tradeUnion { person.tradeUnionMember = tradeUnion }
            // Only the fields named here change, on the identity as stored when the correction is applied.
            let saved = try session.service.edit(.correctIdentity(seen: file.person, typed: person), on: file.id, date: try date.resolve("--date") ?? global.currentDate,
                                                 actor: session.actor)
            print("Đã lưu: \(saved.history.last?.summary ?? "Sửa thông tin cá nhân") — hồ sơ \(saved.id).")
            for change in saved.history.last?.changes ?? [] {
                print("  \(change.field): " + (change.before.isEmpty ? change.after : "\(change.before) → \(change.after)"))
            }
        }
    }
}
