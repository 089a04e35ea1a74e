/// Vietnamese names, streets and notes for demo data.
enum DemoNames {
    static let families = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý", "Đào", "Đinh", "Lâm", "Mai", "Trương", "Tạ",
    ]
    static let middlesMale = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Hoàng", "Ngọc"]
    static let middlesFemale = ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Hồng", "Diệu", "Phương", "Bảo"]
    static let givenMale = [
        "An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hải", "Hiếu", "Hùng", "Khang", "Khoa", "Lâm", "Long", "Nam",
        "Nghĩa", "Phúc", "Quang", "Sơn", "Tài", "Thắng", "Trí", "Tuấn", "Việt", "Vinh", "Ánh", "Ẩn",
    ]
    static let givenFemale = [
        "Anh", "Ánh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hương", "Lan", "Linh", "Mai", "My", "Ngân",
        "Ngọc", "Nhi", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Tú", "Uyên", "Vy", "Yến",
    ]
    static let streets = [
        "Lý Chính Thắng", "Nam Kỳ Khởi Nghĩa", "Võ Văn Tần", "Trần Quốc Thảo", "Bà Huyện Thanh Quan",
        "Nguyễn Đình Chiểu", "Điện Biên Phủ", "Cách Mạng Tháng Tám", "Kỳ Đồng", "Trương Định",
    ]
    static let occupations = [
        "Giáo viên", "Công nhân", "Nhân viên văn phòng", "Kỹ sư", "Bác sĩ", "Điều dưỡng", "Sinh viên", "Kinh doanh",
        "Chiến sĩ dân quân", "Cán bộ phường", "Kế toán",
    ]
    static let notes = [
        "Tích cực tham gia hoạt động khu phố, hoàn thành tốt nhiệm vụ được giao.",
        "Đã đọc và tìm hiểu Điều lệ Đảng; cần tiếp tục rèn luyện tác phong.",
        "Gương mẫu trong công tác, được quần chúng tín nhiệm.",
        "Tham gia đầy đủ sinh hoạt chi đoàn; tiến bộ rõ trong tháng.",
        "Nhiệt tình trong phong trào thanh niên tình nguyện.",
    ]

    static func pick(_ list: [String], _ random: inout SplitMix64) -> String { list[Int(random.next() % UInt64(list.count))] }

    static func fullName(_ random: inout SplitMix64, sex: Person.Sex? = nil) -> String {
        let male = sex.map { $0 == .male } ?? (random.next() % 2 == 0)
        return [
            pick(families, &random), pick(male ? middlesMale : middlesFemale, &random),
            pick(male ? givenMale : givenFemale, &random),
        ].joined(separator: " ")
    }

    static func street(_ random: inout SplitMix64) -> String { pick(streets, &random) }
    static func occupation(_ random: inout SplitMix64) -> String { pick(occupations, &random) }
    static func note(_ random: inout SplitMix64) -> String { pick(notes, &random) }

    /// Plausible parents' names: the father carries the family name. Derived from the name itself
    /// (not a random source) so a journey stays deterministic.
    static func parents(of fullName: String) -> (father: String, mother: String) {
        let family = fullName.split(separator: " ").first.map(String.init) ?? "Nguyễn"
        let seed = fullName.unicodeScalars.reduce(0) { ($0 &* 31 &+ Int($1.value)) & 0xFFFF }
        let father = "\(family) \(middlesMale[seed % middlesMale.count]) \(givenMale[(seed / 7) % givenMale.count])"
        let mother = "\(families[(seed / 3) % families.count]) Thị \(givenFemale[(seed / 11) % givenFemale.count])"
        return (father, mother)
    }
}
