import Foundation
import HoSoDomain
import HoSoStorage

/// One passphrase typed for `--as`, judged and counted under one hold of the store's lock.
///
/// Read the count, decide, record: if two processes each read the count before either wrote it, fifteen
/// wrong passphrases typed at once would all be "the first", and the lock would never come. Under the lock
/// each attempt sees the ones before it, and a right passphrase typed after the third wrong one finds the
/// person locked.
enum PassphraseAttempt {
    /// Right, and the person is not locked; a count of earlier wrong attempts was cleared.
    case accepted(Account)
    /// Wrong; this is attempt `attempt` of `SignIn.attemptsBeforeLock`.
    case wrong(attempt: Int)
    /// Wrong, and the last one allowed: the person is locked until `until`.
    case lockedNow(until: String)
    /// Locked by earlier attempts (until `until`): the passphrase was not even judged.
    case locked(until: String)
    /// The person was removed, or lost their passphrase, in the meantime.
    case noLongerSignable

    /// Decides the attempt on the person as stored now and saves the new count; throws when the count
    /// cannot be saved (a full disk), and then nothing was decided in the person's favour.
    static func record(
        for id: AccountID, in store: any RecordStore<StoredItem>, now: Date, matches: (PassphraseHash) -> Bool
    ) throws(StoreError) -> PassphraseAttempt {
        try store.updateRecord(id: StoredItem.id(id), actor: "HoSo (đăng nhập)", now: now) { record in
            guard case .account(var account)? = record?.value, let stored = account.passphrase else {
                return (nil, "", .noLongerSignable)
            }
            let stamp = Timestamp.iso8601(now)
            if let until = account.lockedUntil, until > stamp { return (nil, "", .locked(until: until)) }
            if matches(stored) {
                guard account.failedAttempts > 0 || account.lockedUntil != nil else { return (nil, "", .accepted(account)) }
                account.failedAttempts = 0
                account.lockedUntil = nil
                return (.account(account), "Đăng nhập đúng mật khẩu", .accepted(account))
            }
            account.failedAttempts += 1
            guard account.failedAttempts >= SignIn.attemptsBeforeLock else {
                return (.account(account), "Sai mật khẩu", .wrong(attempt: account.failedAttempts))
            }
            let until = Timestamp.iso8601(now.addingTimeInterval(SignIn.lockDuration))
            account.failedAttempts = 0
            account.lockedUntil = until
            return (.account(account), "Tạm khóa vì sai mật khẩu", .lockedNow(until: until))
        }
    }
}
