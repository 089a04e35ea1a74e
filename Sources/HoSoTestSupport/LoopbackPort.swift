import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// TCP ports of 127.0.0.1 for the tests of connecting: one nobody listens on, and one that takes a
/// connection and never says a word (a server that hangs, or a network that swallows packets, as the
/// client sees it).
public enum LoopbackPort {
    /// A port nobody listens on now (the kernel's pick): a connection to it is refused at once.
    public static func unused() throws(TmuxError) -> Int {
        let socket = try bound()
        defer { close(socket.handle) }
        return socket.port
    }

    /// A socket bound to a port of 127.0.0.1 the kernel picks, and that port.
    static func bound() throws(TmuxError) -> (handle: Int32, port: Int) {
        let handle = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard handle >= 0 else { throw TmuxError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(handle, $0, length) == 0 && getsockname(handle, $0, &length) == 0 }
        }
        guard bound else {
            close(handle)
            throw TmuxError("bind: \(String(cString: strerror(errno)))")
        }
        return (handle, Int(UInt16(bigEndian: address.sin_port)))
    }
}

/// A port of 127.0.0.1 that listens and never answers: the kernel completes each connection (the backlog),
/// nothing ever reads or writes. Closed when released.
public final class SilentListener: @unchecked Sendable {
    public let port: Int
    private let handle: Int32

    public init() throws(TmuxError) {
        let socket = try LoopbackPort.bound()
        guard listen(socket.handle, 16) == 0 else {
            close(socket.handle)
            throw TmuxError("listen: \(String(cString: strerror(errno)))")
        }
        handle = socket.handle
        port = socket.port
    }

    deinit { close(handle) }
}
