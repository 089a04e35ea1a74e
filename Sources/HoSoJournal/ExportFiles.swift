/// Files HoSo writes outside the data directory (a report's `-o FILE`), with the store's own durable write.
public enum ExportFiles {
    /// Replaces (or creates) `path` with `bytes` so that a crash at any moment leaves the old file or the
    /// new one: a `0600` temporary file in the same directory, fsync, rename, fsync of the directory.
    /// A symbolic link at `path` is replaced, never written through. Checking that `path` may be written
    /// at all (not the data directory, not an existing file without consent) is the caller's job.
    public static func replace(_ path: String, with bytes: [UInt8], in directory: String) throws(FileSystemError) {
        try DurableFiles(fileSystem: RealFileSystem()).replaceDurably(path, with: bytes, temporaryIn: directory)
    }
}
