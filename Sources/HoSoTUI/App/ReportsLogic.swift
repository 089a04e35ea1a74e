import Foundation
import HoSoDomain

/// The reports screen's own reducer: scroll, switch report (1–4, Tab, a click on a tab), choose the period
/// (K; ←/→ a year earlier or later) and the unit (f), export (x: format and folder). Its state and the app as
/// it is in, what it asks of the app (a picker, the export form) out; the app runs it scoped to the screen on top.
enum ReportsLogic {
    static func reduce(_ reports: inout ReportsState, _ command: Command, app state: AppState) -> ScreenOutput? {
        switch command {
        case .tab(let index):
            show(&reports, kind: ReportKind(rawValue: index) ?? reports.kind, app: state)
        case .nextTab:
            show(&reports, kind: ReportKind(rawValue: (reports.kind.rawValue + 1) % ReportKind.allCases.count)!, app: state)
        case .previousTab:
            let count = ReportKind.allCases.count
            show(&reports, kind: ReportKind(rawValue: (reports.kind.rawValue + count - 1) % count)!, app: state)
        case .left, .right:
            // The same span a year earlier or later: the seed's 2021 is a few presses away.
            let year = reports.period.year + (command == .left ? -1 : 1)
            guard ReportPeriod.years.contains(year) else { break }
            reports.period = ReportPeriod(span: reports.period.span, year: year)
            show(&reports, kind: reports.kind, app: state)
        case .choosePeriod:
            return .openPeriodPicker
        case .filter:
            return .openUnitPicker
        case .export:
            return .openForm(FormState(form: exportForm(folder: lastFolder(state)), purpose: .reportExport, baseRevision: nil))
        default:
            AppReducer.moveSelection(&reports.scroll, count: ReportsView.lastScroll(reports, size: state.size) + 1,
                                     command: command, page: ScreenLayout.content(state.size).height - ReportsView.headerRows - 1)
        }
        return nil
    }

    /// The report of `kind`, from its top.
    static func show(_ reports: inout ReportsState, kind: ReportKind, app state: AppState) {
        reports.kind = kind
        reports.scroll = 0
        ReportsView.remake(&reports, state)
    }

    /// The periods offered: this year and the two before, each whole, by halves and by quarters.
    static func periods(today: CivilDate) -> [ReportPeriod] {
        let spans: [ReportPeriod.Span] = [.year, .h1, .h2, .q1, .q2, .q3, .q4]
        return (0..<3).flatMap { back in spans.map { ReportPeriod(span: $0, year: today.year - back) } }
    }

    static func openPeriodPicker(_ state: inout AppState, _ reports: ReportsState) {
        let periods = periods(today: state.data.today)
        var picker = PickerState(title: "Kỳ báo cáo", options: periods.map(\.vietnamese), purpose: .reportPeriod)
        picker.periods = periods
        picker.selected = periods.firstIndex(of: reports.period) ?? 0
        state.modal = .picker(picker)
    }

    static func openUnitPicker(_ state: inout AppState, _ reports: ReportsState) {
        let units = state.data.organisation.sortedUnits
        var picker = PickerState(title: "Đơn vị của báo cáo (cùng các đơn vị trực thuộc)",
                                 options: ["Tất cả đơn vị"] + units.map { "\($0.name) (\($0.id.rawValue))" }, purpose: .reportUnit)
        picker.units = [nil] + units.map(\.id)
        picker.selected = picker.units.firstIndex(of: reports.unit) ?? 0
        state.modal = .picker(picker)
    }

    /// The export dialog: the format, and the folder (the last one used, else the home folder), which may
    /// be edited; the runner refuses a folder that does not exist or lies inside a data directory.
    static func exportForm(folder: String) -> Form {
        Form(title: "Xuất báo cáo ra tệp", fields: [
            FormField(id: "format", label: "Định dạng", kind: .choice(ReportExportFormat.allCases.map(\.vietnamese))),
            folderField(folder),
        ])
    }

    /// The folder field of every export dialog (reports, the list, a file's papers).
    static func folderField(_ folder: String) -> FormField {
        FormField(id: "folder", label: "Thư mục", value: folder, isRequired: true, maxLength: 4096)
    }

    /// The folder an export dialog starts with: the last one typed in any of them, else the home folder.
    static func lastFolder(_ state: AppState) -> String { state.exportFolder ?? state.data.exportFolder }

    /// The folder typed in a submitted export dialog, remembered for the next export; the dialog closes
    /// and is kept to return to if the runner refuses the folder.
    static func takeFolder(_ state: inout AppState, values: [String: String], formState: FormState) -> String {
        let folder = (values["folder"] ?? "").trimmingCharacters(in: .whitespaces)
        state.exportFolder = folder
        state.modal = nil
        state.lastSubmittedForm = formState
        return folder
    }

    /// The export the dialog asks, with the folder remembered for the next one.
    static func export(_ state: inout AppState, values: [String: String], formState: FormState) -> [Effect] {
        guard case .reports(let reports) = state.screen else { return [] }
        let format = ReportExportFormat.allCases.first { $0.vietnamese == values["format"] } ?? .csv
        let folder = takeFolder(&state, values: values, formState: formState)
        return [exportEffect(state, reports, format: format, folder: folder)]
    }

    /// What the chosen option of a reports picker does; the export is the runner's.
    static func choose(_ state: inout AppState, _ picker: PickerState) -> [Effect] {
        let app = state
        AppReducer.reduceTop(&state, .reports) { reports in
            switch picker.purpose {
            case .reportPeriod where picker.periods.indices.contains(picker.selected):
                reports.period = picker.periods[picker.selected]
            case .reportUnit where picker.units.indices.contains(picker.selected):
                reports.unit = picker.units[picker.selected]
            default:
                return
            }
            reports.scroll = 0
            ReportsView.remake(&reports, app)
        }
        return []
    }

    /// The report shown, in the party document's frame of the unit issuing it (as the CLI writes it),
    /// to be written to a new file named after the report and its period.
    static func exportEffect(_ state: AppState, _ reports: ReportsState, format: ReportExportFormat, folder: String? = nil) -> Effect {
        var document = reports.document ?? ReportsView.document(state, reports)
        document.frame = ReportsView.scope(state, reports).frame()
        return .exportReport(document, format: format, stem: fileStem(state, reports), folder: folder)
    }

    /// "bao-cao-quota-2026", "bao-cao-rate-2026-Q1", "bao-cao-pipeline-2026-11-23", with the unit's id
    /// when one is chosen.
    static func fileStem(_ state: AppState, _ reports: ReportsState) -> String {
        let when: String
        switch reports.kind {
        case .quota: when = "\(reports.period.year)"
        case .rate, .period: when = "\(reports.period.year)-\(reports.period.span.rawValue)"
        case .pipeline: when = state.data.today.iso
        }
        let unit = reports.unit.map { "-" + $0.rawValue.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } } ?? ""
        return "bao-cao-\(reports.kind.fileStem)\(unit)-\(when)"
    }
}
