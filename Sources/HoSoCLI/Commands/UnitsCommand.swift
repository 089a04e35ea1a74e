import ArgumentParser
import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage

/// `hoso units …`: the organisation tree with its quotas, and the import of the published quota table.
struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "Đơn vị, số đảng viên và chỉ tiêu kết nạp: xem, đổi số đảng viên, nhập bảng chỉ tiêu, đặt chỉ tiêu, tiêu đề văn bản, tên ngắn.",
        subcommands: [UnitsList.self, UnitsSetCounts.self, UnitsImport.self, UnitsSetQuota.self, UnitsSetLetterhead.self,
                      UnitsSetShortName.self])
}

struct UnitsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Liệt kê đơn vị, khối và chỉ tiêu.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "In dạng JSON.") var json = false

    func run() throws {
        try reportingFailures {
            let organisation = try global.openRepository().organisation
            let units = organisation.sortedUnits
            if json {
                try JSONOutput.print(units)
                return
            }
            let shortNames = organisation.shortNames
            for unit in units {
                let quota = unit.quota.map { quota in
                    let years = quota.yearlyQuotas.map { "\($0.year): \($0.value)" }.joined(separator: ", ")
                    return years.isEmpty ? "" : "chỉ tiêu \(years)"
                } ?? ""
                print(
                    [DisplayWidth.padded(unit.id.rawValue, toColumns: 10),
                     DisplayWidth.padded(VietnameseText.sanitizedForDisplay(shortNames[unit.id] ?? ""), toColumns: UnitShortName.longest),
                     DisplayWidth.padded(VietnameseText.sanitizedForDisplay(unit.name), toColumns: 40),
                     DisplayWidth.padded(unit.kind.vietnamese, toColumns: 18),
                     DisplayWidth.padded(VietnameseText.sanitizedForDisplay(unit.sector ?? ""), toColumns: 24), quota]
                        .joined(separator: " ").replacingOccurrences(of: " +$", with: "", options: .regularExpression))
            }
        }
    }
}

