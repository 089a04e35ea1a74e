import ArgumentParser
import HoSoDomain

extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }

    public static var defaultValueDescription: String { "YYYY-MM-DD hoặc dd/mm/yyyy" }
}

extension CaseState: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Event.Kind: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension EducationLevel: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Person.Sex: ExpressibleByArgument {
    /// What the help and a refusal offer (male/female and m/f are accepted too).
    public static var allValueStrings: [String] { ["nam", "nu"] }

    public init?(argument: String) {
        switch VietnameseText.folded(argument) {
        case "male", "nam", "m": self = .male
        case "female", "nu", "f": self = .female
        default: return nil
        }
    }
}

extension NominationSource: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension RevocationKind: ExpressibleByArgument {}
extension VerificationItem.Relation: ExpressibleByArgument {}
extension VerificationItem.Result: ExpressibleByArgument {}
extension VerificationItem.Method: ExpressibleByArgument {}
extension UnionResolution.Body: ExpressibleByArgument {}
extension Opinion.Source: ExpressibleByArgument {}
extension DocumentKind: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
extension Member.Status: ExpressibleByArgument {}
extension HoSoDomain.Unit.Kind: ExpressibleByArgument {}

/// A date typed on the command line, checked when the command runs so that a day that does not
/// exist gets a Vietnamese message and exit code 1, like every other bad input.
struct DateInput: ExpressibleByArgument, Sendable {
    let text: String

    init?(argument: String) { text = argument }

    static var defaultValueDescription: String { "YYYY-MM-DD hoặc dd/mm/yyyy" }

    func resolve(_ option: String) throws -> CivilDate {
        do throws(DateInputProblem) {
            return try CivilDate.typed(text)
        } catch {
            throw Failure.error("Ngày \"\(error.typed)\" (\(option)) \(error.reason)")
        }
    }
}

extension Optional where Wrapped == DateInput {
    func resolve(_ option: String) throws -> CivilDate? { try self?.resolve(option) }
}

extension Role: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
