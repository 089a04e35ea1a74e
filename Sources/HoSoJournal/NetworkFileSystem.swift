#if canImport(Glibc)
import Glibc
#endif

/// Recognises the network file systems on which the store's guarantees do not hold: `flock` may be
/// emulated or local to one client, and `fsync` or `close` may report a lost write late or never.
public enum NetworkFileSystem {
    /// The `f_type` magic numbers of `statfs(2)` (linux/magic.h) of file systems whose data lives on
    /// another machine, with the name a clerk's administrator will recognise.
    static let knownTypes: [UInt32: String] = [
        0x6969: "NFS",
        0x517B: "SMB",
        0xFF53_4D42: "CIFS/SMB",
        0xFE53_4D42: "SMB2/SMB3",
        0x564C: "NetWare (NCP)",
        0x7375_7245: "Coda",
        0x5346_414F: "AFS",
        0x6B41_4653: "AFS",
        0x00C3_6400: "Ceph",
        // WSL shows Windows drives (/mnt/c) through 9P, a network protocol with the same caveats.
        0x0102_1997: "9P (ổ đĩa Windows qua WSL hoặc máy ảo)",
    ]

    /// The name of a network file system for a `statfs` `f_type`, or nil for a local one.
    ///
    /// `f_type` is a signed word whose width varies by architecture, so only its low 32 bits are compared.
    public static func name(forType type: Int64) -> String? {
        knownTypes[UInt32(truncatingIfNeeded: type)]
    }

    /// The network file system `path` lives on, or nil if it is local or cannot be told.
    public static func name(ofPath path: String) -> String? {
        fileSystemType(ofPath: path).flatMap(name(forType:))
    }

    /// The `f_type` of `statfs(2)`.
    ///
    /// Swift's Glibc module does not export `<sys/statfs.h>`, so the C function is looked up at run time.
    /// Only `f_type` is read, and it is the first member of `struct statfs` on every Linux ABI (a
    /// `__fsword_t`, the width of a C `long`); the buffer is larger than the whole struct anywhere.
    public static func fileSystemType(ofPath path: String) -> Int64? {
        #if os(Linux)
        typealias StatfsFunction = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "statfs") else { return nil }
        let statfsFunction = unsafeBitCast(symbol, to: StatfsFunction.self)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
        defer { buffer.deallocate() }
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: 512)
        guard statfsFunction(path, buffer) == 0 else { return nil }
        return Int64(buffer.load(as: CLong.self))
        #else
        return nil
        #endif
    }

    /// The warning `hoso check` prints for a data directory on a network file system.
    public static func warning(directory: String, fileSystem: String) -> String {
        "CẢNH BÁO: thư mục dữ liệu \(directory) nằm trên hệ thống tệp mạng (\(fileSystem)). Trên đó khoá tệp và việc ghi "
            + "xuống đĩa không đáng tin cậy: hai người lưu cùng lúc có thể làm mất thay đổi. Hãy chuyển dữ liệu về ổ đĩa "
            + "của máy này (--data hoặc HOSO_DATA)."
    }
}
