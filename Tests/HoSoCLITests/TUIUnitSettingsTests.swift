import Foundation
@testable import HoSoCLI
import HoSoApplication
import HoSoDomain
import HoSoStorage
@testable import HoSoTUI
import HoSoTestSupport
import Testing

/// The units screen's forms saved by the runner through `UnitService`, the path `hoso units set-counts` and
/// `set-letterhead` take: what the store holds afterwards, and the refusals it still makes.
@Suite struct TUIUnitSettingsTests {
    static let today = Fixtures.date("2026-11-23")

    final class Workspace {
        let directory = NSTemporaryDirectory() + "hoso-tui-units-\(UUID().uuidString)"
        let repository: Repository
        let runner: EffectRunner
        var state: AppState

        init(access: (Organisation) -> Access? = { _ in nil }) throws {
            repository = try Repository.create(at: directory, units: [Fixtures.cell()], members: Fixtures.members, cases: [],
                                               actor: "test")
            runner = EffectRunner(service: CaseService(repository: repository, access: access(repository.organisation)),
                                  today: TUIUnitSettingsTests.today, actor: "Thư ký")
            state = AppState(data: runner.loadData())
            AppFixtures.press([.resize(width: 80, height: 24), .char("D")], into: &state)
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        /// Runs `effects` and reduces what comes back, as the application's loop does.
        @discardableResult
        func run(_ effects: [Effect]) -> [Action] {
            var all: [Action] = []
            var pending = effects
            while !pending.isEmpty {
                let actions = runner.run(pending).actions
                all += actions
                pending = actions.flatMap { AppReducer.reduce(&state, $0) }
            }
            return all
        }

        func retype(_ text: String) {
            AppFixtures.press([.ctrl("u")], into: &state)
            AppFixtures.type(text, into: &state)
        }
    }

    @Test func theCountsFormIsStoredDatedBesideTheCountsOfInit() throws {
        let workspace = try Workspace()
        AppFixtures.press([.enter], into: &workspace.state)
        workspace.retype("01/11/2026")
        AppFixtures.press([.tab], into: &workspace.state)
        workspace.retype("11")
        workspace.run(AppFixtures.press([.ctrl("s")], into: &workspace.state))
        let unit = try #require(workspace.repository.organisation.units[Fixtures.cellID])
        #expect(unit.countHistory.map(\.since) == [nil, Fixtures.date("2026-11-01")])
        #expect(unit.counts(on: Fixtures.date("2026-10-31")).members.official == 8)
        #expect(unit.counts(on: Fixtures.date("2026-11-01")).members.official == 11)
        #expect(workspace.state.status?.text == "Đã ghi số đảng viên của Chi bộ Khu phố 3 từ ngày 01/11/2026.")
        #expect(AppView.render(workspace.state, width: 80, height: 24).text.contains("từ 01/11/2026  11 chính thức"),
                "the screen shows the stored counts after the reload")
    }

    @Test func theLetterheadFormIsStoredAndTheReportsPrintIt() throws {
        let workspace = try Workspace()
        AppFixtures.press([.char("E"), .tab, .tab, .tab, .tab], into: &workspace.state)
        workspace.retype("Xuân Hòa")
        AppFixtures.press([.tab, .tab, .tab], into: &workspace.state)
        workspace.retype("Trần Văn Hùng")
        workspace.run(AppFixtures.press([.ctrl("s")], into: &workspace.state))
        let unit = try #require(workspace.repository.organisation.units[Fixtures.cellID])
        #expect(unit.letterhead == Letterhead(place: "Xuân Hòa", signer: "Trần Văn Hùng"))
        let frame = DocumentFrame.make(issuedBy: unit, in: workspace.repository.organisation, fallbackName: "", date: Self.today)
        #expect(frame.placeAndDate == "Xuân Hòa, ngày 23 tháng 11 năm 2026" && frame.signer == "Trần Văn Hùng")
        #expect(workspace.state.status?.text == "Đã ghi tiêu đề văn bản của Chi bộ Khu phố 3.")
    }

    @Test func theShortNameIsStoredWithTheLetterheadAndTheScreensShowIt() throws {
        let workspace = try Workspace()
        AppFixtures.press([.char("E")], into: &workspace.state)
        workspace.retype("Ba")
        workspace.run(AppFixtures.press([.ctrl("s")], into: &workspace.state))
        #expect(workspace.repository.organisation.units[Fixtures.cellID]?.shortName == "Ba")
        #expect(workspace.state.status?.text == "Đã ghi tên ngắn \"Ba\" của Chi bộ Khu phố 3.")
        let rows = AppView.render(workspace.state, width: 80, height: 24).rows
        #expect(rows[3].hasPrefix("CB-KP3 │ Ba       │ Chi bộ Khu phố 3 "), "\(rows[3])")
        #expect(rows.contains { $0.trimmingCharacters(in: .whitespaces) == "Chi bộ Khu phố 3 (Chi bộ) · tên ngắn Ba (đã ghi)" }, "\(rows)")
        // Left empty again: back to the derived one, and the record holds none.
        AppFixtures.press([.char("E")], into: &workspace.state)
        workspace.retype("")
        workspace.run(AppFixtures.press([.ctrl("s")], into: &workspace.state))
        #expect(workspace.repository.organisation.units[Fixtures.cellID]?.shortName == nil)
        #expect(workspace.state.status?.text == "Đã ghi tên ngắn tự đặt theo tên đơn vị của Chi bộ Khu phố 3.")
    }

    @Test func theServiceRefusesByRoleWhateverTheScreenSent() throws {
        let mentor = AppFixtures.account("hung", "Trần Văn Hùng", .mentor)
        let workspace = try Workspace { Access(account: mentor, organisation: $0) }
        let actions = workspace.run([.changeUnit(.letterhead(LetterheadChange(place: "Xuân Hòa")), of: Fixtures.cellID)])
        #expect(actions.contains { if case .rejected(MessageState.refusedByRole, _) = $0 { true } else { false } }, "\(actions)")
        #expect(workspace.repository.organisation.units[Fixtures.cellID]?.letterhead == nil)
    }
}
