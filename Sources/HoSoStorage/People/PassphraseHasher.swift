import Crypto
import Foundation
import HoSoDomain
import _CryptoExtras

/// Turns a passphrase into what is stored (scrypt, a random salt per person) and checks one typed later.
/// scrypt because it is slow and memory-hard by design: a copied data directory does not give up the
/// passphrases to a quick guessing run. swift-crypto provides it from BoringSSL.
public enum PassphraseHasher {
    /// 2^15 rounds, block 8: about 32 MiB and a tenth of a second per try on a 2-core machine.
    static let cost = 1 << 15
    static let blockSize = 8
    static let parallelism = 1
    static let keyBytes = 32
    public static let minimumLength = 8

    /// Why a new passphrase is not good enough, or nil.
    public static func weakness(of passphrase: String) -> String? {
        if passphrase.count < minimumLength {
            return "Mật khẩu cần ít nhất \(minimumLength) ký tự (đang có \(passphrase.count))."
        }
        if !VietnameseText.controlCharacters(in: passphrase).isEmpty {
            return "Mật khẩu không được chứa ký tự điều khiển."
        }
        return nil
    }

    public static func hash(_ passphrase: String) throws -> PassphraseHash {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = generator.next() }
        let key = try derive(passphrase, salt: salt, cost: cost, blockSize: blockSize, parallelism: parallelism)
        return PassphraseHash(
            algorithm: "scrypt", cost: cost, blockSize: blockSize, parallelism: parallelism,
            salt: Data(salt).base64EncodedString(), key: key.base64EncodedString())
    }

    /// Whether `passphrase` is the one `stored` was made from; compared in constant time.
    public static func matches(_ passphrase: String, _ stored: PassphraseHash) -> Bool {
        guard stored.algorithm == "scrypt", let salt = Data(base64Encoded: stored.salt),
            let expected = Data(base64Encoded: stored.key),
            let derived = try? derive(
                passphrase, salt: Array(salt), cost: stored.cost, blockSize: stored.blockSize,
                parallelism: stored.parallelism)
        else { return false }
        guard derived.count == expected.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(derived, expected) { difference |= left ^ right }
        return difference == 0
    }

    private static func derive(_ passphrase: String, salt: [UInt8], cost: Int, blockSize: Int, parallelism: Int) throws -> Data {
        // NFC first: the same passphrase typed with a precomposed or a combining accent must match.
        let normalized = Array(passphrase.precomposedStringWithCanonicalMapping.utf8)
        let key = try KDF.Scrypt.deriveKey(
            from: normalized, salt: salt, outputByteCount: keyBytes, rounds: cost, blockSize: blockSize,
            parallelism: parallelism)
        return key.withUnsafeBytes { Data($0) }
    }
}
