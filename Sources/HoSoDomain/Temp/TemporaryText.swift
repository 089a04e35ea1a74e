import Foundation
// Temporary until the Text module lands.
public enum VietnameseText {
    public static func normalized(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }
    public static func controlCharacters(in s: String) -> [Unicode.Scalar] {
        s.unicodeScalars.filter { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}
