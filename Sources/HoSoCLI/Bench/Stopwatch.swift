import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock timing and the figures the benchmark reports.
enum Stopwatch {
    /// Seconds `body` takes, on the monotonic clock.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        try timed(body).seconds
    }

    /// What `body` returns, and the seconds it took.
    static func timed<T>(_ body: () throws -> T) rethrows -> (value: T, seconds: Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// Processor seconds this process has used, every thread together: the work done, which a
    /// shared machine disturbs much less than the wall clock.
    static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ value: timeval) -> Double { Double(value.tv_sec) + Double(value.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func percentile(_ samples: [Double], _ fraction: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
        return sorted[max(0, index)]
    }

    /// Peak resident set of this process, in bytes (Linux reports kilobytes).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    /// The bytes of every file under `directory`.
    static func diskSize(of directory: String) -> Int {
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: directory)) ?? []
        return files.reduce(0) { total, path in
            let attributes = try? FileManager.default.attributesOfItem(atPath: directory + "/" + path)
            return total + ((attributes?[.type] as? FileAttributeType) == .typeRegular ? (attributes?[.size] as? Int ?? 0) : 0)
        }
    }
}

/// The durable-write floor of the disk: a small file written, fsynced, renamed into place and its
/// directory fsynced — what any save that survives a power cut must at least cost. One sample at a time,
/// so the benchmark can take them in turn with the saves it compares them to.
struct DurableWriteFloor {
    let directory: String
    private var index = 0
    private let payload = [UInt8](repeating: 0x7B, count: 1024)

    init(directory: String) {
        self.directory = directory
    }

    /// Seconds of one durable small-file replacement.
    mutating func sample() -> Double {
        let temporary = "\(directory)/.floor-\(index).tmp"
        let target = "\(directory)/.floor"
        index += 1
        return Stopwatch.time {
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return }
            _ = payload.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            fsync(descriptor)
            close(descriptor)
            rename(temporary, target)
            let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY)
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Removes the file the samples left.
    func finish() {
        unlink("\(directory)/.floor")
    }
}
