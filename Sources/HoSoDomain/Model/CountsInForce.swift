/// The counts of a unit a vote on a given day is judged by, where they come from, and whether the members
/// recorded one by one (`hoso member add`) agree with them: the 2/3 rests on the counts the clerk declared,
/// and a clerk who also keeps members as records must see which figure was used when the two differ.
public struct CountsInForce: Sendable, Equatable {
    public var unitID: UnitID
    /// The day the counts are asked for (the vote's).
    public var day: CivilDate
    public var members: MemberCounts
    public var committee: Int
    /// The first day of the dated entry used; nil for the counts given when the data was created.
    public var since: CivilDate?
    /// Official members of the unit recorded as records on `day`; nil when none is recorded.
    public var recordedOfficial: Int?

    /// "số đã khai từ ngày 01/07/2025" or "số đã khai khi lập dữ liệu".
    public var origin: String {
        since.map { "số đã khai từ ngày \($0)" } ?? "số đã khai khi lập dữ liệu"
    }

    /// Says that the members recorded one by one are not as many official members as the counts say, with
    /// the command that makes the counts theirs; nil when they agree or none is recorded.
    public var recordedMismatch: String? {
        guard let recorded = recordedOfficial, recorded != members.official else { return nil }
        return "danh sách đảng viên đã ghi trong HoSo có \(recorded) đảng viên chính thức của đơn vị tại ngày \(day), "
            + "khác \(origin) (\(members.official)); HoSo tính theo số đã khai. Nếu số đã khai cũ, sửa bằng: "
            + "hoso units set-counts \(unitID) --official \(recorded) --date \(day.iso)"
    }

    /// The base of the cell's 2/3 and where it comes from, for a requirement's detail.
    public var cellBasis: String {
        var deducted: [String] = []
        if members.attachedElsewhere > 0 { deducted.append("\(members.attachedElsewhere) sinh hoạt tạm thời nơi khác") }
        if members.exempt > 0 { deducted.append("người miễn sinh hoạt vắng mặt") }
        return "tính trên \(members.official) đảng viên chính thức theo \(origin)"
            + (deducted.isEmpty ? "" : ", trừ " + deducted.joined(separator: " và "))
            + (recordedMismatch.map { "; \($0)" } ?? "")
    }

    /// The base of the committee's 2/3 and where it comes from.
    public var committeeBasis: String { "tính trên \(committee) ủy viên đảng ủy theo \(origin)" }
}

extension Unit {
    /// The counts valid on `day` with their origin, beside the official members of this unit recorded among `members`.
    public func countsInForce(on day: CivilDate, members: some Sequence<Member>) -> CountsInForce {
        let entry = countHistory.last { ($0.since ?? day) <= day }
        let (counts, committee) = counts(on: day)
        let recorded = members.filter { $0.unitID == id && $0.isOfficial(on: day) }.count
        return CountsInForce(
            unitID: id, day: day, members: counts, committee: committee, since: entry?.since,
            recordedOfficial: recorded > 0 ? recorded : nil)
    }
}
