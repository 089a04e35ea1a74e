/// Numbers as Vietnamese writes them.
public enum VietnameseNumber {
    /// 1000000 → "1.000.000": thousands are grouped with dots (a comma is the decimal mark).
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(character)
        }
        return out
    }
}
