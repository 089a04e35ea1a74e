/// A change of a unit's settings, as a clerk asks it from the CLI (`hoso units set-counts`,
/// `hoso units set-letterhead`, `hoso units set-short-name`) or the TUI's units screen: both send it to the
/// same service, and what may be written is decided here, once.
public enum UnitChange: Sendable, Equatable {
    case counts(UnitCountsChange)
    case letterhead(LetterheadChange)
    /// The short name a narrow column shows; an empty text returns to the one derived from the name.
    case shortName(String)
    /// Several changes of the same unit, all written or none (the TUI's form of the unit's names).
    case together([UnitChange])

    /// `unit` with the change applied, or every problem with it (`today`: nothing is dated after it;
    /// `organisation`: the units a short name must differ from).
    public func applied(to unit: Unit, in organisation: Organisation, today: CivilDate?) throws(WorkflowError) -> Unit {
        switch self {
        case .counts(let change): return try change.applied(to: unit, today: today)
        case .letterhead(let change):
            var changed = unit
            changed.letterhead = try change.applied(to: unit.letterhead)
            return changed
        case .shortName(let text):
            let problems = UnitShortName.problems(text, for: unit, in: organisation)
            guard problems.isEmpty else { throw .invalidInput(problems) }
            var changed = unit
            let name = UnitShortName.cleaned(text)
            changed.shortName = name.isEmpty ? nil : name
            return changed
        case .together(let changes):
            var changed = unit
            var problems: [String] = []
            for change in changes {
                do throws(WorkflowError) {
                    changed = try change.applied(to: changed, in: organisation, today: today)
                } catch {
                    guard case .invalidInput(let lines) = error else { throw error }
                    problems += lines
                }
            }
            guard problems.isEmpty else { throw .invalidInput(problems) }
            return changed
        }
    }
}

/// New member and committee counts of a unit from a day on; a count left nil keeps the one valid that day.
public struct UnitCountsChange: Sendable, Equatable {
    public var official: Int?
    public var probationary: Int?
    public var attachedElsewhere: Int?
    public var exempt: Int?
    /// Members of the committee that votes on admissions (đảng ủy cơ sở).
    public var committee: Int?
    /// The first day the counts hold.
    public var since: CivilDate

    public init(
        official: Int? = nil, probationary: Int? = nil, attachedElsewhere: Int? = nil, exempt: Int? = nil,
        committee: Int? = nil, since: CivilDate
    ) {
        self.official = official
        self.probationary = probationary
        self.attachedElsewhere = attachedElsewhere
        self.exempt = exempt
        self.committee = committee
        self.since = since
    }

    /// `unit` with the counts changed from `since` on (kept with the earlier ones), or what is wrong.
    public func applied(to unit: Unit, today: CivilDate?) throws(WorkflowError) -> Unit {
        var problems: [String] = []
        if [official, probationary, attachedElsewhere, exempt, committee].allSatisfy({ $0 == nil }) {
            problems.append("Chưa có số nào để ghi.")
        }
        if let refusal = DateOrder.futureRefusal(since, today: today) { problems.append(refusal) }
        let (valid, validCommittee) = unit.counts(on: since)
        let counts = MemberCounts(
            official: official ?? valid.official, probationary: probationary ?? valid.probationary,
            attachedElsewhere: attachedElsewhere ?? valid.attachedElsewhere, exempt: exempt ?? valid.exempt)
        problems += counts.problems
        let newCommittee = committee ?? validCommittee
        if newCommittee < 0 { problems.append("Số ủy viên đảng ủy không được âm.") }
        guard problems.isEmpty else { throw .invalidInput(problems) }
        return unit.settingCounts(counts, committee: newCommittee, from: since)
    }
}

/// What to change in a unit's letterhead: a field left nil stays as it is, an empty text returns it to
/// the default drawn from the organisation; `recipients` nil keeps the list, empty returns to the default.
public struct LetterheadChange: Sendable, Equatable {
    public var superior: String?
    public var issuer: String?
    public var sign: String?
    public var place: String?
    public var authority: String?
    public var signerTitle: String?
    public var signer: String?
    public var recipients: [String]?

    public init(
        superior: String? = nil, issuer: String? = nil, sign: String? = nil, place: String? = nil,
        authority: String? = nil, signerTitle: String? = nil, signer: String? = nil, recipients: [String]? = nil
    ) {
        self.superior = superior
        self.issuer = issuer
        self.sign = sign
        self.place = place
        self.authority = authority
        self.signerTitle = signerTitle
        self.signer = signer
        self.recipients = recipients
    }

    /// The longest text a field takes: one line of the letterhead.
    public static let longest = VietnameseText.longestLine

    /// Every text of the change, recipients included.
    var texts: [String] {
        [superior, issuer, sign, place, authority, signerTitle, signer].compactMap { $0 } + (recipients ?? [])
    }

    /// Whether the change changes nothing at all.
    public var isEmpty: Bool { texts.isEmpty && recipients == nil }

    /// `letterhead` with the change applied (nil when every field is back to its default), or what is wrong:
    /// a control character, or a text longer than a line.
    public func applied(to letterhead: Letterhead?) throws(WorkflowError) -> Letterhead? {
        var problems: [String] = []
        if isEmpty { problems.append("Chưa có gì để ghi.") }
        if texts.contains(where: { !VietnameseText.controlCharacters(in: $0).isEmpty }) {
            problems.append(VietnameseText.controlCharacterRefusal)
        }
        if let refusal = VietnameseText.lengthRefusal(texts, longest: Self.longest) { problems.append(refusal) }
        guard problems.isEmpty else { throw .invalidInput(problems) }
        var result = letterhead ?? Letterhead()
        func cleaned(_ text: String) -> String { VietnameseText.normalized(text.trimmingCharactersInSet(" \t")) }
        func set(_ field: WritableKeyPath<Letterhead, String?>, _ value: String?) {
            guard let value else { return }
            let text = cleaned(value)
            result[keyPath: field] = text.isEmpty ? nil : text
        }
        set(\.superior, superior)
        set(\.issuer, issuer)
        set(\.sign, sign)
        set(\.place, place)
        set(\.authority, authority)
        set(\.signerTitle, signerTitle)
        set(\.signer, signer)
        if let recipients { result.recipients = recipients.map(cleaned).filter { !$0.isEmpty } }
        return result == Letterhead() ? nil : result
    }
}
