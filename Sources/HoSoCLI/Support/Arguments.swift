import ArgumentParser
import HoSoDomain

extension CivilDate: @retroactive ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }

    public static var defaultValueDescription: String { "YYYY-MM-DD hoặc dd/mm/yyyy" }
}

extension CaseState: @retroactive ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Event.Kind: @retroactive ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension EducationLevel: @retroactive ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Person.Sex: @retroactive ExpressibleByArgument {
    public init?(argument: String) {
        switch VietnameseText.folded(argument) {
        case "male", "nam", "m": self = .male
        case "female", "nu", "f": self = .female
        default: return nil
        }
    }
}

extension NominationSource: @retroactive ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension RevocationKind: @retroactive ExpressibleByArgument {}
extension VerificationItem.Relation: @retroactive ExpressibleByArgument {}
extension VerificationItem.Result: @retroactive ExpressibleByArgument {}
extension VerificationItem.Method: @retroactive ExpressibleByArgument {}
extension UnionResolution.Body: @retroactive ExpressibleByArgument {}
extension Opinion.Source: @retroactive ExpressibleByArgument {}
extension DocumentKind: @retroactive ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
extension Member.Status: @retroactive ExpressibleByArgument {}