struct UnitsImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập bảng chỉ tiêu kết nạp như bản công bố (tách bằng tab, hoặc CSV).",
        discussion: """
            Bảng gồm dòng tiêu đề (TT, Đơn vị, Tổng số đảng viên, …), các dòng khối ("KHỐI PHƯỜNG"), các dòng đơn vị \
            và các dòng "TỔNG CỘNG (n)". Mỗi dòng tổng được đối chiếu với tổng các đơn vị phía trên; \
            nếu lệch, không có gì được nhập.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Tệp bảng chỉ tiêu (UTF-8).") var file: String
    @Option(help: "Năm của số đảng viên trong bảng (mặc định: năm của cột \"Chỉ tiêu kết nạp năm …\").") var year: Int?
    @Option(help: "Mã đơn vị cấp trên của các đơn vị mới (mặc định: cấp ủy duy nhất ở trên cùng).") var parent: String?
    @Flag(help: "Chỉ kiểm tra bảng, không lưu.") var check = false

    func run() throws {
        try reportingFailures {
            try InputBounds.year(year, "--year")
            let table = try Repository.readQuotaTable(at: DataLocation.absolute(file))
            for subtotal in table.subtotals {
                let members = subtotal.figures[.members].map { ", \($0) đảng viên" } ?? ""
                print("Đã đối chiếu \(subtotal.label): \(subtotal.unitCount) đơn vị\(members) — khớp.")
            }
            guard let membersYear = year ?? table.referenceYear else {
                throw Failure.error("Bảng không cho biết năm của số đảng viên. Hãy ghi thêm --year NĂM.")
            }
            if check {
                print("Bảng hợp lệ: \(table.units.count) đơn vị, \(table.subtotals.count) dòng tổng. Chưa lưu (--check).")
                return
            }
            let session = try global.signIn()
            try session.require(.manageUnits, inUnit: parent.map { UnitID($0) })
            let repository = session.repository
            let result = try repository.importQuotas(
                table, membersYear: membersYear, parent: parent.map { UnitID($0) }, actor: session.actor)
            print(
                "Đã nhập \(table.units.count) đơn vị (thêm mới \(result.created.count), cập nhật \(result.updated.count)); "
                    + "số đảng viên ghi cho đầu năm \(membersYear).")
            print("Xem bảng: hoso report quota --year \(membersYear)")
        }
    }
}

struct UnitsSetQuota: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-quota", abstract: "Ghi chỉ tiêu, bổ sung và số đảng viên đầu năm của một đơn vị.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã đơn vị.") var unit: String
    @Option(help: "Năm.") var year: Int
    @Option(help: "Chỉ tiêu kết nạp năm.") var quota: Int?
    @Option(help: "Bổ sung chỉ tiêu trong năm.") var supplement: Int?
    @Option(help: "Số đảng viên đầu năm.") var members: Int?
    @Option(help: "Chỉ tiêu kết nạp nhiệm kỳ.") var termQuota: Int?
    @Option(help: "Tổng số nguồn hiện có (khi chưa có hồ sơ trong máy).") var sources: Int?
    @Option(help: "Số đã kết nạp trong năm, như đơn vị báo cáo (khi chưa có hồ sơ trong máy).") var admitted: Int?
    @Option(help: ArgumentHelp("Ngày số đã kết nạp tính đến (mặc định: cả năm).", valueName: "DATE")) var through: CivilDate?

    /// The unit's quota record with the figures given on the command line written in.
    private func quotaRecord(changing quota: UnitQuota) -> UnitQuota {
        var record = quota
        if let quota = self.quota { record.yearlyQuotas = UnitQuota.setting(quota, for: year, in: record.yearlyQuotas) }
        if let supplement { record.supplements = UnitQuota.setting(supplement, for: year, in: record.supplements) }
        if let members { record.membersAtStartOfYear = UnitQuota.setting(members, for: year, in: record.membersAtStartOfYear) }
        if let termQuota { record.termQuota = termQuota }
        if let sources { record.reportedSources = sources }
        if let admitted {
            record.reportedAdmissions = record.reportedAdmissions.filter { $0.year != year || $0.through != through }
                + [ReportedAdmissions(year: year, through: through, count: admitted)]
        }
        return record
    }

    func run() throws {
        try reportingFailures {
            let values = [quota, supplement, members, termQuota, sources, admitted].compactMap { $0 }
            if let through, admitted == nil || through.year != year {
                throw Failure.error(
                    "--through \(through.day)/\(through.month)/\(through.year) đi cùng --admitted và phải là một ngày của năm \(year).")
            }
            if values.isEmpty {
                throw Failure.error(
                    "Chưa có gì để ghi. Hãy ghi ít nhất một trong --quota, --supplement, --members, --term-quota, --sources, --admitted.")
            }
            try InputBounds.year(year, "--year")
            for (value, option) in [(quota, "--quota"), (supplement, "--supplement"), (members, "--members"),
                                    (termQuota, "--term-quota"), (sources, "--sources"), (admitted, "--admitted")] {
                try InputBounds.count(value, option)
            }
            let session = try global.signIn()
            let repository = session.repository
            // Read, changed and saved under the store's write lock: a quota set meanwhile from another
            // terminal is not overwritten with the value read before it.
            let saved = try repository.exclusively {
                Result { () throws -> HoSoDomain.Unit in
                    // A unit that does not exist is said so first: `units list` shows every unit to anyone.
                    var target = try repository.storedUnit(unit)
                    // With the roles as stored now: a clerk demoted in another terminal sets no quota.
                    do throws(ServiceError) {
                        try session.service.withRolesAsStored().authorize(.manageUnits, inUnit: UnitID(unit))
                    } catch {
                        throw Failure(error)
                    }
                    target.quota = quotaRecord(changing: target.quota ?? UnitQuota())
                    try repository.save(unit: target, actor: session.actor)
                    return target
                }
            }
            let target = try saved.get()
            print("Đã ghi chỉ tiêu năm \(year) cho \(target.name).")
        }
    }
}

/// `hoso units set-counts UNIT …`: the unit's member and committee counts from a day on, kept with the
/// earlier ones, so a vote is counted against the figures of its own day.
struct UnitsSetCounts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-counts",
        abstract: "Ghi số đảng viên và số ủy viên đảng ủy của đơn vị từ một ngày (giữ các số cũ theo ngày).",
        discussion: """
            Số nào không ghi thì giữ số đang có hiệu lực vào ngày đó. Tỷ lệ 2/3 khi chi bộ hoặc đảng ủy \
            biểu quyết được tính theo số có hiệu lực vào ngày biểu quyết.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã đơn vị (xem bằng hoso units list).") var unit: String
    @Option(help: "Số đảng viên chính thức.") var official: Int?
    @Option(help: "Số đảng viên dự bị.") var probationary: Int?
    @Option(help: "Số đảng viên chính thức sinh hoạt tạm thời nơi khác.") var attached: Int?
    @Option(help: "Số đảng viên được miễn sinh hoạt.") var exempt: Int?
    @Option(help: "Số ủy viên đảng ủy cơ sở (để tính 2/3 khi đảng ủy xét).") var committee: Int?
    @Option(help: "Ngày các số bắt đầu có hiệu lực (mặc định hôm nay).") var date: DateInput?

    func run() throws {
        try reportingFailures {
            let values = [official, probationary, attached, exempt, committee].compactMap { $0 }
            if values.isEmpty {
                throw Failure.error(
                    "Chưa có số nào để ghi. Hãy ghi ít nhất một trong --official, --probationary, --attached, --exempt, --committee.")
            }
            let day = try date.resolve("--date") ?? global.currentDate
            let session = try global.signIn()
            let changed = try session.units.change(
                .counts(UnitCountsChange(official: official, probationary: probationary, attachedElsewhere: attached,
                                         exempt: exempt, committee: committee, since: day)),
                of: UnitID(unit), actor: session.actor)
            print("Đã ghi số đảng viên của \(VietnameseText.sanitizedForDisplay(changed.name)) từ ngày \(day):")
            for entry in changed.countHistory {
                let since = entry.since.map { "từ \($0)" } ?? "khi khởi tạo"
                print(
                    "  \(DisplayWidth.padded(since, toColumns: 14)) \(entry.counts.official) chính thức, "
                        + "\(entry.counts.probationary) dự bị, \(entry.counts.attachedElsewhere) sinh hoạt tạm thời nơi khác, "
                        + "\(entry.counts.exempt) miễn sinh hoạt; đảng ủy \(entry.committeeMembers) ủy viên")
            }
        }
    }
}

