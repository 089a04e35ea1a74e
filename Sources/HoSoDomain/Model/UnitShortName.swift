import Foundation

/// A unit's short name ("KP3" for "Chi bộ Khu phố 3"): what a narrow column shows so that cells whose long
/// names start alike can still be told apart. Set by the clerk, or derived from the name when not set.
public enum UnitShortName {
    /// The longest short name a clerk may set, in characters: it must fit the list's narrow unit column.
    public static let longest = 10

    /// The kind a cell's name starts with, which the column's title ("Chi bộ") already says.
    static let cellKinds = ["chi bộ "]

    /// The short form of `unit`'s name: for a cell, the initials of what follows "Chi bộ"; for other units,
    /// of the whole name. Numbers and acronyms are kept whole: "Chi bộ Khu phố 3" → "KP3",
    /// "Chi bộ Trường THCS Lê Lợi" → "T THCS LL", "Đảng ủy phường Xuân Hòa" → "ĐUPXH", and a name of
    /// several parts keeps each apart: "Chi bộ Khu phố 1, phường 2" → "KP1 P2". Empty for an empty name.
    public static func derived(from unit: Unit) -> String {
        var name = VietnameseText.normalized(unit.name)
        if unit.kind == .cell, let kind = cellKinds.first(where: { name.lowercased().hasPrefix($0) }) {
            name = String(name.dropFirst(kind.count))
        }
        var groups: [String] = []
        for part in name.split(separator: ",") {
            var initials = ""
            for word in part.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                if word.first?.isNumber == true {
                    initials += word
                } else if isAcronym(word) {
                    if !initials.isEmpty { groups.append(initials) }
                    initials = ""
                    groups.append(String(word))
                } else if let first = word.first {
                    initials += initial(first)
                }
            }
            if !initials.isEmpty { groups.append(initials) }
        }
        return groups.joined(separator: " ")
    }

    /// "THCS", "UBND": two letters or more, none of them lowercase.
    private static func isAcronym(_ word: Substring) -> Bool {
        word.count >= 2 && word.contains(where: \.isLetter) && !word.contains(where: \.isLowercase)
    }

    /// The capital a word is abbreviated by, without its tone or vowel marks as abbreviations are written
    /// ("Ủy" → "U"), but Đ kept ("Đảng" → "Đ").
    private static func initial(_ letter: Character) -> String {
        if letter == "đ" || letter == "Đ" { return "Đ" }
        guard let base = String(letter).decomposedStringWithCanonicalMapping.unicodeScalars.first else { return "" }
        return String(Character(base)).uppercased()
    }

    /// What is wrong with `text` as the short name of `unit` among the units of `organisation` (empty: it may
    /// be written). An empty text is fine: it returns the unit to its derived short name.
    public static func problems(_ text: String, for unit: Unit, in organisation: Organisation) -> [String] {
        let name = cleaned(text)
        guard !name.isEmpty else { return [] }
        var problems: [String] = []
        if !VietnameseText.controlCharacters(in: text).isEmpty { problems.append(VietnameseText.controlCharacterRefusal) }
        if name.count > longest {
            problems.append(
                "Tên ngắn dài quá \(longest) ký tự (\"\(VietnameseText.sanitizedForDisplay(name))\" có \(name.count) ký tự). "
                    + "Chưa ghi gì. Tên ngắn để phân biệt đơn vị khi màn hình hẹp, ví dụ \"KP3\" cho Chi bộ Khu phố 3.")
        }
        let folded = VietnameseText.folded(name)
        let shown = organisation.shortNames
        let clash = organisation.sortedUnits.first { other in
            other.id != unit.id && shown[other.id].map(VietnameseText.folded) == folded
        }
        if let other = clash {
            let how = other.shortName == nil ? "tự đặt theo tên đơn vị" : "đã ghi"
            problems.append(
                "Tên ngắn \"\(VietnameseText.sanitizedForDisplay(name))\" trùng với tên ngắn của "
                    + "\(VietnameseText.sanitizedForDisplay(other.name)) (\(other.id.rawValue), \(how)). "
                    + "Chưa ghi gì. Hãy chọn tên ngắn khác (không phân biệt chữ hoa, chữ thường và dấu).")
        }
        return problems
    }

    /// The short names stored that HoSo would refuse to write (edited outside it): too long, with control
    /// characters, or another unit's, each said once with the command that mends it; for `hoso check`.
    public static func storedProblems(in organisation: Organisation) -> [String] {
        var problems: [String] = []
        var holders: [String: Unit] = [:]
        for unit in organisation.sortedUnits {
            guard let stored = unit.shortName else { continue }
            var found: [String] = []
            if !VietnameseText.controlCharacters(in: stored).isEmpty { found.append("có ký tự điều khiển") }
            if stored.count > longest { found.append("dài quá \(longest) ký tự") }
            let folded = VietnameseText.folded(stored)
            if let holder = holders[folded] {
                found.append("trùng với tên ngắn của \(VietnameseText.sanitizedForDisplay(holder.name)) (\(holder.id.rawValue)); màn hình ghi tên ngắn tự đặt (hoặc mã đơn vị) thay cho nó")
            } else {
                holders[folded] = unit
            }
            guard !found.isEmpty else { continue }
            problems.append(
                "Đơn vị \(unit.id.rawValue): tên ngắn \"\(VietnameseText.sanitizedForDisplay(stored))\" \(found.joined(separator: ", ")). "
                    + "Sửa bằng: hoso units set-short-name \(unit.id.rawValue) TÊN_NGẮN")
        }
        return problems
    }

    /// How a saved short name is told back: "tên ngắn "KP3"", or that it is derived from the name again.
    public static func described(_ unit: Unit) -> String {
        unit.shortName.map { "tên ngắn \"\(VietnameseText.sanitizedForDisplay($0))\"" } ?? "tên ngắn tự đặt theo tên đơn vị"
    }

    /// The text as stored: NFC, without spaces at either end.
    static func cleaned(_ text: String) -> String {
        VietnameseText.normalized(text.trimmingCharactersInSet(" \t"))
    }
}

extension Organisation {
    /// The short name each unit is shown by: the one set, else the derived one, else (when the derived one is
    /// empty or another unit already shows it) the unit's id, which is unique, so no two units read alike.
    public var shortNames: [UnitID: String] {
        var result: [UnitID: String] = [:]
        var taken: Set<String> = []
        let units = sortedUnits
        // A short name written twice outside HoSo (`hoso check` says so) stays with the first unit only.
        for unit in units {
            guard let set = unit.shortName, !set.isEmpty, taken.insert(VietnameseText.folded(set)).inserted else { continue }
            result[unit.id] = set
        }
        for unit in units where result[unit.id] == nil {
            let derived = UnitShortName.derived(from: unit)
            let free = !derived.isEmpty && taken.insert(VietnameseText.folded(derived)).inserted
            result[unit.id] = free ? derived : unit.id.rawValue
        }
        return result
    }
}
