@testable import HoSoJournal
import Testing

/// A search judges each file by the strings of its `snapshot.index` line: read in one pass for the paths a
/// selection asks (`RecordProbe.strings(at:)`), the same strings `string(at:)` gives path by path.
@Suite struct RecordProbeTests {
    static let indexPaths = [["case", "id"], ["case", "person", "fullName"], ["case", "state"], ["case", "person", "birthDate"], ["member", "unitID"]]

    static func probe(_ fields: String, paths: [[String]] = indexPaths) -> RecordProbe {
        let bytes = Array(fields.utf8)
        return RecordProbe(id: "case/HS-0001", revision: 2, fields: bytes[...], paths: paths)
    }

    @Test(arguments: [
        "=HS-0001\t=Nguyễn Văn A\t=sympathizer\t=1996-03-14\t!",
        "=HS-0001\t=Tên%09có%25dấu\t=sympathizer\t!\t!",
        "!\t!\t!\t!\t!",
        "=HS-0001\t=\t=candidate\t=2001-01-01\t=CB-01",
    ])
    func stringsInOnePassAreThoseOfEachPath(fields: String) {
        let probe = Self.probe(fields)
        // In another order than the index's, with a path it does not keep and one asked twice.
        let asked = [["case", "state"], ["case", "id"], ["case", "notKept"], ["member", "unitID"], ["case", "person", "fullName"], ["case", "id"]]
        #expect(probe.strings(at: ProbedPaths(asked)) == asked.map { probe.string(at: $0) })
    }

    @Test func theSamePathsAskedOfAnotherIndexAreMatchedToItsPaths() {
        let probed = ProbedPaths([["case", "state"], ["case", "id"]])
        #expect(Self.probe("=HS-0001\t=A\t=sympathizer\t!\t!").strings(at: probed) == ["sympathizer", "HS-0001"])
        // An index of an earlier version kept fewer paths, in another order.
        let older = [["case", "state"], ["case", "person", "fullName"]]
        #expect(Self.probe("=candidate\t=B", paths: older).strings(at: probed) == ["candidate", nil])
        #expect(Self.probe("=HS-0002\t=C\t=member\t!\t!").strings(at: probed) == ["member", "HS-0002"])
    }
}
