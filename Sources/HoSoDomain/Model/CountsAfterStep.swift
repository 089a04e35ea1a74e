/// The member counts a clerk is offered after a step that changes them: the ceremony makes a probationary
/// member (the probation counts from it, Charter art. 5), the recognition an official member from the end of
/// the probation (QĐ 29-QĐ/TW, mục 4). The counts are declared, not derived from the files, so HoSo asks:
/// the CLI names the command, the TUI offers to record it.
public struct CountsAfterStep: Sendable, Equatable {
    public var unitID: UnitID
    public var unitName: String
    /// The counts valid on the change's day before it.
    public var before: MemberCounts
    /// The counts from `change.since` on, every count stated.
    public var change: UnitCountsChange
    /// What happened, e.g. "HS-0003 Dương Thanh Ánh là đảng viên dự bị từ ngày 01/02/2026".
    public var reason: String

    /// The offer after `step` on `file` (as saved), or nil for a step that changes no count.
    public static func after(_ step: Event.Kind, file: CaseFile, unit: Unit) -> CountsAfterStep? {
        let day: CivilDate
        let status: String
        switch step {
        case .holdCeremony:
            guard let ceremony = file.ceremony else { return nil }
            day = ceremony
            status = "đảng viên dự bị"
        case .recognize:
            guard let since = file.officialSince ?? file.recognitionDecision?.date else { return nil }
            day = since
            status = "đảng viên chính thức"
        default:
            return nil
        }
        let (before, committee) = unit.counts(on: day)
        var after = before
        if step == .holdCeremony {
            after.probationary += 1
        } else {
            after.official += 1
            after.probationary = max(0, after.probationary - 1)
        }
        return CountsAfterStep(
            unitID: unit.id, unitName: unit.name, before: before,
            change: UnitCountsChange(
                official: after.official, probationary: after.probationary, attachedElsewhere: after.attachedElsewhere,
                exempt: after.exempt, committee: committee, since: day),
            reason: "\(file.id) \(file.person.fullName) là \(status) từ ngày \(day)")
    }

    /// "chính thức 8 → 9, dự bị 1 → 0, từ ngày 01/03/2026": only the counts that change.
    public var summary: String {
        var parts: [String] = []
        if let official = change.official, official != before.official { parts.append("chính thức \(before.official) → \(official)") }
        if let probationary = change.probationary, probationary != before.probationary {
            parts.append("dự bị \(before.probationary) → \(probationary)")
        }
        return parts.joined(separator: ", ") + ", từ ngày \(change.since)"
    }

    /// The command that records it, with the counts that change.
    public var command: String {
        var text = "hoso units set-counts \(unitID)"
        if let official = change.official, official != before.official { text += " --official \(official)" }
        if let probationary = change.probationary, probationary != before.probationary { text += " --probationary \(probationary)" }
        return text + " --date \(change.since.iso)"
    }

    /// The lines the CLI prints after the step.
    public var advice: [String] {
        [
            "\(reason): số đảng viên của \(unitName) có thể đã đổi (\(summary)).",
            "Nếu số đã khai chưa tính người này, ghi bằng: \(command)",
        ]
    }
}
