#if canImport(Glibc)
import Glibc
#endif

/// The login of the user running the tests, as `hoso` itself finds it (from the real user id).
public enum SystemUserName {
    public static var current: String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return String(getuid())
    }
}
