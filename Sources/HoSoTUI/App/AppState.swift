import Foundation
import HoSoDomain

/// The whole state of the application: data, the screens opened (a stack), at most one popup,
/// and the status line. A value, changed only by `AppReducer.reduce`.
public struct AppState: Equatable, Sendable {
    /// The data and its index, changed only through `ReadModel.apply`.
    public internal(set) var readModel: ReadModel
    public var data: AppData { readModel.data }
    public var index: CaseIndex { readModel.index }
    /// The board first; Esc pops one level.
    public internal(set) var screens: [Screen]
    public internal(set) var board = BoardState()
    /// The popup on top of the screen, if any.
    public internal(set) var modal: ModalState?
    public internal(set) var status: StatusMessage?
    /// The terminal size, for mouse hit tests and scrolling.
    public internal(set) var size = Size(width: 80, height: 24)
    /// A form to reopen, values kept, once a reload after a conflict arrives.
    var reopenAfterReload: FormState?
    /// The form whose save is under way: offered again if the save meets a conflict.
    var lastSubmittedForm: FormState?
    /// The find line (`/`) of the classes and mentor screens, while it is open.
    public internal(set) var find: FindState?
    /// The folder the last export went to (typed in the export form); nil: the data's default.
    public internal(set) var exportFolder: String?

    /// While the files are read behind the first frame: how many, and the keys that need them, kept in
    /// the order typed until they come (nil once everything is loaded).
    public internal(set) var loading: Loading?

    /// The application on `data`, showing the pipeline board.
    public init(data: AppData) {
        self.readModel = ReadModel(data: data)
        self.screens = [.board]
    }

    /// The application on data read and indexed already, showing the pipeline board.
    public init(readModel: ReadModel) {
        self.readModel = readModel
        self.screens = [.board]
    }

    /// The application on `data` without its files, the board counting them from their `facts`, until
    /// `Action.indexed` brings the files (read meanwhile, away from the keys).
    public init(preview data: AppData, facts: [ReportFacts]) {
        self.readModel = ReadModel(preview: data, facts: facts)
        self.screens = [.board]
        loading = Loading(files: facts.count)
    }

    /// The screen on top of the stack.
    public var screen: Screen { screens.last ?? .board }
}

/// The files being read behind a first frame drawn from their facts.
public struct Loading: Equatable, Sendable {
    /// How many files are being read (those the facts name).
    public let files: Int
    /// Keys that need the files (opening a list, a search, a form…), to run once they are read.
    public internal(set) var heldKeys: [Key] = []
}

/// One level of the screen stack.
public enum Screen: Equatable, Sendable {
    case board
    case list(ListState)
    case detail(DetailState)
    case classes(ClassesState)
    case mentor(MentorState)
    case reports(ReportsState)
    case people(PeopleState)
    case units(UnitsState)
}

/// What the board may select in a column: the whole stage, a state, or a deadline/mentor count.
public enum BoardItem: Hashable, Sendable {
    case stage
    case state(CaseState)
    case overdue
    case dueSoon
    case noMentor

    /// The items of the column of `stage`, top to bottom.
    public static func items(of stage: Stage) -> [BoardItem] {
        [.stage] + stage.states.map { .state($0) } + [.overdue, .dueSoon, .noMentor]
    }
}

/// The board's selection.
public struct BoardState: Hashable, Sendable {
    public var column = 0
    public var item = 0
}

/// Which files a list shows.
public struct ListFilter: Hashable, Sendable {
    public var states: Set<CaseState>?
    public var unit: UnitID?
    public var mentor: MemberID?
    public var overdueOnly = false
    public var dueSoonOnly = false
    public var noMentorOnly = false
    /// How the filter is described in the title ("Thẩm tra lý lịch · Quá hạn").
    public var title: String

    /// A filter that lets every file through.
    public static let all = ListFilter(title: "Tất cả hồ sơ")

