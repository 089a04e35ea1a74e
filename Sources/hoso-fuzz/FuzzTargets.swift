#if HOSO_FUZZ
// Compiled only by scripts/fuzz (a debug build, so `@testable` reaches the storage's internal decoder).
import Foundation
import HoSoDomain
@testable import HoSoJournal

/// What each fuzz target checks of one input. A broken property stops the process (`preconditionFailure`),
/// which libFuzzer reports as a crash and keeps the input.
enum FuzzTargets {
    static let names = ["dates", "quota", "records"]
    /// The target of this process: `HOSO_FUZZ_TARGET` (main.swift sets it from the first argument).
    static let selected = ProcessInfo.processInfo.environment["HOSO_FUZZ_TARGET"] ?? ""

    static func run(_ name: String, _ bytes: UnsafeBufferPointer<UInt8>) {
        switch name {
        case "dates": dates(bytes)
        case "quota": quota(bytes)
        case "records": records(bytes)
        default: break
        }
    }

    /// `CivilDate(parsing:)`: never traps; a day it accepts is a real day and reads back the same from its ISO form.
    static func dates(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let date = CivilDate(parsing: text) else { return }
        guard (1...12).contains(date.month), (1...31).contains(date.day), CivilDate(year: date.year, month: date.month, day: date.day) == date else {
            preconditionFailure("not a real day: \(date.iso) from \(text.debugDescription)")
        }
        guard CivilDate(parsing: date.iso) == date, CivilDate(julianDay: date.julianDay) == date else {
            preconditionFailure("does not read back: \(date.iso) from \(text.debugDescription)")
        }
    }

    /// The quota-table importer: never traps; every figure it accepts lies in 0…1,000,000.
    static func quota(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let table = try? QuotaTableParser.parse(text) else { return }
        for unit in table.units {
            for (_, figure) in unit.figures where !(0...1_000_000).contains(figure) {
                preconditionFailure("figure \(figure) accepted from \(text.debugDescription)")
            }
        }
    }

    /// The hand-written record decoder against Foundation's: whatever it accepts, Foundation accepts too,
    /// with the same value (what it refuses is decoded again by Foundation, so refusing is always safe).
    static func records(_ bytes: UnsafeBufferPointer<UInt8>) {
        differential(JSONValue.self, bytes)
        differential(StoredRecord<StoredItem>.self, bytes)
    }

    static func differential<T: Decodable & Equatable>(_ type: T.Type, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard let fast = try? RecordDecoder.decode(T.self, from: bytes) else { return }
        guard let reference = try? JSONDecoder().decode(T.self, from: Data(buffer: bytes)) else {
            preconditionFailure("RecordDecoder accepted what JSONDecoder refuses (\(T.self)): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
        guard fast == reference else {
            preconditionFailure("RecordDecoder and JSONDecoder differ (\(T.self)): \(fast) vs \(reference)")
        }
    }
}
/// libFuzzer's entry point: one input for the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTargets.run(FuzzTargets.selected, UnsafeBufferPointer(start: data, count: size))
    return 0
}
#endif
