extension CivilDate {
    /// The day of the week as Vietnamese paperwork writes it: "thứ Hai" … "thứ Bảy", "Chủ nhật".
    public var vietnameseWeekdayName: String {
        switch isoWeekday {
        case 1: "thứ Hai"
        case 2: "thứ Ba"
        case 3: "thứ Tư"
        case 4: "thứ Năm"
        case 5: "thứ Sáu"
        case 6: "thứ Bảy"
        default: "Chủ nhật"
        }
    }
}