    /// This filter narrowed further by `other` (a choice in the filter picker): each condition `other` sets
    /// replaces the same condition here (another state, another cell), the others stay, so conditions
    /// combine: cell AND overdue AND state. Overdue and due soon exclude each other, as do a mentor and none.
    /// `title`: how the combined filter is named in the header.
    public func combined(with other: ListFilter, title: String) -> ListFilter {
        var result = self
        if other.states != nil { result.states = other.states }
        if other.unit != nil { result.unit = other.unit }
        if other.mentor != nil { result.mentor = other.mentor; result.noMentorOnly = false }
        if other.noMentorOnly { result.noMentorOnly = true; result.mentor = nil }
        if other.overdueOnly { result.overdueOnly = true; result.dueSoonOnly = false }
        if other.dueSoonOnly { result.dueSoonOnly = true; result.overdueOnly = false }
        result.title = title
        return result
    }

    /// Whether the row passes.
    func admits(_ row: CaseRow) -> Bool {
        if let states, !states.contains(row.file.state) { return false }
        if let unit, row.file.unitID != unit { return false }
        if let mentor, !row.file.activeMentors.contains(where: { $0.memberID == mentor }) { return false }
        if overdueOnly && !row.isOverdue { return false }
        if dueSoonOnly && !row.isDueSoon { return false }
        if noMentorOnly && !row.hasNoMentor { return false }
        return true
    }
}

/// The columns a list can be sorted by, in the order the sort key cycles.
public enum ListSort: Int, CaseIterable, Hashable, Sendable {
    case name, id, unit, state, deadline, mentor

    /// The column title.
    public var title: String {
        switch self {
        case .name: "Họ và tên"
        case .id: "Mã"
        case .unit: "Chi bộ"
        case .state: "Trạng thái"
        case .deadline: "Hạn tiếp theo"
        case .mentor: "Người giúp đỡ"
        }
    }
}

/// The case list: filter, search, sort and selection.
public struct ListState: Equatable, Sendable {
    public var filter: ListFilter
    public var sort: ListSort = .name
    /// Sorted from the last to the first (▼), instead of the first to the last (▲).
    public var descending = false
    /// Rows of the index in the current sort order, before the search (recomputed on sort or filter).
    var sorted: [Int] = []
    /// Rows shown: `sorted` narrowed by the search.
    public internal(set) var visible: [Int] = []
    public var selected = 0
    public var offset = 0
    /// The search being typed (`/`), or `nil` when the search line is closed.
    public var search: TextField?
    /// The search kept after Enter.
    public var query = ""

    /// A list with `filter`.
    public init(filter: ListFilter) {
        self.filter = filter
    }
}

/// The tabs of the case detail.
public enum DetailTab: Int, CaseIterable, Equatable, Sendable {
    case info, mentors, training, verification, admission, probation, documents, history

    /// The tab title.
    public var title: String {
        switch self {
        case .info: "Thông tin"
        case .mentors: "Người giúp đỡ"
        case .training: "Lớp bồi dưỡng"
        case .verification: "Lý lịch & thẩm tra"
        case .admission: "Kết nạp"
        case .probation: "Dự bị"
        case .documents: "Hồ sơ giấy tờ"
        case .history: "Lịch sử"
        }
    }
}

/// One file open in tabs.
public struct DetailState: Equatable, Sendable {
    public var caseID: CaseID
    public var tab: DetailTab = .info
    /// The first line shown of the tab's content.
    public var scroll = 0
    /// The verification item selected in the "Lý lịch & thẩm tra" tab.
    public var verificationItem = 0

    /// The detail of `caseID`.
    public init(caseID: CaseID) {
        self.caseID = caseID
    }
}

/// The awareness classes and their candidates.
public struct ClassesState: Equatable, Sendable {
    public var classIndex = 0
    public var candidate = 0
    /// Candidates ticked for "record certificates".
    public var ticked: Set<CaseID> = []
}

