import Foundation
import HoSoDomain
@testable import HoSoJournal
@testable import HoSoStorage
import HoSoTestSupport
import Testing

/// The journal's writer must give exactly the bytes Foundation's encoder gives (the hash covers them, and
/// readers rely on sorted keys and escapes), or refuse so that Foundation's encoder writes the entry.
@Suite struct CanonicalJSONTests {
    static func foundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static func entry(_ id: String, _ value: StoredItem?, revisionBefore: Int? = nil) -> JournalEntry<StoredItem> {
        JournalEntry(
            seq: 42, time: "2026-11-23T12:05:43Z", actor: "Nguyễn Thị Lan (lan)",
            changes: [JournalChange(id: id, revisionBefore: revisionBefore, revision: (revisionBefore ?? 0) + 1, summary: "Thêm nhận xét / \"tháng\" 11", value: value)],
            prevHash: JournalLine.genesisHash)
    }

    @Test func everyRecordOfTheDemoIsWrittenAsFoundationWritesIt() throws {
        let demo = DemoOrganisation.generate(caseCount: 400, seed: 11, today: CivilDate(year: 2026, month: 11, day: 23)!)
        var items = demo.units.map(StoredItem.unit) + demo.members.map(StoredItem.member)
        items += demo.cases.map { StoredItem.caseFile(HistorySeal.sealed($0)) }
        items.append(.account(Account(
            id: "lan", fullName: "Nguyễn Thị Lan", systemUser: "lan", memberID: demo.members.first?.id,
            grants: [RoleGrant(.clerk, in: demo.units[0].id), RoleGrant(.viewer, in: demo.units[1].id)],
            passphrase: PassphraseHash(algorithm: "scrypt", cost: 16_384, blockSize: 8, parallelism: 1, salt: "c2FsdA==", key: "a2V5/w=="))))
        var compared = 0
        for (position, item) in items.enumerated() {
            let entry = Self.entry(item.storageID, item, revisionBefore: position.isMultiple(of: 3) ? nil : position)
            let fast = try #require(CanonicalJSON.encode(entry), "refused record \(position)")
            #expect(fast == (try Self.foundation(entry)), "record \(position)")
            compared += 1
        }
        #expect(compared == items.count && compared > 400)
        // A removal (restore) has no value at all.
        let removal = Self.entry("case/HS-0001", nil, revisionBefore: 7)
        #expect(CanonicalJSON.encode(removal) == (try Self.foundation(removal)))
    }

    /// A save's journal line carries a patch (the fields set, cleared, appended): the writer takes it too,
    /// or every save would fall back to Foundation's encoder.
    @Test func aPatchOfEveryKindIsWrittenAsFoundationWritesIt() throws {
        let day = CivilDate(year: 2026, month: 11, day: 23)!
        let demo = DemoOrganisation.generate(caseCount: 40, seed: 5, today: day)
        var compared = 0
        for (position, old) in demo.cases.enumerated() {
            var new = old
            switch position % 3 {
            case 0:
                new.notes.append(ProgressNote(date: day, author: "Hùng", text: "Nhận xét \"tháng\" 11 / \(position)"))
                new.history.append(HistoryEntry(date: day, actor: "Hùng", action: "note", summary: "Thêm nhận xét"))
            case 1:
                new.person.occupation = "Kế toán trưởng \(position)"
                new.certificate = nil
                new.tasks.append(CaseTask(given: day, text: "Đọc Điều lệ Đảng"))
            default:
                new.person.homeAddress = "Số \(position), phố Huế"
            }
            let patch = try #require(StoredItem.caseFile(new).patch(from: .caseFile(old)))
            let entry = JournalEntry<StoredItem>(
                seq: 9, time: "2026-11-23T12:05:43Z", actor: "lan",
                changes: [JournalChange(id: "case/\(old.id)", revisionBefore: 3, revision: 4, summary: "Sửa", value: nil, patch: patch)],
                prevHash: JournalLine.genesisHash)
            let fast = try #require(CanonicalJSON.encode(entry), "patch \(position) refused")
            #expect(fast == (try Self.foundation(entry)), "patch \(position)")
            compared += 1
        }
        #expect(compared == 40)
    }

