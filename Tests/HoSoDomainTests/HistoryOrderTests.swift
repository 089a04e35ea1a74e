import HoSoDomain
import HoSoTestSupport
import Testing

/// The invariant that a file's history is in the order of its dates, wherever in a long history (read
/// as stored, or grown by saves since) the first pair out of order lies.
@Suite struct HistoryOrderTests {
    /// A file whose history holds `count` entries a day apart, decoded as one list of `decoded` entries
    /// and grown by the rest; the entry at `early` (if any) dated before the one preceding it.
    static func file(count: Int, decoded: Int, early: Int?) -> CaseFile {
        var file = Fixtures.newCase()
        let start = Fixtures.date("2024-02-01")
        let entries = (0..<count).map { number in
            HistoryEntry(date: number == early ? start : start.adding(days: number), actor: "Lan", action: "note", summary: "Mục \(number)")
        }
        file.history = AppendList(Array(entries.prefix(decoded)))
        for entry in entries.dropFirst(decoded) { file.history.append(entry) }
        return file
    }

    static func orderProblems(_ file: CaseFile) -> [String] {
        CaseInvariants.problems(in: file).filter { $0.contains("lịch sử không theo thứ tự thời gian") }
    }

    @Test(arguments: [(200, 0), (200, 200), (200, 20), (0, 200)])
    func aHistoryInOrderHasNoBreach(decoded: Int, appended: Int) {
        #expect(Self.orderProblems(Self.file(count: decoded + appended, decoded: decoded, early: nil)) == [])
    }

    @Test(arguments: [(120, 5), (120, 119), (20, 21), (20, 52), (20, 53), (20, 199)])
    func theFirstEntryOutOfOrderIsNamedWithTheOneBeforeIt(decoded: Int, early: Int) {
        let file = Self.file(count: 200, decoded: decoded, early: early)
        let earlier = file.history[early - 1]
        #expect(Self.orderProblems(file) == [
            "Hồ sơ HS-0001: lịch sử không theo thứ tự thời gian: \"Mục \(early)\" ngày 01/02/2024 "
                + "ghi sau \"Mục \(early - 1)\" ngày \(earlier.date).",
        ])
    }
}
