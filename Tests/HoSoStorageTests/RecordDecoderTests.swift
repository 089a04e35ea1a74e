import Foundation
import HoSoDomain
@testable import HoSoJournal
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

    /// With deferral, long arrays are kept as bytes: a file's history waits, and a type that does not
    /// defer (here the flags and the members' roles) gets its arrays decoded as usual.
    @Test func deferredArraysDecodeAlikeWhenReadOrWhenTheTypeDoesNotDefer() throws {
        let demo = DemoOrganisation.generate(caseCount: 30, seed: 4, today: Fixtures.date("2026-11-23"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var deferredCount = 0
        for file in demo.cases {
            let record = StoredRecord(id: "case/" + file.id.rawValue, revision: 1, value: StoredItem.caseFile(file), changedBy: "Thư ký", changedAt: "2026-11-23T00:00:00Z")
            // Padded, so the deferred range must be taken relative to the whole buffer.
            let padding = Array("   ".utf8)
            let bytes = padding + Array(try encoder.encode(record))
            let decoded = try bytes.withUnsafeBufferPointer { buffer in
                try RecordDecoder.decode(
                    StoredRecord<StoredItem>.self, from: UnsafeBufferPointer(rebasing: buffer[padding.count...]),
                    deferral: DeferralSource(source: SnapshotBytes(bytes), offset: padding.count))
            }
            guard case .caseFile(let loaded) = decoded.value else {
                Issue.record("not a file")
                continue
            }
            if !loaded.isHistoryDecoded { deferredCount += 1 }
            #expect(loaded.history == file.history)
            #expect(decoded == record)
        }
        #expect(deferredCount > 0)

        let flags = Array(repeating: "true", count: 200).joined(separator: ",")
        let json = #"{"text":"x","number":1,"flags":[\#(flags)]}"#
        let bytes = Array(json.utf8)
        let sample = try bytes.withUnsafeBufferPointer {
            try RecordDecoder.decode(Sample.self, from: $0, deferral: DeferralSource(source: SnapshotBytes(bytes), offset: 0))
        }
        #expect(sample.flags.count == 200 && sample.flags.allSatisfy { $0 })
    }

    /// Strings are scanned eight bytes at a time: an escape, the closing quote or a control byte at
    /// any place in a word must still be seen.
    @Test func everyPlaceOfAnEscapeQuoteOrControlByteInAStringIsSeen() throws {
        for place in 0..<20 {
            // ASCII, and letters whose UTF-8 bytes have the high bit set (never taken for control bytes).
            for prefix in [String(repeating: "a", count: place), String(repeating: "ă", count: place)] {
                let open = Array(#"[""#.utf8) + Array(prefix.utf8)
                #expect(try fast([String].self, open + Array(#"\"x\\y"]"#.utf8)) == [prefix + #""x\y"#])
                #expect(try fast([String].self, open + Array(#"",""]"#.utf8)) == [prefix, ""])
                #expect(throws: (any Error).self) { try fast([String].self, open + [0x01] + Array(#""]"#.utf8)) }
                #expect(throws: (any Error).self) { try fast([String].self, open + [0x1F, 0x41] + Array(#""]"#.utf8)) }
            }
        }
    }

    /// Strings are made without the generic validating initializer: bytes that are not UTF-8 must still
    /// refuse the decode (Foundation then reports them), at every length the string table treats apart.
    @Test func stringsThatAreNotUTF8AreRefusedAtEveryLength() throws {
        let invalid: [[UInt8]] = [[0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE1, 0x80]]
        for length in [0, 3, 15, 16, 40, 512, 600] {
            let text = String(repeating: "ă", count: length / 2) + String(repeating: "a", count: length % 2)
            #expect(try fast([String].self, Array(#"[""#.utf8) + Array(text.utf8) + Array(#""]"#.utf8)) == [text])
            for bad in invalid {
                #expect(throws: (any Error).self, "\(length) \(bad)") {
                    try fast([String].self, Array(#"[""#.utf8) + Array(text.utf8) + bad + Array(#""]"#.utf8))
                }
                // And behind an escape, which takes the unescaping path.
                #expect(throws: (any Error).self, "\(length) \(bad) escaped") {
                    try fast([String].self, Array(#"["\n"#.utf8) + Array(text.utf8) + bad + Array(#""]"#.utf8))
                }
            }
        }
    }

    /// The scan jumps to the lowest byte the eight-byte mask flags: it must be the first quote, backslash
    /// or control byte of the word, whatever follows it, and a word without one must flag nothing.
    @Test func theLowestFlaggedByteOfAWordIsItsFirstSpecialByte() {
        // Bytes around the tricky values: the specials, their neighbours, and UTF-8 bytes with the high bit.
        let alphabet: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x61, 0x7F, 0x80, 0xA2, 0xC3, 0xDC, 0xFF]
        var state: UInt64 = 42
        for _ in 0..<200_000 {
            var bytes: [UInt8] = []
            for _ in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let first = bytes.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }
            let mask = StringScan.specialBytes(word)
            #expect((mask == 0 ? nil : mask.trailingZeroBitCount >> 3) == first, "\(bytes)")
        }
    }

    /// A deferred array is only skipped at load: brackets and quotes inside its strings must not end it,
    /// and brackets that do not pair must still refuse the record.
    @Test func skippingADeferredArrayRespectsStringsAndRefusesUnpairedBrackets() throws {
        struct Holder: Codable, Equatable { var items: [[String: String]]; var after: String }
        let tricky = #"x]}{["\"#
        let value = Holder(items: Array(repeating: ["k": tricky, "seal": String(repeating: "ab", count: 32)], count: 12), after: "cuối")
        let bytes = Array(try JSONEncoder().encode(value))
        #expect(bytes.count > DeferralSource.minimumBytes)
        let decoded = try bytes.withUnsafeBufferPointer {
            try RecordDecoder.decode(Holder.self, from: $0, deferral: DeferralSource(source: SnapshotBytes(bytes), offset: 0))
        }
        #expect(decoded == value)

        let padding = String(repeating: "a", count: DeferralSource.minimumBytes)
        for broken in [#"{"items":[{"k":"\#(padding)"]],"after":"x"}"#, #"{"items":[{"k":"\#(padding)"}},"after":"x"}"#,
                       #"{"items":[{"k":"\#(padding)}],"after":"x"}"#] {
            let bytes = Array(broken.utf8)
            #expect(throws: (any Error).self) {
                try bytes.withUnsafeBufferPointer {
                    try RecordDecoder.decode(Holder.self, from: $0, deferral: DeferralSource(source: SnapshotBytes(bytes), offset: 0))
                }
            }
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

    /// A hand-edited file may repeat a key: both decoders take its first value (Foundation's JSONDecoder
    /// does; its JSONSerialization would take the last), so the fast path and the fallback agree.
    @Test func aRepeatedKeyTakesItsFirstValueAsFoundationsDecoderDoes() throws {
        let json = #"{"text":"trước","number":1,"text":"sau","flags":[],"number":2}"#
        let value = try fast(Sample.self, Array(json.utf8))
        #expect(value == (try JSONDecoder().decode(Sample.self, from: Data(json.utf8))))
        #expect(value.text == "trước" && value.number == 1)
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
