#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes mapped read-only, handed back to the kernel as they are done with: reading a snapshot
/// of 600 MB through a mapping, the process holds only the pages it is reading, where a read into memory
/// held all of them beside the records made from them (twice the data at the peak).
///
/// A file truncated by someone else while mapped faults the reader (`SIGBUS`); HoSo never truncates a
/// snapshot in place (it replaces it by a rename), and the mapping lives only for the length of a load.
public final class MappedFile: @unchecked Sendable {
    // Unchecked: the mapping is read-only and only unmapped in `deinit`; `release` may run on any thread.
    public let bytes: UnsafeBufferPointer<UInt8>
    private let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps the first `size` bytes of `descriptor`; nil when the system refuses (or the file is empty).
    public init?(descriptor: Int32, size: Int) {
        guard size > 0, let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
        // Read front to back, mostly once: the kernel may read ahead and drop behind.
        _ = madvise(address, size, MADV_SEQUENTIAL)
    }

    /// Gives back the whole pages inside `range`: they leave this process (the file's pages stay in the
    /// page cache), and a later read of them maps them again, so releasing early is never wrong, only slower.
    public func release(_ range: Range<Int>) {
        guard let base = bytes.baseAddress else { return }
        let start = (range.lowerBound + pageSize - 1) / pageSize * pageSize
        let end = min(range.upperBound, bytes.count) / pageSize * pageSize
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
