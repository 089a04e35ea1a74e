import HoSoDomain
@testable import HoSoStorage
import HoSoTestSupport
import Testing

/// `HistorySeal.sealed`: a save seals the entries it adds, and only those.
@Suite struct HistorySealTests {
    static func file(entries: Int) -> CaseFile {
        var file = Fixtures.newCase()
        for number in 0..<entries {
            file.history.append(HistoryEntry(date: Fixtures.date("2025-03-04"), actor: "Lan", action: "note", summary: "Mục \(number)"))
        }
        return file
    }

    @Test func aHistoryWithoutSealsIsSealedWhole() throws {
        let sealed = HistorySeal.sealed(Self.file(entries: 70))
        #expect(sealed.history.allSatisfy { $0.seal != nil })
        #expect(HistorySeal.firstBrokenEntry(of: sealed) == nil)
    }

    @Test(arguments: [1, 2, 40])
    func theEntriesASaveAddsAreSealedOnTheChainOfThoseBefore(added: Int) throws {
        var file = HistorySeal.sealed(Self.file(entries: 100))
        let before = file.history
        for number in 0..<added {
            file.history.append(HistoryEntry(date: Fixtures.date("2025-03-05"), actor: "Hùng", action: "note", summary: "Mới \(number)"))
        }
        let sealed = HistorySeal.sealed(file)
        #expect(Array(sealed.history.prefix(100)) == Array(before))
        #expect(sealed.history.count == 100 + added)
        #expect(HistorySeal.firstBrokenEntry(of: sealed) == nil)
        // The same entries sealed from scratch carry the same seals: the chain does not depend on how it grew.
        #expect(Array(HistorySeal.sealed(sealed.withoutSeals).history) == Array(sealed.history))
    }

    @Test func aSealRemovedByHandBeforeTheNewEntriesStaysMissing() throws {
        var file = HistorySeal.sealed(Self.file(entries: 10))
        file.history[4].seal = nil
        file.history.append(HistoryEntry(date: Fixtures.date("2025-03-05"), actor: "Hùng", action: "note", summary: "Mới"))
        let sealed = HistorySeal.sealed(file)
        #expect(sealed.history[4].seal == nil)
        #expect(sealed.history[10].seal != nil)
        #expect(HistorySeal.firstBrokenEntry(of: sealed) == 5)
    }
}
