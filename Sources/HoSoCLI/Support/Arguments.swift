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