    struct Everything: Codable {
        var text: String
        var number: Int
        var small: Int8
        var negative: Int64
        var huge: UInt64
        var unsigned: UInt16
        var flag: Bool
        var off: Bool
        var absent: String?
        var present: Int?
        var list: [String]
        var grid: [[Int]]
        var holes: [Int?]
        var map: [String: Int]
        var numbered: [Int: String]
        var nothing: [String]
        var empty: [String: Bool]
        var inner: Inner

        struct Inner: Codable { var only: String? }
    }

    static var awkwardStrings: [String] {
        let control = String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self)
        return [
            control, "", "\"", "\\", "/", "a/b\\c\"d", "\u{7F}", "\u{2028}\u{2029}", "🇻🇳 👩🏽‍💻",
            "Nguyễn Thị Ánh", "Nguye\u{302}\u{303}n Thi\u{323} A\u{301}nh", "tab\there\nnewline\r\u{0C}\u{08}\u{0}",
        ]
    }

    @Test(arguments: awkwardStrings)
    func stringsIntegersAndContainersAreWrittenAsFoundationWritesThem(_ text: String) throws {
        var map = ["B": 2, "a": 3, "aa": 4, "a10": 5, "a2": 6, "Z": 7, "é": 8, "\"q": 9, "": 10, "z\u{1}": 11]
        map[text] = 1
        let value = Everything(
            text: text, number: Int.min, small: Int8.min, negative: -1, huge: UInt64.max, unsigned: 9, flag: true, off: false,
            absent: nil, present: 10, list: [text, "x", text], grid: [[], [0, Int.max], [-10]], holes: [nil, 1, nil],
            map: map,
            numbered: [10: text, 2: "b", -1: "c"], nothing: [], empty: [:], inner: Everything.Inner(only: nil))
        let fast = try #require(CanonicalJSON.encode(value))
        #expect(fast == (try Self.foundation(value)), "\(String(decoding: fast, as: UTF8.self))")
        // The journal's layout needs one line per entry and no zero byte: both are escaped.
        #expect(!fast.contains(0x0A) && !fast.contains(0))
        #expect(CanonicalJSON.encode(text) == (try Self.foundation(text)))
    }

    /// Strings are scanned eight bytes at a time: an escape at any place of a word, or in a short tail.
    @Test func anEscapeAnywhereInAStringOfAnyLength() throws {
        var strings: [String] = []
        for length in 0..<27 {
            for special in ["\"", "\\", "\n", "\u{1F}", "\u{0}", "ư", "/"] {
                for position in 0..<max(length, 1) {
                    var characters = Array(repeating: "a", count: length)
                    if position < length { characters[position] = special }
                    strings.append(characters.joined())
                }
            }
        }
        strings.append(String(repeating: "Nguyễn Thị Ánh — \"Đạt\"\t", count: 40))
        #expect(CanonicalJSON.encode(strings) == (try Self.foundation(strings)))
    }

    @Test func integersOfEveryWidthAndSize() throws {
        let values: [Int64] = [0, 1, 9, 10, 99, 100, -9, -10, 1_000_000_007, Int64.min, Int64.max, Int64(Int32.min) - 1]
        #expect(CanonicalJSON.encode(values) == (try Self.foundation(values)))
        let unsigned: [UInt64] = [0, 7, UInt64(Int64.max) + 1, UInt64.max]
        #expect(CanonicalJSON.encode(unsigned) == (try Self.foundation(unsigned)))
        let small: [Int16] = [Int16.min, -1, 0, Int16.max]
        #expect(CanonicalJSON.encode(small) == (try Self.foundation(small)))
        let bytes: [UInt8] = [0, 255]
        #expect(CanonicalJSON.encode(bytes) == (try Self.foundation(bytes)))
    }

    /// Encodes through a keyed container with the keys it is given, in that order.
    struct Keys: Encodable {
        struct Key: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }
        let keys: [String]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (position, key) in keys.enumerated() { try container.encode(position, forKey: Key(stringValue: key)) }
        }
    }

    @Test func keysAreSortedByTheirBytesWhateverTheOrderTheyComeIn() throws {
        let keys = ["revisionBefore", "revision", "rev", "Zeta", "alpha", "alphabet", "alphabets", "alphabet1", "b\"q", "b\\q", "tab\t", "é", "ẽ", "ê"]
        for rotation in 0..<keys.count {
            let value = Keys(keys: Array(keys[rotation...] + keys[..<rotation]))
            let fast = try #require(CanonicalJSON.encode(value))
            #expect(fast == (try Self.foundation(value)), "\(String(decoding: fast, as: UTF8.self))")
        }
        #expect(CanonicalJSON.encode(Keys(keys: [])) == Array("{}".utf8))
    }

    @Test func aKeyWrittenTwiceIsLeftToFoundation() {
        #expect(CanonicalJSON.encode(Keys(keys: ["a", "b", "a"])) == nil)
        // Equal as strings though not as bytes (composed and decomposed): Foundation keeps one.
        #expect(CanonicalJSON.encode(Keys(keys: ["\u{E9}", "e\u{301}"])) == nil)
    }

    struct Nested: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.Key.self)
            var inner = container.nestedContainer(keyedBy: Keys.Key.self, forKey: Keys.Key(stringValue: "inner"))
            try inner.encode(1, forKey: Keys.Key(stringValue: "x"))
        }
    }

    struct Super: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try "x".encode(to: container.superEncoder())
        }
    }

    struct Silent: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    struct Twice: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(1)
            var again = encoder.unkeyedContainer()
            try again.encode(2)
        }
    }

    struct Refusing: Encodable {
        struct Failure: Error {}
        func encode(to encoder: any Encoder) throws { throw Failure() }
    }

    @Test func whatFoundationWritesInItsOwnWayIsLeftToIt() {
        #expect(CanonicalJSON.encode([1.5]) == nil)
        #expect(CanonicalJSON.encode(["x": Float(2)]) == nil)
        #expect(CanonicalJSON.encode([Date(timeIntervalSince1970: 0)]) == nil)
        #expect(CanonicalJSON.encode(["d": Data([1, 2])]) == nil)
        #expect(CanonicalJSON.encode([URL(fileURLWithPath: "/tmp")]) == nil)
        #expect(CanonicalJSON.encode([Decimal(1)]) == nil)
        #expect(CanonicalJSON.encode(JSONValue.object(["n": .number(1)])) == nil)
        #expect(CanonicalJSON.encode(Nested()) == nil)
        #expect(CanonicalJSON.encode([Super()]) == nil)
        #expect(CanonicalJSON.encode(["x": Silent()]) == nil)
        #expect(CanonicalJSON.encode([Twice()]) == nil)
        #expect(CanonicalJSON.encode(["x": Refusing()]) == nil)
        // JSON values without numbers are written directly.
        let plain = JSONValue.object(["a": .array([.null, .bool(true), .string("x")])])
        #expect(CanonicalJSON.encode(plain) == (try? Self.foundation(plain)))
    }

    @Test func aStoreOfValuesLeftToFoundationSavesAndReopensThem() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try JournalStore<JSONValue>.create(at: temporary.store, schemaVersion: 1)
        let value = JSONValue.object(["amount": .number(12.75), "note": .string("Đã nộp / \"đủ\"")])
        try store.commit([RecordChange(id: "x", expectedRevision: nil, newValue: value, summary: "số thực")], actor: "An")
        let line = String(decoding: readFile(temporary.store + "/journal/000001.jsonl"), as: UTF8.self)
        #expect(line.contains(#""amount":12.75"#))
        let reopened = try JournalStore<JSONValue>.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(reopened.record(id: "x")?.value == value)
        #expect(reopened.check().isEmpty)
    }
}
