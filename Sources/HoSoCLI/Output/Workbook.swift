import Foundation
import HoSoDomain
import ZIPFoundation

/// The `.xlsx` of a report: the workbook's parts (`ReportSpreadsheet`) zipped with ZIPFoundation, in
/// memory, deflated, as a spreadsheet program expects them.
enum Workbook {
    static func archive(_ document: ReportDocument) throws -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            for part in ReportSpreadsheet.parts(document) {
                let data = Data(part.contents.utf8)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                    provider: { position, size in data.subdata(in: Data.Index(position)..<Data.Index(position) + size) })
            }
            guard let data = archive.data else { throw Failure.error("Không tạo được bảng tính (xlsx). Chưa ghi gì.") }
            return Array(data)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.error("Không tạo được bảng tính (xlsx): \(error). Chưa ghi gì.")
        }
    }
}
