import Foundation

/// The two names of a party unit that a document needs (Hướng dẫn 36-HD/VPTW): the party organisation
/// (đảng bộ), printed above the issuing body as the superior, and the body that issues and receives papers
/// (the committee: đảng ủy, quận ủy…; a cell issues as itself). A unit is stored under one name, either
/// form ("Đảng ủy phường Xuân Hòa", "Đảng bộ cơ sở phường Xuân Hòa"), so both are drawn from it.
public enum PartyBodyName {
    /// Committees named after the level of their organisation: "Quận ủy Quận 3" leads "Đảng bộ Quận 3".
    static let committeeLevels: [(committee: String, organisation: String)] = [
        ("Đảng ủy ", "Đảng bộ "), ("Tỉnh ủy ", "Đảng bộ tỉnh "), ("Thành ủy ", "Đảng bộ thành phố "),
        ("Huyện ủy ", "Đảng bộ huyện "), ("Quận ủy ", "Đảng bộ "), ("Thị ủy ", "Đảng bộ thị xã "),
    ]

    /// "Đảng bộ phường Xuân Hòa" for "Đảng ủy phường Xuân Hòa" or "Đảng bộ cơ sở phường Xuân Hòa"; a cell's name.
    public static func organisation(_ unit: Unit) -> String {
        let name = spelled(unit.name)
        if let rest = drop("Đảng bộ cơ sở ", from: name) { return "Đảng bộ " + rest }
        if let rest = drop("Chi bộ cơ sở ", from: name) { return "Chi bộ " + rest }
        for level in committeeLevels {
            guard let rest = drop(level.committee, from: name) else { continue }
            // "Thành ủy Thành phố Hồ Chí Minh": the level is already in the name.
            let levelWord = String(level.organisation.dropFirst("Đảng bộ ".count))
            return !levelWord.isEmpty && rest.lowercased().hasPrefix(levelWord) ? "Đảng bộ " + rest : level.organisation + rest
        }
        return unit.name
    }

    /// "Đảng ủy phường Xuân Hòa" for an organisation named "Đảng bộ (cơ sở) phường Xuân Hòa"; a committee's
    /// or a cell's own name ("Chi bộ cơ sở X" issues as "Chi bộ X").
    public static func committee(_ unit: Unit) -> String {
        let name = spelled(unit.name)
        if unit.kind != .cell {
            if let rest = drop("Đảng bộ cơ sở ", from: name) ?? drop("Đảng bộ ", from: name) { return "Đảng ủy " + rest }
        }
        if let rest = drop("Chi bộ cơ sở ", from: name) { return "Chi bộ " + rest }
        return unit.name
    }

    /// The name with "uỷ" (the older accent place) written "ủy", as HoSo writes it.
    static func spelled(_ name: String) -> String { name.replacingOccurrences(of: "uỷ", with: "ủy") }

    /// The rest of `name` after `prefix` (its first letter in either case), or nil.
    static func drop(_ prefix: String, from name: String) -> String? {
        guard name.count > prefix.count else { return nil }
        let head = name.prefix(prefix.count)
        guard head == prefix || head.lowercased() == prefix.lowercased() else { return nil }
        return String(name.dropFirst(prefix.count))
    }
}
