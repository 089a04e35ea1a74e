import Foundation

/// What a unit prints on the documents it issues, as the clerk set it (`hoso units set-letterhead`); every
/// field left nil is drawn from the organisation (`DocumentFrame.make`).
public struct Letterhead: Codable, Sendable, Equatable {
    /// The superior body, top left: "ĐẢNG BỘ PHƯỜNG XUÂN HÒA".
    public var superior: String?
    /// The issuing body under it: "CHI BỘ KHU PHỐ 3".
    public var issuer: String?
    /// The issuing body's sign after the slash of the number: "CB" in "Số 12-BC/CB".
    public var sign: String?
    /// The place of the place and date line: "Xuân Hòa" in "Xuân Hòa, ngày 15 tháng 7 năm 2021".
    public var place: String?
    /// The signature's authority: "T/M CHI ỦY".
    public var authority: String?
    /// The signer's office: "BÍ THƯ".
    public var signerTitle: String?
    /// The signer's name, printed under the space for the signature.
    public var signer: String?
    /// Nơi nhận, one recipient each; empty for the default (the superior body, and the unit's archive).
    public var recipients: [String]

    public init(
        superior: String? = nil, issuer: String? = nil, sign: String? = nil, place: String? = nil, authority: String? = nil,
        signerTitle: String? = nil, signer: String? = nil, recipients: [String] = []
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

    private enum CodingKeys: String, CodingKey {
        case superior, issuer, sign, place, authority, signerTitle, signer, recipients
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            superior: try container.decodeIfPresent(String.self, forKey: .superior),
            issuer: try container.decodeIfPresent(String.self, forKey: .issuer),
            sign: try container.decodeIfPresent(String.self, forKey: .sign),
            place: try container.decodeIfPresent(String.self, forKey: .place),
            authority: try container.decodeIfPresent(String.self, forKey: .authority),
            signerTitle: try container.decodeIfPresent(String.self, forKey: .signerTitle),
            signer: try container.decodeIfPresent(String.self, forKey: .signer),
            recipients: try container.decodeIfPresent([String].self, forKey: .recipients) ?? [])
    }
}

/// The frame of a party document (Hướng dẫn 36-HD/VPTW on the format of party documents): top left the
/// superior body, the issuing body and the number line; top right "ĐẢNG CỘNG SẢN VIỆT NAM" and the place
/// and date; at the end the recipients and the signature block. The renderers print it around the report.
public struct DocumentFrame: Sendable, Equatable {
    public var superior: String?
    public var issuer: String
    /// "Số 12-BC/CB", or "Số    -BC/CB" with room to write the number by hand.
    public var numberLine: String
    /// "Xuân Hòa, ngày 15 tháng 7 năm 2021", or "Ngày 15 tháng 7 năm 2021" without a place.
    public var placeAndDate: String
    public var authority: String
    public var signerTitle: String
    public var signer: String?
    /// Nơi nhận, each printed after "- ", the last ending with ".", the others with ",".
    public var recipients: [String]

    public static let party = "ĐẢNG CỘNG SẢN VIỆT NAM"
    public static let recipientsLabel = "Nơi nhận:"

    public init(
        superior: String?, issuer: String, numberLine: String, placeAndDate: String, authority: String, signerTitle: String,
        signer: String?, recipients: [String]
    ) {
        self.superior = superior
        self.issuer = issuer
        self.numberLine = numberLine
        self.placeAndDate = placeAndDate
        self.authority = authority
        self.signerTitle = signerTitle
        self.signer = signer
        self.recipients = recipients
    }

