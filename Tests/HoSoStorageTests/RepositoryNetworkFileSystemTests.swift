import HoSoStorage
import Testing

@Suite("A data directory on a network file system is flagged by check")
struct RepositoryNetworkFileSystemTests {
    @Test(
        "statfs types of network file systems are recognised",
        arguments: [
            (Int64(0x6969), "NFS"), (Int64(0xFF53_4D42), "CIFS/SMB"), (Int64(0xFE53_4D42), "SMB2/SMB3"),
            (Int64(0x517B), "SMB"),
            // The same CIFS magic as a sign-extended 32-bit word, as some architectures report it.
            (Int64(Int32(bitPattern: 0xFF53_4D42)), "CIFS/SMB"),
        ])
    func networkTypes(type: Int64, name: String) {
        #expect(NetworkFileSystem.name(forType: type) == name)
    }

    @Test(
        "Local file systems are not flagged",
        arguments: [
            Int64(0xEF53),  // ext2/3/4
            Int64(0x5846_5342),  // XFS
            Int64(0x9123_683E),  // Btrfs
            Int64(0x0102_1994),  // tmpfs
            Int64(0x794C_7630),  // overlayfs (containers)
            Int64(0x6573_5546),  // FUSE: may be local or remote, so no claim either way
        ])
    func localTypes(type: Int64) {
        #expect(NetworkFileSystem.name(forType: type) == nil)
    }

    @Test("statfs is really read: /proc reports the procfs magic")
    func statfsReadsTheType() throws {
        #if os(Linux)
        #expect(NetworkFileSystem.fileSystemType(ofPath: "/proc") == 0x9FA0)
        #expect(NetworkFileSystem.fileSystemType(ofPath: "/no/such/directory") == nil)
        #endif
    }

    @Test("A local temporary directory is not a network one, and its check carries no warning")
    func localDirectory() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        let repository = try workspace.create()
        #expect(NetworkFileSystem.name(ofPath: workspace.directory) == nil)
        #expect(!repository.check().notes.contains { $0.hasPrefix("CẢNH BÁO") })
    }

    @Test("The warning names the directory, the file system and what to do")
    func warningText() {
        let text = NetworkFileSystem.warning(directory: "/mnt/chung/hoso", fileSystem: "NFS")
        #expect(text.contains("/mnt/chung/hoso"))
        #expect(text.contains("hệ thống tệp mạng (NFS)"))
        #expect(text.contains("--data"))
    }
}
