import Foundation
import ArgumentParser
import HoSoApplication
import HoSoDomain
import HoSoStorage

/// `hoso init`: a new data directory for one unit.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Tạo thư mục dữ liệu mới cho một chi bộ (hoặc tổ chức cơ sở đảng).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Tên đơn vị, ví dụ \"Chi bộ Khu phố 3\".") var name: String
    @Option(help: "Mã đơn vị (mặc định CB-1).") var id = "CB-1"
    @Option(help: "Loại đơn vị: cell | grassroots | committee.") var kind: HoSoDomain.Unit.Kind = .cell
    @Option(help: "Tên cấp ủy cấp trên, ví dụ \"Đảng ủy phường Xuân Hòa\".") var parent: String?
    @Option(help: "Số đảng viên chính thức.") var official: Int
    @Option(help: "Số đảng viên dự bị.") var probationary = 0
    @Option(help: "Số đảng viên chính thức sinh hoạt tạm thời nơi khác.") var attached = 0
    @Option(help: "Số đảng viên được miễn sinh hoạt.") var exempt = 0
    @Option(help: "Số ủy viên đảng ủy cơ sở (để tính 2/3 khi đảng ủy xét).") var committee = 0
    @Flag(help: "Đơn vị được ủy quyền quyết định kết nạp.") var decides = false
    @Flag(help: "Đơn vị được miễn yêu cầu trình độ THCS (vùng khó khăn).") var educationExempt = false
    @Option(help: "Mã người dùng của thư ký hồ sơ đầu tiên, gắn với tài khoản máy tính đang dùng (mặc định: tên tài khoản máy tính).")
    var clerkId: String?
    @Option(help: "Họ tên thư ký hồ sơ đầu tiên (mặc định: tên tài khoản máy tính).") var clerkName: String?

    func run() throws {
        try reportingFailures {
            for (value, option) in [(official, "--official"), (probationary, "--probationary"), (attached, "--attached"), (exempt, "--exempt"), (committee, "--committee")] {
                try InputBounds.count(value, option)
            }
            let counts = MemberCounts(official: official, probationary: probationary, attachedElsewhere: attached, exempt: exempt)
            var problems = counts.problems
            if committee < 0 { problems.append("Số ủy viên đảng ủy không được âm.") }
            if !VietnameseText.controlCharacters(in: name).isEmpty || !VietnameseText.controlCharacters(in: parent ?? "").isEmpty {
                problems.append("Tên đơn vị có ký tự điều khiển không được phép.")
            }
            if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("Tên đơn vị không được để trống.") }
            guard problems.isEmpty else { throw Failure.error(problems.joined(separator: "\n")) }
            var units: [HoSoDomain.Unit] = []
            var parentID: UnitID?
            if let parent {
                let parentUnit = HoSoDomain.Unit(id: "CAP-TREN", name: VietnameseText.normalized(parent), kind: .committee, decidesAdmissions: !decides)
                units.append(parentUnit)
                parentID = parentUnit.id
            }
            units.append(
                HoSoDomain.Unit(
                    id: UnitID(id), name: VietnameseText.normalized(name), kind: kind, parentID: parentID,
                    decidesAdmissions: decides, educationExempt: educationExempt, memberCounts: counts,
                    committeeMembers: committee))
            let login: String
            do throws(RepositoryError) { login = try DataBackend.login(for: global.dataDirectory) } catch { throw Failure.error(error.message) }
            let clerk = try PeopleInput.firstClerk(id: clerkId, name: clerkName, unit: units[0].id, login: login)
            try DataDirectoryOwner.refuseOtherLogin(global.dataDirectory)
            let repository: Repository
            do throws(RepositoryError) {
                repository = try DataBackend.create(global.dataDirectory, units: units, members: [], accounts: [clerk], actor: clerk.signature)
            } catch {
                throw Failure.error(error.message)
            }
            print(DataBackend.isServer(global.dataDirectory)
                ? "Đã tạo dữ liệu HoSo trên máy chủ \(repository.directory) cho \(name)."
                : "Đã tạo thư mục dữ liệu \(global.dataDirectory) cho \(name).")
            FirstBackup.make(of: repository)
            print(
                "Thư ký hồ sơ: \(clerk.fullName) (mã \(clerk.id)), gắn với "
                    + (DataBackend.isServer(global.dataDirectory) ? "vai trò PostgreSQL \(login)." : "tài khoản máy tính \(login)."))
            print("Tiếp theo: thêm đảng viên (hoso member add …) rồi hồ sơ (hoso case add …), hoặc mở giao diện: hoso")
        }
    }
}

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member", abstract: "Đảng viên của đơn vị (người giúp đỡ, người giới thiệu).",
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thêm một đảng viên.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Mã đảng viên, ví dụ M001.") var id: String
        @Option(help: "Họ và tên.") var name: String
        @Option(help: "Mã đơn vị sinh hoạt (mặc định chi bộ đầu tiên).") var unit: String?
        @Option(help: "official | probationary.") var status: Member.Status = .official
        @Option(help: "Ngày trở thành đảng viên chính thức.") var officialSince: DateInput?

        func run() throws {
            try reportingFailures {
                let id = id.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !id.isEmpty else {
                    throw Failure.error("Mã đảng viên (--id) không được để trống. Chưa ghi gì. Hãy nhập mã, ví dụ --id M001.")
                }
                let session = try global.signIn()
                let service = session.service
                let member = try service.addMember(
                    id: MemberID(id), name: name, unit: unit.map { UnitID($0) }, status: status,
                    officialSince: try officialSince.resolve("--official-since"), actor: session.actor)
                print("Đã thêm đảng viên \(member.id): \(member.fullName) (\(member.status.vietnamese)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê đảng viên.")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "In dạng JSON.") var json = false

        func run() throws {
            try reportingFailures {
                let organisation = try global.openRepository().organisation
                let members = organisation.members.values.sorted {
                    VietnameseCollation.areInIncreasingOrder($0.fullName, $1.fullName)
                }
                if json {
                    try JSONOutput.print(members)
                    return
                }
                for member in members {
                    let unit = organisation.units[member.unitID]?.name ?? member.unitID.rawValue
                    print("\(DisplayWidth.padded(member.id.rawValue, toColumns: 8)) \(DisplayWidth.padded(VietnameseText.sanitizedForDisplay(member.fullName), toColumns: 28)) \(DisplayWidth.padded(member.status.vietnamese, toColumns: 10)) \(unit)")
                }
            }
        }
    }
}
