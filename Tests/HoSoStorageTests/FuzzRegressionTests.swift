import Foundation
@testable import HoSoJournal
@testable import HoSoStorage
import Testing

/// Inputs on which libFuzzer (scripts/fuzz records) found the record decoder accepting what Foundation's
/// JSONDecoder refuses; each must now be refused by both.
@Suite struct FuzzRegressionTests {
    /// The first crash, as found: a member record whose key "unitI…D" holds eight 0xFF bytes.
    static let invalidUTF8Key: [UInt8] = [123, 34, 99, 104, 97, 110, 103, 101, 100, 65, 116, 34, 58, 34, 50, 48, 50, 54, 45, 49, 50, 45, 48, 54, 84, 49, 49, 58, 52, 54, 58, 52, 49, 117, 34, 44, 34, 105, 100, 34, 58, 34, 109, 101, 109, 98, 101, 114, 47, 77, 48, 52, 57, 34, 44, 34, 114, 101, 118, 105, 115, 105, 111, 110, 34, 58, 49, 44, 34, 118, 97, 108, 117, 101, 34, 58, 123, 34, 109, 101, 109, 98, 101, 114, 34, 58, 123, 34, 97, 116, 116, 97, 99, 104, 101, 100, 69, 108, 115, 101, 119, 104, 101, 114, 101, 34, 58, 102, 97, 108, 115, 101, 44, 34, 101, 120, 101, 109, 112, 116, 34, 58, 102, 97, 108, 115, 101, 44, 34, 102, 117, 108, 108, 78, 97, 109, 101, 34, 58, 34, 86, 197, 169, 32, 72, 225, 187, 175, 117, 32, 80, 104, 195, 186, 99, 34, 44, 34, 105, 100, 34, 58, 34, 77, 48, 52, 57, 34, 44, 34, 115, 116, 97, 116, 117, 115, 34, 58, 34, 112, 114, 111, 98, 97, 116, 105, 111, 110, 97, 114, 121, 34, 44, 34, 117, 110, 105, 116, 73, 255, 255, 255, 255, 255, 255, 255, 255, 68, 34, 58, 34, 67, 66, 45, 49, 34, 125, 44, 34, 116, 121, 112, 101, 34, 58, 34, 109, 101, 109, 98, 101, 114, 34, 125, 125]

    static let cases: [(String, [UInt8])] = [
        ("a key that is not UTF-8 (found by the fuzzer)", invalidUTF8Key),
        ("a number ending in a point (found by the fuzzer)", Array("3.".utf8)),
        ("an unread member whose string is not UTF-8", Array(#"{"id":"a","revision":1,"value":{"x":1},"changedBy":"b","changedAt":"c","junk":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)),
        ("an overlong encoding", Array(#"[""#.utf8) + [0xC0, 0xAF] + Array(#""]"#.utf8)),
        ("a surrogate encoded in UTF-8", Array(#"[""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""]"#.utf8)),
        ("an unknown escape", Array(#"["a\qb"]"#.utf8)),
        ("a short \\u escape", Array(#"["\u12"]"#.utf8)),
        ("a leading zero", Array("[01]".utf8)),
        ("an exponent without digits", Array("[1e]".utf8)),
        ("a lone minus", Array("[-]".utf8)),
        ("two numbers run together", Array("[1-2]".utf8)),
    ]

    @Test("Refused by the record decoder exactly as by JSONDecoder", arguments: 0..<cases.count)
    func refusedLikeFoundation(_ index: Int) {
        let (name, bytes) = Self.cases[index]
        #expect((try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))) == nil, "Foundation accepts \(name)")
        let fast = bytes.withUnsafeBufferPointer { try? RecordDecoder.decode(JSONValue.self, from: $0) }
        #expect(fast == nil, "the record decoder accepts \(name)")
    }

    @Test("Well-formed text with every escape, non-ASCII letters and numbers of each form still decodes as Foundation decodes it")
    func wellFormedStillDecodes() throws {
        let text = #"{"tên":"Nguyễn Thị Ánh \u1EA0 \" \\ \/ \b \f \n \r \t","n":[0,-0,12,-3.25,1e5,2E-3,6.02e+23],"😀":true}"#
        let bytes = Array(text.utf8)
        let reference = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        let fast = try bytes.withUnsafeBufferPointer { try RecordDecoder.decode(JSONValue.self, from: $0) }
        #expect(fast == reference)
    }
}
