import Foundation
import HoSoDomain

/// The unit's optional settings files beside the store: `rules.json` (rule overrides) and
/// `holidays.json` (days the government moves). A bad file is an error that names it; it is never ignored.
enum SettingsFiles {
    static func rulebook(in directory: String) throws(RepositoryError) -> Rulebook {
        let path = directory + "/rules.json"
        return try rulebook(from: FileManager.default.contents(atPath: path), place: path)
    }

    /// The rulebook of a `rules.json` text read from `place` (a path, or a server's settings row).
    static func rulebook(from data: Data?, place path: String) throws(RepositoryError) -> Rulebook {
        guard let data else { return .standard }
        let object: [String: JSONValue]
        do {
            object = try JSONDecoder().decode([String: JSONValue].self, from: data)
        } catch {
            throw RepositoryError(
                message: "Tệp \(path) không phải một đối tượng JSON hợp lệ. Hãy sửa tệp (dạng {\"documentValidityMonths\": 12}) "
                    + "hoặc xóa nó để dùng giá trị mặc định.")
        }
        var values: [String: Int] = [:]
        var wrongTypes: [String] = []
        for (key, value) in object {
            if case .number(let number) = value, let integer = Int(exactly: number) {
                values[key] = integer
            } else {
                wrongTypes.append("Tham số \(key) phải là số nguyên (đang là \(describe(value))).")
            }
        }
        do throws(RuleOverrideError) {
            let rulebook = try Rulebook.standard.overriding(values)
            guard wrongTypes.isEmpty else { throw RuleOverrideError(problems: wrongTypes.sorted()) }
            return rulebook
        } catch {
            throw RepositoryError(
                message: RuleOverrideError(problems: wrongTypes.sorted() + error.problems).message
                    .replacingOccurrences(of: "(rules.json)", with: "(\(path))"))
        }
    }

    static func calendar(in directory: String) throws(RepositoryError) -> WorkingCalendar {
        let path = directory + "/holidays.json"
        return try calendar(from: FileManager.default.contents(atPath: path), place: path)
    }

    /// The calendar of a `holidays.json` text read from `place`.
    static func calendar(from data: Data?, place path: String) throws(RepositoryError) -> WorkingCalendar {
        guard let data else { return WorkingCalendar() }
        let overrides: HolidayOverrides
        do {
            overrides = try JSONDecoder().decode(HolidayOverrides.self, from: data)
        } catch let error as DecodingError {
            throw RepositoryError(message: "Tệp \(path) không hợp lệ: \(DecodingErrorText.describe(error)). Hãy sửa hoặc xóa tệp.")
        } catch {
            throw RepositoryError(message: "Tệp \(path) không phải JSON hợp lệ. Hãy sửa hoặc xóa tệp.")
        }
        let problems = overrides.validate()
        guard problems.isEmpty else {
            throw RepositoryError(message: "Tệp \(path) không hợp lệ:\n" + problems.map { "  • \($0)" }.joined(separator: "\n"))
        }
        return WorkingCalendar(overrides: overrides)
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): "chuỗi \"\(text)\""
        case .bool: "true/false"
        case .number(let number): "số \(number)"
        case .array: "danh sách"
        case .null: "null"
        case .object: "đối tượng"
        }
    }
}

/// Where a JSON file is wrong, in words: the path of keys and what was expected.
enum DecodingErrorText {
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "gốc" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(_, let context): return "sai kiểu dữ liệu tại \(path(context.codingPath))"
        case .valueNotFound(_, let context): return "thiếu giá trị tại \(path(context.codingPath))"
        case .keyNotFound(let key, let context): return "thiếu trường \"\(key.stringValue)\" tại \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return "dữ liệu hỏng tại \(path(context.codingPath))" + (context.debugDescription.hasPrefix("Ngày") ? " (\(context.debugDescription))" : "")
        @unknown default: return "không đọc được"
        }
    }
}
