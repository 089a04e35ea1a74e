import HoSoDomain
import HoSoStorage

/// The people of the demo data: the person running it as clerk, and one mentor, one committee member
/// and one viewer who sign in with `--as` and a passphrase, to try each role on a shared terminal.
enum DemoPeople {
    /// Each demo person's passphrase is shown in the README and the guide: it is demo data.
    static let mentorID = AccountID("giupdo")
    static let committeeID = AccountID("capuy")
    static let viewerID = AccountID("captren")

    static func passphrase(of id: AccountID) -> String { "\(id)-2026" }

    static func accounts(for demo: DemoOrganisation, login: String = SystemUser.name) throws -> [Account] {
        let organisation = Organisation(units: demo.units, members: demo.members)
        guard let top = demo.units.first(where: { $0.parentID == nil }) ?? demo.units.first else { return [] }
        var clerk = try PeopleInput.firstClerk(id: nil, name: "Nguyễn Thị Lan", unit: top.id, login: login)
        clerk.grants = [RoleGrant(.clerk, in: top.id)]
        var people = [clerk]
        // The member who mentors the most open files: the mentor view then has something to show.
        var load: [MemberID: Int] = [:]
        for file in demo.cases where !file.state.isTerminal {
            for mentor in file.activeMentors { load[mentor.memberID, default: 0] += 1 }
        }
        if let busiest = load.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key,
            let member = organisation.members[busiest]
        {
            var mentor = Account(
                id: mentorID, fullName: member.fullName, memberID: member.id, grants: [RoleGrant(.mentor, in: member.unitID)])
            mentor.passphrase = try PassphraseHasher.hash(passphrase(of: mentorID))
            people.append(mentor)
        }
        var committee = Account(id: committeeID, fullName: "Ủy viên cấp ủy (mẫu)", grants: [RoleGrant(.committee, in: top.id)])
        committee.passphrase = try PassphraseHasher.hash(passphrase(of: committeeID))
        var viewer = Account(id: viewerID, fullName: "Cán bộ cấp trên (mẫu)", grants: [RoleGrant(.viewer, in: top.id)])
        viewer.passphrase = try PassphraseHasher.hash(passphrase(of: viewerID))
        return people + [committee, viewer]
    }
}
