#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import HoSoJournal
@testable import HoSoStorage
import Testing

/// A large snapshot is read in parts on every core; the bytes must be the file's, and a part that fails
/// must fail the read.
@Suite struct LargeReadTests {
    /// Bytes no two parts share by accident: a part read into the wrong place shows.
    static func pattern(count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    @Test func aLargeFileIsReadWholeAndInOrder() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        try FileManager.default.createDirectory(atPath: temporary.path, withIntermediateDirectories: true)
        let path = temporary.path + "/large"
        // Past the parallel threshold and not a multiple of the part size.
        let bytes = Self.pattern(count: DurableFiles.parallelReadBytes + 12_345)
        writeFile(path, bytes)
        let files = DurableFiles(fileSystem: RealFileSystem())
        #expect(try files.readAll(path) == bytes)
        #expect(try files.readAll(path).count == bytes.count)
    }

    @Test func aFailingPartFailsTheRead() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        try FileManager.default.createDirectory(atPath: temporary.path, withIntermediateDirectories: true)
        let path = temporary.path + "/large"
        writeFile(path, Self.pattern(count: DurableFiles.parallelReadBytes * 2))
        let faulty = FaultInjectingFileSystem()
        let files = DurableFiles(fileSystem: faulty)
        _ = try files.readAll(path)
        let reads = faulty.recordedCalls.enumerated().filter { $0.element == .read }.map(\.offset)
        if ProcessInfo.processInfo.activeProcessorCount > 1 { #expect(reads.count >= 2, "read in parts") }
        // Whichever part the failure meets, the read reports it rather than returning fewer bytes.
        for index in reads {
            faulty.arm(atCall: index, .error(EIO))
            var failure: FileSystemError?
            do { _ = try files.readAll(path) } catch { failure = error }
            #expect(failure?.code == EIO, "read call \(index)")
        }
    }
}
