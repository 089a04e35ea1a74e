import Foundation
import HoSoDomain

/// What an import of a quota table changed.
public struct QuotaImportResult: Sendable {
    public var created: [HoSoDomain.Unit]
    public var updated: [HoSoDomain.Unit]
    /// The year the member counts were recorded for.
    public var membersYear: Int
}

extension Repository {
    /// Reads and checks a quota table file (UTF-8, tab-separated or CSV) without saving anything.
    public static func readQuotaTable(at path: String) throws(RepositoryError) -> QuotaTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RepositoryError(message: "Không đọc được tệp \(path). Hãy kiểm tra đường dẫn và quyền đọc.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RepositoryError(
                message: "Tệp \(path) không phải văn bản UTF-8. Trong Excel hãy lưu bằng \"CSV UTF-8\"; "
                    + "trong LibreOffice chọn bộ ký tự Unicode (UTF-8).")
        }
        do {
            return try QuotaTableParser.parse(text)
        } catch {
            throw RepositoryError(message: "Bảng chỉ tiêu \(path) không nhập được. \(error.description)")
        }
    }

    /// Saves every unit of `table` in one commit: a unit whose name matches an existing unit gets its quota
    /// and sector updated, any other becomes a new grassroots organisation under `parent`.
    public func importQuotas(
        _ table: QuotaTable, membersYear: Int, parent: UnitID?, actor: String
    ) throws(RepositoryError) -> QuotaImportResult {
        let organisation = self.organisation
        var parentID = parent
        if parentID == nil { parentID = try defaultQuotaParent(in: organisation) }
        if let parentID, organisation.units[parentID] == nil {
            throw RepositoryError(message: "Không có đơn vị cấp trên \"\(parentID)\". Xem mã các đơn vị bằng: hoso units list")
        }
        var byName: [String: HoSoDomain.Unit] = [:]
        for unit in organisation.units.values where unit.kind != .committee {
            byName[VietnameseText.folded(unit.name)] = unit
        }
        var usedIDs = Set(organisation.units.keys)
        var nextNumber = 1
        var created: [HoSoDomain.Unit] = []
        var updated: [HoSoDomain.Unit] = []
        var seen: Set<String> = []
        for row in table.units {
            let key = VietnameseText.folded(row.name)
            guard seen.insert(key).inserted else {
                throw RepositoryError(
                    message: "Đơn vị \"\(row.name)\" có hai lần trong bảng (dòng \(row.line)). Hãy gộp hoặc sửa tên rồi nhập lại; chưa có gì được nhập.")
            }
            if var unit = byName[key] {
                unit.quota = table.quota(of: row, membersYear: membersYear, merging: unit.quota)
                unit.sector = row.sector ?? unit.sector
                updated.append(unit)
            } else {
                while usedIDs.contains(UnitID(String(format: "CS-%02d", nextNumber))) { nextNumber += 1 }
                let id = UnitID(String(format: "CS-%02d", nextNumber))
                usedIDs.insert(id)
                created.append(
                    HoSoDomain.Unit(
                        id: id, name: row.name, kind: .grassroots, parentID: parentID, sector: row.sector,
                        quota: table.quota(of: row, membersYear: membersYear)))
            }
        }
        let changes = (created + updated).map { unit in
            let id = StoredItem.id(unit.id)
            return RecordChange(
                id: id, expectedRevision: store.record(id: id)?.revision, newValue: StoredItem.unit(unit),
                summary: "Nhập bảng chỉ tiêu")
        }
        do {
            _ = try store.commit(changes, actor: actor, now: Date())
        } catch {
            throw RepositoryError(error)
        }
        return QuotaImportResult(created: created, updated: updated, membersYear: membersYear)
    }

    /// The only committee at the top, if there is exactly one.
    private func defaultQuotaParent(in organisation: Organisation) throws(RepositoryError) -> UnitID? {
        let tops = organisation.units.values.filter { $0.kind == .committee && $0.parentID == nil }
        if tops.count > 1 {
            throw RepositoryError(
                message: "Có nhiều cấp ủy cấp trên (\(tops.map(\.id.rawValue).sorted().joined(separator: ", "))); "
                    + "hãy chọn một bằng --parent MÃ_ĐƠN_VỊ.")
        }
        return tops.first?.id
    }
}
