import ArgumentParser
import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage

extension StepDocument: ExpressibleByArgument {}

/// `hoso case print ID --document …`: a paper of a step, filled from the file, in the frame of a party
/// document, to print and sign (marked MẬT: it names the candidate).
struct CasePrint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "In giấy tờ của một bước từ hồ sơ (nghị quyết chi bộ, nghị quyết đảng ủy, đề nghị công nhận, danh sách lớp), để ký.",
        discussion: StepDocument.allCases.map { "\($0.rawValue): \($0.vietnamese)" }.joined(separator: "\n"))

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã hồ sơ, ví dụ HS-0001 (với class-list: một người trong lớp).") var id: String
    @Option(help: "Giấy tờ: cell-resolution | committee-resolution | recognition-resolution | class-list.") var document: StepDocument
    @Option(help: "Định dạng: text | html (để in, khổ A4 dọc).") var format: ReportFormat = .html
    @Option(help: "Số văn bản (mặc định để trống để ghi tay).") var number: Int?
    @Option(help: "Ngày ký (mặc định ngày của bước).") var date: DateInput?
    @Option(name: [.short, .long], help: ArgumentHelp("Ghi ra tệp thay vì in ra màn hình.", valueName: "FILE")) var output: String?
    @Flag(help: "Ghi đè tệp của -o nếu đã có (không bao giờ ghi vào thư mục dữ liệu).") var force = false

    func run() throws {
        try reportingFailures {
            guard format == .text || format == .html else { throw Failure.error("Giấy tờ in ra dạng text hoặc html.") }
            if let number { try InputBounds.documentNumber(number, "--number") }
            let session = try global.signIn()
            let service = session.service
            let file = try service.file(CaseID(id))
            try refuseUnreadable(file)
            try session.require(.exportPersonalData, inUnit: file.unitID)
            let day = try date.map { try $0.resolve("--date") }
            let paper: ReportDocument
            do throws(StepDocumentProblem) {
                paper = try document.draw(
                    for: file, organisation: session.repository.organisation, classmates: service.visibleCases, date: day, number: number)
            } catch {
                throw Failure.error(error.message)
            }
            let text = format == .html ? ReportHTMLRenderer.render(paper) : ReportTextRenderer.render(paper)
            guard let output else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            let path = try OutputFile(dataDirectories: [global.dataDirectory], force: force).write(text, to: output)
            printError("đã ghi \(document.vietnamese.lowercased()) vào \(path)")
        }
    }
}
