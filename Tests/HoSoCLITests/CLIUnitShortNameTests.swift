import Foundation
import HoSoTestSupport
import Testing

/// Issue 18, item 11 from the command line: `hoso units set-short-name` writes what a narrow screen shows of a
/// unit, refuses what the domain refuses, and the record keeps it on either backend.
@Suite("CLI: a unit's short name")
struct CLIUnitShortNameTests {
    @Test("Set, listed, kept in the record, refused when too long, taken or of no unit, and back to the derived one",
          arguments: CLIBackend.allCases)
    func setListRefuseAndReset(backend: CLIBackend) throws {
        let cli = try CLIWorkspace(backend)
        try cli.ok("init", "--name", "Chi bộ Khu phố 3", "--parent", "Đảng ủy phường Xuân Hòa", "--official", "8",
                   "--clerk-id", "lan", "--clerk-name", "Thư ký Lan")
        #expect(try cli.ok("units", "list").components(separatedBy: "\n").contains {
            $0.hasPrefix("CB-1       KP3        Chi bộ Khu phố 3 ")
        }, "derived before anything is set")
        let set = try cli.ok("units", "set-short-name", "CB-1", "Khu Ba")
        #expect(set == "Đã ghi tên ngắn \"Khu Ba\" của Chi bộ Khu phố 3; màn hình hẹp hiện: Khu Ba.\n")
        let list = try cli.ok("units", "list")
        #expect(list.contains("CB-1       Khu Ba     Chi bộ Khu phố 3"), "\(list)")
        #expect(list.contains("ĐUPXH      Đảng ủy phường Xuân Hòa"), "\(list)")
        #expect(try cli.ok("units", "list", "--json").contains("\"shortName\" : \"Khu Ba\""))

        let parent = try #require(list.components(separatedBy: "\n").first { $0.contains("Đảng ủy phường") }?
            .split(separator: " ").first.map(String.init))
        let taken = try cli.run("units", "set-short-name", parent, "khu ba")
        #expect(taken.status == 1)
        #expect(taken.standardError.contains(
            "Tên ngắn \"khu ba\" trùng với tên ngắn của Chi bộ Khu phố 3 (CB-1, đã ghi). Chưa ghi gì. "
                + "Hãy chọn tên ngắn khác (không phân biệt chữ hoa, chữ thường và dấu)."), "\(taken.standardError)")
        let long = try cli.run("units", "set-short-name", "CB-1", "Khu phố ba mươi")
        #expect(long.status == 1)
        #expect(long.standardError.contains("Tên ngắn dài quá 10 ký tự (\"Khu phố ba mươi\" có 15 ký tự). Chưa ghi gì."),
                "\(long.standardError)")
        let unknown = try cli.run("units", "set-short-name", "CB-9", "KP9")
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("Không có đơn vị mã CB-9. Xem mã các đơn vị bằng: hoso units list"),
                "\(unknown.standardError)")
        #expect(try cli.ok("units", "list").contains("CB-1       Khu Ba "), "a refusal writes nothing")

        let reset = try cli.ok("units", "set-short-name", "CB-1", "")
        #expect(reset == "Đã ghi tên ngắn tự đặt theo tên đơn vị của Chi bộ Khu phố 3; màn hình hẹp hiện: KP3.\n")
        #expect(!(try cli.ok("units", "list", "--json").contains("shortName")), "the record no longer holds one")
    }
}