/// `hoso units set-letterhead UNIT …`: what the unit prints on the reports it issues (the frame of a party
/// document): the names top left, the sign of the number, the place, the signature block, the recipients.
struct UnitsSetLetterhead: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-letterhead",
        abstract: "Ghi tiêu đề văn bản của đơn vị: tên cấp trên, tên đơn vị, ký hiệu, địa danh, chữ ký, nơi nhận.",
        discussion: """
            Các báo cáo (hoso report … --format html|text) in theo thể thức văn bản của Đảng (Hướng dẫn 36-HD/VPTW): \
            góc trái tên cấp ủy cấp trên, tên đơn vị, dòng "Số …-BC/<ký hiệu>"; góc phải "ĐẢNG CỘNG SẢN VIỆT NAM" và \
            "<địa danh>, ngày … tháng … năm …"; cuối văn bản "Nơi nhận" và khối chữ ký. Mục nào không ghi thì lấy \
            từ tên đơn vị và đơn vị cấp trên; ghi "" để trở về mặc định.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Mã đơn vị (xem bằng hoso units list).", valueName: "MÃ")) var unit: String
    @Option(help: ArgumentHelp("Tên cấp ủy cấp trên, ví dụ \"Đảng bộ phường Xuân Hòa\" (in chữ hoa).", valueName: "TÊN")) var superior: String?
    @Option(help: ArgumentHelp("Tên đơn vị ban hành, ví dụ \"Chi bộ Khu phố 3\" (in chữ hoa).", valueName: "TÊN")) var issuer: String?
    @Option(help: ArgumentHelp("Ký hiệu sau dấu gạch chéo của số văn bản, ví dụ CB trong \"Số 12-BC/CB\".", valueName: "KÝ_HIỆU"))
    var sign: String?
    @Option(help: ArgumentHelp("Địa danh của dòng ngày tháng, ví dụ \"Xuân Hòa\".", valueName: "ĐỊA_DANH")) var place: String?
    @Option(help: ArgumentHelp("Thẩm quyền ký, ví dụ \"T/M CHI ỦY\" hoặc \"T/M CHI BỘ\".", valueName: "THẨM_QUYỀN")) var authority: String?
    @Option(help: ArgumentHelp("Chức vụ người ký, ví dụ \"BÍ THƯ\" hoặc \"PHÓ BÍ THƯ\".", valueName: "CHỨC_VỤ")) var signerTitle: String?
    @Option(help: ArgumentHelp("Họ và tên người ký.", valueName: "HỌ_TÊN")) var signer: String?
    @Option(help: ArgumentHelp("Một nơi nhận (ghi nhiều lần, theo thứ tự in); thay cả danh sách nơi nhận.", valueName: "NƠI_NHẬN"))
    var recipient: [String] = []
    @Flag(help: "Trở về nơi nhận mặc định (cấp ủy cấp trên, lưu).") var defaultRecipients = false

    func run() throws {
        try reportingFailures {
            let texts = [superior, issuer, sign, place, authority, signerTitle, signer].compactMap { $0 } + recipient
            if texts.isEmpty && !defaultRecipients {
                throw Failure.error(
                    "Chưa có gì để ghi. Hãy ghi ít nhất một trong --superior, --issuer, --sign, --place, --authority, "
                        + "--signer-title, --signer, --recipient, --default-recipients.")
            }
            if !recipient.isEmpty && defaultRecipients {
                throw Failure.error("--recipient và --default-recipients không đi cùng nhau. Chưa ghi gì.")
            }
            let session = try global.signIn()
            let repository = session.repository
            let change = LetterheadChange(
                superior: superior, issuer: issuer, sign: sign, place: place, authority: authority,
                signerTitle: signerTitle, signer: signer,
                recipients: defaultRecipients ? [] : recipient.isEmpty ? nil : recipient)
            let target = try session.units.change(.letterhead(change), of: UnitID(unit), actor: session.actor)
            print("Đã ghi tiêu đề văn bản của \(VietnameseText.sanitizedForDisplay(target.name)). Văn bản sẽ in:")
            let frame = DocumentFrame.make(
                issuedBy: target, in: repository.organisation, fallbackName: target.name, date: global.currentDate)
            let text = ReportTextRenderer.FrameText(frame)
            print(text.header + "…\n\n" + text.signature, terminator: "")
        }
    }
}

/// `hoso units set-short-name UNIT NAME`: what a narrow column (the TUI at 80 columns) shows of the unit.
struct UnitsSetShortName: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-short-name",
        abstract: "Ghi tên ngắn của đơn vị (ví dụ KP3 cho Chi bộ Khu phố 3), để phân biệt các đơn vị khi màn hình hẹp.",
        discussion: """
            Tên ngắn dài tối đa \(UnitShortName.longest) ký tự và không trùng tên ngắn của đơn vị khác (không phân biệt \
            chữ hoa, chữ thường và dấu). Đơn vị chưa có tên ngắn thì dùng chữ đầu và số trong tên \
            ("Chi bộ Khu phố 3" → KP3); ghi "" để trở về tên ngắn đó.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Mã đơn vị (xem bằng hoso units list).", valueName: "MÃ")) var unit: String
    @Argument(help: ArgumentHelp("Tên ngắn, ví dụ KP3; \"\" để tự đặt theo tên đơn vị.", valueName: "TÊN_NGẮN")) var shortName: String

    func run() throws {
        try reportingFailures {
            let session = try global.signIn()
            let changed = try session.units.change(.shortName(shortName), of: UnitID(unit), actor: session.actor)
            let shown = session.repository.organisation.shortNames[changed.id] ?? changed.id.rawValue
            print("Đã ghi \(UnitShortName.described(changed)) của \(VietnameseText.sanitizedForDisplay(changed.name)); "
                + "màn hình hẹp hiện: \(VietnameseText.sanitizedForDisplay(shown)).")
        }
    }
}

extension Repository {
    /// The unit typed on the command line, or a refusal that says where to find the codes.
    func storedUnit(_ id: String) throws -> HoSoDomain.Unit {
        guard let unit = organisation.units[UnitID(id)] else {
            throw Failure.error("Không có đơn vị \"\(id)\". Xem mã các đơn vị bằng: hoso units list")
        }
        return unit
    }
}
