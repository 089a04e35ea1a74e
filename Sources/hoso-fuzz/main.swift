#if HOSO_FUZZ
import Foundation

// libFuzzer's driver, linked in by `-sanitize=fuzzer` (scripts/fuzz builds with it and with -DHOSO_FUZZ).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// `hoso-fuzz TARGET [libFuzzer options…]` (or `HOSO_FUZZ_TARGET=TARGET hoso-fuzz [options…]`).
var forwarded = CommandLine.arguments
if forwarded.count >= 2, FuzzTargets.names.contains(forwarded[1]) {
    setenv("HOSO_FUZZ_TARGET", forwarded[1], 1)
    forwarded.remove(at: 1)
}
guard FuzzTargets.names.contains(FuzzTargets.selected) else {
    FileHandle.standardError.write(Data("usage: hoso-fuzz \(FuzzTargets.names.joined(separator: "|")) [libFuzzer options]\n".utf8))
    exit(2)
}
var pointers: [UnsafeMutablePointer<CChar>?] = forwarded.map { strdup($0) } + [nil]
var count = Int32(forwarded.count)
exit(pointers.withUnsafeMutableBufferPointer { buffer in
    var base = buffer.baseAddress
    return LLVMFuzzerRunDriver(&count, &base) { data, size in fuzzTestOneInput(data, size) }
})
#else
import Foundation

FileHandle.standardError.write(Data("hoso-fuzz is built for fuzzing only: run scripts/fuzz\n".utf8))
exit(2)
#endif
