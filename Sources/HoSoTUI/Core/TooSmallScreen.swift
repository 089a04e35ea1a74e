/// What the driver shows instead of the app when the terminal is below the design size: a clear
/// message rather than a squeezed, overlapping layout.
public enum TooSmallScreen {
    /// The design size of every screen.
    public static let minimumSize = Size(width: 80, height: 24)

    /// Whether `size` is too small for screens designed for `minimum`.
    public static func isTooSmall(_ size: Size, minimum: Size = minimumSize) -> Bool {
        size.width < minimum.width || size.height < minimum.height
    }

    /// A buffer of `size` with the message centred.
    public static func render(size: Size, minimum: Size = minimumSize) -> CellBuffer {
        var buffer = CellBuffer(width: size.width, height: size.height)
        let lines = [
            "Cửa sổ quá nhỏ — cần ít nhất \(minimum.width)×\(minimum.height)",
            "Hiện tại: \(size.width)×\(size.height). Hãy phóng to cửa sổ.",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let col = max(0, (size.width - CellWidth.of(line)) / 2)
            buffer.put(line, at: top + index, col: col, style: index == 0 ? .warning : .muted)
        }
        return buffer
    }
}