/// `/` on a screen listing files other than the list (a class, a mentor's candidates): what is typed moves
/// the selection to the first file whose name or number has those words, without diacritics.
public struct FindState: Equatable, Sendable {
    public var field: TextField
    /// The selection when the find line opened, restored by Esc.
    public var before: Int
}

/// The mentor view: one member's candidates.
public struct MentorState: Equatable, Sendable {
    public var memberID: MemberID?
    public var selected = 0
}

/// The people screen: the selected person.
public struct PeopleState: Equatable, Sendable {
    public var selected = 0
}

/// The units screen: the selected unit.
public struct UnitsState: Equatable, Sendable {
    public var selected = 0
}

/// The reports of the reports screen, in the order of its tabs (keys 1–4).
public enum ReportKind: Int, CaseIterable, Equatable, Sendable {
    case quota, rate, period, pipeline

    /// The tab's title.
    public var title: String {
        switch self {
        case .quota: "Chỉ tiêu"
        case .rate: "Tỷ lệ kết nạp"
        case .period: "Báo cáo định kỳ"
        case .pipeline: "Tình hình hồ sơ"
        }
    }

    /// The report's name in an exported file's name, as the CLI's subcommand.
    public var fileStem: String {
        switch self {
        case .quota: "quota"
        case .rate: "rate"
        case .period: "period"
        case .pipeline: "pipeline"
        }
    }
}

/// The file formats the reports screen exports to.
public enum ReportExportFormat: String, CaseIterable, Equatable, Sendable {
    case csv, xlsx, html

    /// The option in the export picker.
    public var vietnamese: String {
        switch self {
        case .csv: "CSV (văn bản, dấu phẩy)"
        case .xlsx: "XLSX (bảng tính Excel, LibreOffice)"
        case .html: "HTML (để in, trong thể thức văn bản)"
        }
    }
}

/// The reports screen.
public struct ReportsState: Equatable, Sendable {
    public var scroll = 0
    /// The report shown (its tab).
    public var kind: ReportKind = .pipeline
    /// The period of the rate and period reports (the quota report takes its year; the pipeline is "now").
    public var period: ReportPeriod
    /// The unit the report covers with everything under it; nil for every unit the data holds.
    public var unit: UnitID?

    public init(year: Int) {
        period = ReportPeriod(span: .year, year: year)
    }
    /// The report, made when the screen opens and when the data changes: making it reads every file,
    /// which a frame (a key that scrolls) must not.
    public internal(set) var document: ReportDocument?
    /// The report as drawn, for the screen's width (made anew when the terminal is resized).
    public internal(set) var lines: [String] = []
}

/// The popup on top of the screens.
public enum ModalState: Equatable, Sendable {
    case help(HelpOverlay)
    case nextStep(NextStepState)
    case form(FormState)
    case confirm(ConfirmState)
    case message(MessageState)
    case conflict(ConflictState)
    case picker(PickerState)
}

/// The list of steps the engine allows now, each with its checklist.
public struct NextStepState: Equatable, Sendable {
    public var caseID: CaseID
    public var steps: [Event.Kind]
    public var selected = 0
}

/// What a submitted form does.
public enum FormPurpose: Hashable, Sendable {
    case step(Event.Kind, CaseID)
    case addCase
    case note(CaseID)
    case verificationItem(CaseID)
    case verificationResult(CaseID, index: Int)
    case introducer(CaseID)
    case opinion(CaseID)
    case unionResolution(CaseID)
    case addTask(CaseID)
    case completeTask(CaseID)
    case addDocument(CaseID)
    case assignMentor(CaseID)
    case releaseMentor(CaseID)
    case identity(CaseID)
    case certifyClass([CaseID])
    case addPerson
    case grantRole(AccountID)
    case revokeRole(AccountID)
    case unitCounts(UnitID)
    case letterhead(UnitID)
    /// The export of the report shown on the reports screen: its format and folder.
    case reportExport
    /// The folder of a file's sheet (nil) or of a paper of its steps, written as HTML (F9 on the file).
    case paperExport(CaseID, StepDocument?)
    /// The folder of the list as shown, in the format chosen (x on the list).
    case listExport(ReportExportFormat)
}

