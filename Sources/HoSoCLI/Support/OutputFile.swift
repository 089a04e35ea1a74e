#if canImport(Glibc)
import Glibc
#endif
// In an optimised build `struct stat` is seen through CoreFoundation's headers (with ZIPFoundation and
// libpq in the graph), and its fields need that import to be visible.
#if canImport(CoreFoundation)
import CoreFoundation
#endif
import Foundation
import HoSoStorage

/// The one way a command writes a file the person named (`-o FILE`).
///
/// Never inside a HoSo data directory — the ones the command reads and any other store found above the
/// target — even with `--force`; never over an existing file without `--force`; always written whole or
/// not at all (`ExportFiles`). Paths are compared after `realpath`, so `..` and symbolic links cannot
/// lead a report onto `snapshot.json`.
struct OutputFile {
    /// The data directories of the command (their files must never be replaced by a report).
    let dataDirectories: [String]
    /// `--force`: an existing file outside every data directory may be replaced.
    let force: Bool

    /// Writes `text` to `requested` and returns the path written.
    func write(_ text: String, to requested: String) throws -> String {
        try write(bytes: Array(text.utf8), to: requested)
    }

    /// Writes `bytes` (a spreadsheet) to `requested` and returns the path written.
    func write(bytes: [UInt8], to requested: String) throws -> String {
        let path = DataLocation.absolute(requested)
        let name = (path as NSString).lastPathComponent
        guard !requested.hasSuffix("/"), !name.isEmpty, name != ".", name != ".." else {
            throw Failure.error("\"\(requested)\" là thư mục, không phải tệp. Chưa ghi gì. Hãy ghi tên tệp, ví dụ -o ~/bao-cao.txt.")
        }
        let parent = (path as NSString).deletingLastPathComponent
        guard let folder = Self.realPath(parent) else {
            throw Failure.error("Không có thư mục \(parent). Chưa ghi gì. Hãy tạo thư mục đó trước, hoặc chọn nơi khác.")
        }
        let target = folder == "/" ? "/" + name : folder + "/" + name
        // The name itself, and where it leads when it is a symbolic link.
        for place in [target] + [Self.realPath(target)].compactMap({ $0 }) {
            if let store = storeDirectory(holding: place) {
                throw Failure.error(
                    "Không ghi vào \(target): tệp này nằm trong (hoặc trỏ vào) thư mục dữ liệu HoSo \(store), ghi vào đó sẽ làm hỏng dữ liệu. "
                        + "Chưa ghi gì (kể cả với --force). Hãy chọn tệp ở thư mục khác, ví dụ -o ~/bao-cao.txt.")
            }
        }
        var status = stat()
        if lstat(target, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR {
                throw Failure.error("\(target) là thư mục, không phải tệp. Chưa ghi gì. Hãy ghi tên tệp, ví dụ -o ~/bao-cao.txt.")
            }
            if !force {
                throw Failure.error("Tệp \(target) đã có. Chưa ghi gì. Hãy chọn tên tệp khác, hoặc thêm --force để ghi đè tệp đó.")
            }
        }
        do {
            try ExportFiles.replace(target, with: bytes, in: folder)
        } catch {
            throw Failure.error(
                "Không ghi được tệp \(target) (\(String(cString: strerror(error.code)))). Chưa ghi gì. "
                    + "Hãy kiểm tra thư mục và quyền ghi, hoặc chọn nơi khác.")
        }
        return target
    }

    /// The data directory `place` lies in: one of the command's, or any folder above it that holds a store.
    private func storeDirectory(holding place: String) -> String? {
        for directory in dataDirectories {
            let resolved = Self.realPath(directory) ?? (directory as NSString).standardizingPath
            if place == resolved || place.hasPrefix(resolved == "/" ? "/" : resolved + "/") { return resolved }
        }
        var folder = (place as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            let layout = [folder + "/snapshot.json", folder + "/store.lock"]
            if layout.contains(where: { FileManager.default.fileExists(atPath: $0) }) { return folder }
            if folder == "/" { break }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// `path` with every symbolic link, `.` and `..` resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
