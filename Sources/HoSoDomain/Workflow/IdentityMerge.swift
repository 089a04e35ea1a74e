/// One field of an identity correction that someone else changed while the person typed: the three
/// values, for the person to choose between.
public struct FieldConflict: Sendable, Equatable {
    /// The field's label ("Nơi cư trú").
    public var field: String
    /// What the person saw when they opened the form.
    public var seen: String
    /// What the person typed.
    public var typed: String
    /// What is stored now.
    public var stored: String

    public init(field: String, seen: String, typed: String, stored: String) {
        self.field = field
        self.seen = seen
        self.typed = typed
        self.stored = stored
    }

    /// "Nơi cư trú: bạn nhập "…"; đang lưu "…" (lúc bạn mở là "…")".
    public var sentence: String {
        "\(field): bạn nhập \"\(typed)\"; đang lưu \"\(stored)\" (lúc bạn mở là \"\(seen)\")"
    }
}

/// The fields of an identity as the history and a conflict name them: one list for both.
struct PersonField: Sendable {
    let label: String
    /// The value as a person reads it (distinct values read differently).
    let show: @Sendable (Person) -> String
    /// Copies this field from the second person into the first.
    let copy: @Sendable (inout Person, Person) -> Void

    init<T: Sendable>(_ label: String, _ path: any WritableKeyPath<Person, T> & Sendable, _ text: @escaping @Sendable (T) -> String) {
        self.label = label
        show = { text($0[keyPath: path]) }
        copy = { $0[keyPath: path] = $1[keyPath: path] }
    }

    static let all: [PersonField] = {
        let yesNo: @Sendable (Bool) -> String = { $0 ? "Có" : "Không" }
        return [
            PersonField("Họ và tên", \.fullName) { $0 },
            PersonField("Ngày sinh", \.birthDate) { $0.vietnamese },
            PersonField("Giới tính", \.sex) { $0.vietnamese },
            PersonField("Dân tộc", \.ethnicity) { $0 },
            PersonField("Tôn giáo", \.religion) { $0 },
            PersonField("Số CCCD", \.citizenID) { $0 },
            PersonField("Nơi cư trú", \.homeAddress) { $0 },
            PersonField("Nghề nghiệp", \.occupation) { $0 },
            PersonField("Học vấn", \.education) { $0.vietnamese },
            PersonField("Đoàn viên", \.youthUnionMember, yesNo),
            PersonField("Công đoàn viên", \.tradeUnionMember, yesNo),
        ]
    }()
}

/// An identity correction carries what the person saw and what they typed; only the fields they
/// changed are applied, onto the identity as stored now (a three-way merge, field by field).
enum IdentityMerge {
    /// The stored identity with the person's changes, or the fields changed both here and meanwhile.
    static func merged(seen: Person, typed: Person, stored: Person) -> (person: Person, conflicts: [FieldConflict]) {
        var result = stored
        var conflicts: [FieldConflict] = []
        for field in PersonField.all {
            let (was, wanted, now) = (field.show(seen), field.show(typed), field.show(stored))
            guard wanted != was else { continue }
            if now == was || now == wanted {
                field.copy(&result, typed)
            } else {
                conflicts.append(FieldConflict(field: field.label, seen: was, typed: wanted, stored: now))
            }
        }
        return (result, conflicts)
    }
}
