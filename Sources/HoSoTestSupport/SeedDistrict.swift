import Foundation
import HoSoDomain

/// Seed 002's district as the level above holds it: the 28 organisations of the appendix imported (no case
/// file), under the district committee, optionally with the district's own target for 2021 (185).
public enum SeedDistrict {
    /// The appendix, read from the domain tests' Fixtures.
    public static func appendix(filePath: String = #filePath) throws -> String {
        let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("Tests/HoSoDomainTests/Fixtures/seed002-appendix.tsv"), encoding: .utf8)
    }

    public static func organisation(districtQuota: Int? = 185) throws -> Organisation {
        let table = try QuotaTableParser.parse(try appendix())
        var committee = Unit(id: "QU", name: "Quận ủy Quận 3", kind: .committee)
        if let districtQuota { committee.quota = UnitQuota(yearlyQuotas: [YearFigure(year: 2021, value: districtQuota)]) }
        var units = [committee]
        for (index, row) in table.units.enumerated() {
            units.append(
                Unit(id: UnitID(String(format: "CS-%02d", index + 1)), name: row.name, kind: .grassroots, parentID: "QU",
                     sector: row.sector, quota: table.quota(of: row, membersYear: 2021)))
        }
        return Organisation(units: units)
    }
}