/// An open form, with the revision of the file it started from (the expected revision of its save).
public struct FormState: Equatable, Sendable {
    public var form: Form
    public var purpose: FormPurpose
    public var baseRevision: Int?
}

/// A question before something is done; the safe button ("Hủy", "Quay lại") has the focus.
public struct ConfirmState: Equatable, Sendable {
    public var dialog: ConfirmDialog
    /// What the confirm button does.
    public var action: ConfirmedAction
    /// Where the cancel button leads: the form, with what was typed, or the list of steps.
    public var back: ConfirmBack

    /// The question before a step is applied, from its form.
    public init(dialog: ConfirmDialog, event: Event, date: CivilDate, form: FormState) {
        self.init(dialog: dialog, action: .step(event, date: date), back: .form(form))
    }

    public init(dialog: ConfirmDialog, action: ConfirmedAction, back: ConfirmBack) {
        self.dialog = dialog
        self.action = action
        self.back = back
    }

    /// The form this question came from, if any.
    public var form: FormState? {
        if case .form(let form) = back { return form }
        return nil
    }
}

/// What a confirmation does once confirmed.
public enum ConfirmedAction: Equatable, Sendable {
    /// Apply the step of the form.
    case step(Event, date: CivilDate)
    /// Send the commands together (a class's certificates) and clear the class's marks.
    case together([CaseCommand])
    /// Open the form of the step chosen in the list, though the step is marked ✗ (it may have happened on
    /// another day, when its requirements were met).
    case openStepForm(NextStepState)
    /// Record a unit's new member counts (offered after an admission or a recognition).
    case changeUnit(UnitChange, of: UnitID)
}

/// Where a confirmation's cancel button leads.
public enum ConfirmBack: Equatable, Sendable {
    case form(FormState)
    case nextStep(NextStepState)
    /// Nothing to return to: the question came after a save.
    case close
}

/// A popup that only needs reading: a refusal ("Không thể thực hiện") or an error ("Lỗi").
public struct MessageState: Equatable, Sendable {
    public var title: String
    public var lines: [String]
    /// The form to return to once read, so nothing typed is lost.
    public var returnTo: FormState?

    /// The title of every popup that shows a refusal by role (the CLI's exit code 4).
    public static let refusedByRole = "Không được phép"

    /// A popup titled `title`.
    public init(title: String, lines: [String], returnTo: FormState? = nil) {
        self.title = title
        self.lines = lines
        self.returnTo = returnTo
    }
}

/// A save refused because someone else changed the file: reload (the form reopens with what was typed) or not.
public struct ConflictState: Equatable, Sendable {
    public var dialog: ConfirmDialog
    public var form: FormState?
}

/// What a chosen option of a picker does.
public enum PickerPurpose: Hashable, Sendable {
    case listFilter
    case listSort
    case listExport
    case mentorMember
    case reportPeriod
    case reportUnit
    case stepPaper
}

/// A list of options to choose one from.
public struct PickerState: Equatable, Sendable {
    public var title: String
    public var options: [String]
    public var selected = 0
    /// What was typed to find an option (see `ChoiceSearch`).
    public var query = ""
    public var purpose: PickerPurpose
    /// What each option means, parallel to `options`.
    var filters: [ListFilter] = []
    var members: [MemberID] = []
    var periods: [ReportPeriod] = []
    var units: [UnitID?] = []
    var formats: [ReportExportFormat] = []
    var sorts: [ListSort] = []
    var papers: [StepDocument] = []
    /// The file a paper is printed from.
    var caseID: CaseID?
}