    /// The frame of a document of `kind` (`BC` a report, `NQ` a resolution, `DS` a list) issued by `unit` on
    /// `date`: its letterhead, and for whatever it leaves unset, the names of the unit and of the unit above
    /// it in `organisation`. `number` nil leaves room for it. Without a unit (several top units), the frame
    /// names `fallbackName`.
    public static func make(
        issuedBy unit: Unit?, in organisation: Organisation, fallbackName: String, date: CivilDate, number: Int? = nil, kind: String = "BC"
    ) -> DocumentFrame {
        let letterhead = unit?.letterhead ?? Letterhead()
        let parent = superiorUnit(of: unit, in: organisation)
        let issuer = letterhead.issuer ?? (unit.map(PartyBodyName.committee) ?? fallbackName)
        let sign = letterhead.sign ?? defaultSign(unit?.kind)
        let day = "ngày \(date.day) tháng \(date.month) năm \(date.year)"
        let place = letterhead.place.flatMap { $0.isEmpty ? nil : $0 }
        let recipients = letterhead.recipients.isEmpty
            ? (parent.map { ["\(PartyBodyName.committee($0)) (để báo cáo)"] } ?? []) + ["Lưu"]
            : letterhead.recipients
        return DocumentFrame(
            superior: (letterhead.superior ?? parent.map(PartyBodyName.organisation)).map { $0.uppercased() },
            issuer: issuer.uppercased(),
            numberLine: "Số " + (number.map(String.init) ?? "    ") + "-" + kind + "/" + sign,
            placeAndDate: place.map { "\($0), \(day)" } ?? day.prefix(1).uppercased() + day.dropFirst(),
            authority: letterhead.authority ?? defaultAuthority(unit?.kind),
            signerTitle: letterhead.signerTitle ?? "BÍ THƯ",
            signer: letterhead.signer,
            recipients: recipients)
    }

    /// The unit above `unit` whose party organisation is printed over the issuing body and receives the
    /// report: a unit above that is the same organisation under its committee's name (a ward's committee
    /// above the ward's grassroots organisation) is passed over.
    static func superiorUnit(of unit: Unit?, in organisation: Organisation) -> Unit? {
        guard let unit else { return nil }
        let own = PartyBodyName.organisation(unit)
        var seen: Set<UnitID> = [unit.id]
        var above = unit.parentID.flatMap { organisation.units[$0] }
        while let candidate = above, PartyBodyName.organisation(candidate) == own {
            guard let next = candidate.parentID, seen.insert(candidate.id).inserted else { return nil }
            above = organisation.units[next]
        }
        return above
    }

    /// A cell signs for its cell committee, a grassroots organisation for its committee, a committee above
    /// the grassroots for its standing committee.
    static func defaultAuthority(_ kind: Unit.Kind?) -> String {
        switch kind {
        case .cell: "T/M CHI ỦY"
        case .grassroots: "T/M ĐẢNG ỦY"
        case .committee, nil: "T/M BAN THƯỜNG VỤ"
        }
    }

    static func defaultSign(_ kind: Unit.Kind?) -> String {
        switch kind {
        case .cell: "CB"
        case .grassroots, .committee, nil: "ĐU"
        }
    }

    /// The recipients as printed: "- A,", …, "- Lưu."
    public var recipientLines: [String] {
        recipients.enumerated().map { index, name in
            "- " + name + (index == recipients.count - 1 ? "." : ",")
        }
    }
}

extension ReportScope {
    /// The unit a report is issued by: the chosen unit; else the only top unit, or, while that unit has a
    /// single unit under it, the one below (a cell's own data holds the committee above it only as its
    /// parent: the cell issues its reports).
    public var issuer: Unit? {
        if let root { return root }
        guard var unit = onlyTopUnit else { return nil }
        var seen: Set<UnitID> = [unit.id]
        while true {
            let below = children(of: unit.id)
            guard below.count == 1, let only = below.first, seen.insert(only.id).inserted else { return unit }
            unit = only
        }
    }

    /// The frame of a report drawn up over this scope.
    public func frame(number: Int? = nil) -> DocumentFrame {
        DocumentFrame.make(issuedBy: issuer, in: organisation, fallbackName: title, date: today, number: number)
    }
}
