import HoSoDomain

/// The domain's invariants over every stored file; `hoso check` reports any breach.
enum WorkflowInvariants {
    static func problems(in cases: [CaseFile], organisation: Organisation) -> [String] {
        cases.flatMap { CaseInvariants.problems(in: $0, unitExists: organisation.units[$0.unitID] != nil) }
    }
}
