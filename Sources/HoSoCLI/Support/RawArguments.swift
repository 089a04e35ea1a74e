#if canImport(Glibc)
import Glibc
#endif

/// The arguments as the kernel passed them, before Swift makes Strings of them: a byte that is not
/// UTF-8 (a terminal set to another encoding, a pasted Windows-1258 name) would silently become "�"
/// and be saved in place of what the clerk typed.
enum RawArguments {
    /// Refuses the command when an argument is not valid UTF-8, naming its position (1 = first after `hoso`).
    static func refuseInvalidUTF8() throws {
        guard let position = firstInvalidUTF8() else { return }
        // The option it is the value of, when the argument before it is one (itself valid, as it came first).
        let previous = CommandLine.arguments[position - 1]
        let option = position > 1 && previous.hasPrefix("-") ? " (giá trị của \(previous))" : ""
        throw Failure.error(
            "Tham số thứ \(position)\(option) không phải văn bản UTF-8 hợp lệ (có byte không đọc được). Chưa làm gì. "
                + "Hãy gõ lại tham số đó, và đặt terminal dùng bảng mã UTF-8 (ví dụ LANG=C.UTF-8).")
    }

    /// The position of the first argument whose bytes change when read as UTF-8, if any.
    static func firstInvalidUTF8() -> Int? {
        for position in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[position] else { continue }
            let bytes = UnsafeRawBufferPointer(start: argument, count: strlen(argument))
            if !String(decoding: bytes, as: UTF8.self).utf8.elementsEqual(bytes) { return position }
        }
        return nil
    }
}
