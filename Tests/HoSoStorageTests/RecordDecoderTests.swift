import Foundation
import HoSoDomain
@testable import HoSoStorage
import HoSoTestSupport
import Testing

/// The bulk decoder must give exactly what Foundation's decoder gives, or fail (never guess).
@Suite struct RecordDecoderTests {
    func fast<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBufferPointer { try RecordDecoder.decode(type, from: $0) }
    }

    @Test func demoFilesDecodeAsFoundationDecodesThem() throws {
        let demo = DemoOrganisation.generate(caseCount: 200, seed: 11, today: Fixtures.date("2026-11-23"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let items = demo.units.map(StoredItem.unit) + demo.members.map(StoredItem.member) + demo.cases.map(StoredItem.caseFile)
        for item in items {
            let record = StoredRecord(id: item.storageID, revision: 3, value: item, changedBy: "Thư ký", changedAt: "2026-11-23T00:00:00Z")
            let bytes = Array(try encoder.encode(record))
            #expect(try fast(StoredRecord<StoredItem>.self, bytes) == record)
            #expect(try fast(StoredRecord<StoredItem>.self, bytes) == JSONDecoder().decode(StoredRecord<StoredItem>.self, from: Data(bytes)))
        }
    }

    struct Sample: Codable, Equatable {
        var text: String
        var number: Int
        var ratio: Double?
        var flags: [Bool]
        var missing: String?
    }

    @Test func escapesAndWhitespaceAreRead() throws {
        let json = #" { "text" : "a\"b\\c\/d\n\t\u00e1\ud83d\ude00 Ánh" , "number" : -42 , "ratio" : 2.5e1 , "flags" : [ true , false ] , "missing" : null } "#
        let value = try fast(Sample.self, Array(json.utf8))
        #expect(value == Sample(text: "a\"b\\c/d\n\tá😀 Ánh", number: -42, ratio: 25, flags: [true, false], missing: nil))
        #expect(value == (try JSONDecoder().decode(Sample.self, from: Data(json.utf8))))
    }

    @Test(arguments: [
        #"{"text":"x","number":1,"flags":[]} x"#,        // trailing garbage
        #"{"text":"x","number":01,"flags":[]}"#,         // leading zero
        #"{"text":"x","number":+1,"flags":[]}"#,         // plus sign
        #"{"text":"x","number":1.0,"flags":[]}"#,        // not an integer literal
        #"{"text":"x","number":99999999999999999999,"flags":[]}"#,
        "{\"text\":\"a\u{01}b\",\"number\":1,\"flags\":[]}", // raw control character
        #"{"text":"\x","number":1,"flags":[]}"#,         // unknown escape
        #"{"text":"\ud83d","number":1,"flags":[]}"#,     // lone surrogate
        #"{"text":"x","number":1,"flags":[1]}"#,         // wrong type
        #"{"text":"x","flags":[]}"#,                     // missing key
        #"{"text":"x","number":1,"flags":[],}"#,         // trailing comma
        #"{"text":"x","number":1,"flags":[tru]}"#,
        #"{"text":"x","number":1,"flags":["#,
    ])
    func doubtfulInputFails(_ json: String) {
        #expect(throws: (any Error).self) { try fast(Sample.self, Array(json.utf8)) }
    }

    @Test func equalStringsOfOneTableShareOneStorage() throws {
        let json = Array(#"{"text":"Chi bộ kết nạp vào danh sách cảm tình đảng","number":1,"flags":[]}"#.utf8)
        let strings = StringTable()
        let first = try json.withUnsafeBufferPointer { try RecordDecoder.decode(Sample.self, from: $0, strings: strings) }
        let second = try json.withUnsafeBufferPointer { try RecordDecoder.decode(Sample.self, from: $0, strings: strings) }
        let separate = try fast(Sample.self, json)
        func address(_ text: String) -> UnsafePointer<UInt8>? { text.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil }
        #expect(first == second && second == separate)
        #expect(address(first.text) == address(second.text))
        #expect(address(first.text) != address(separate.text))
    }

    @Test func invalidUTF8Fails() {
        var bytes = Array(#"{"text":"ab","number":1,"flags":[]}"#.utf8)
        bytes[9] = 0xFF
        #expect(throws: (any Error).self) { try fast(Sample.self, bytes) }
    }
}
