import Foundation

/// The argument parser's own words (help headers, usage errors) in Vietnamese: the interface speaks
/// Vietnamese everywhere, also when a command is mistyped. The option and command texts are already ours.
enum UsageText {
    /// Whole lines or phrases the parser writes, and what they say in Vietnamese.
    static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "TỔNG QUAN: "),
        ("USAGE: ", "CÁCH DÙNG: "),
        ("ARGUMENTS:", "THAM SỐ:"),
        ("OPTIONS:", "TÙY CHỌN:"),
        ("SUBCOMMANDS:", "LỆNH CON:"),
        ("See 'hoso help <subcommand>' for detailed help.", "Xem 'hoso help <lệnh con>' để biết chi tiết."),
        ("Show the version.", "In phiên bản."),
        ("Show help information.", "Xem trợ giúp này."),
        // Without the space after the colon: the help wraps long lines there.
        ("(values:", "(giá trị:"),
        ("(default:", "(mặc định:"),
        ("; default:", "; mặc định:"),
        ("[<options>]", "[<tùy chọn>]"),
        ("<subcommand>", "<lệnh con>"),
        (". Please provide one of the following:", ". Hãy dùng một trong các giá trị:"),
        ("Please provide one of ", "Hãy dùng một trong các giá trị "),
        ("' and '", "' hoặc '"),
        ("Please provide at least one value for", "Cần ít nhất một giá trị cho"),
    ]

    /// The parser's sentences with their parts (an option, a value): pattern, then the Vietnamese with
    /// `\1`, `\2` for the parts.
    static let sentences: [(String, String)] = [
        (#"(?m)^Error: "#, "Lỗi: "),
        // "; default:" wrapped onto the next line of the help.
        (#";(\s+)default:"#, #";$1mặc định:"#),
        (#"(?m)^Help: "#, "Trợ giúp: "),
        (#"(?m)^Usage: "#, "Cách dùng: "),
        (#"See '([^']*)' for detailed help\."#, #"Xem '$1' để biết chi tiết."#),
        (#"See '([^']*)' for more information\."#, #"Xem '$1' để biết thêm."#),
        (#"Unknown option '([^']*)'"#, #"Không có tùy chọn '$1'"#),
        (#"Missing expected argument '([^']*)'"#, #"Thiếu tham số bắt buộc '$1'"#),
        (#"Missing value for '([^']*)'"#, #"Thiếu giá trị cho '$1'"#),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, #"Giá trị '$1' không hợp lệ cho '$2'"#),
        (#"Unexpected argument '([^']*)'"#, #"Thừa tham số '$1'"#),
        (#"(\d+) unexpected arguments:"#, #"Thừa $1 tham số:"#),
        (#"Unknown subcommand '([^']*)'"#, #"Không có lệnh '$1'"#),
        (#"\. Did you mean '([^']*)'\?"#, #". Có phải ý bạn là '$1'?"#),
        (#"Invalid option: (\S+)"#, #"Tùy chọn không hợp lệ: $1"#),
        (#"Missing one of: "#, "Thiếu một trong: "),
        (#"Missing required subcommand\."#, "Thiếu lệnh con."),
        (#"The option '([^']*)' does not take any value, but '([^']*)' was specified\."#, #"Tùy chọn '$1' không nhận giá trị, nhưng đã ghi '$2'."#),
        (#"Value to be set with (.*) had already been set with (.*)"#, #"Giá trị của $1 đã được ghi bằng $2"#),
        (#"The value '([^']*)' is invalid\."#, #"Giá trị '$1' không hợp lệ."#),
    ]

    static func vietnamese(_ text: String) -> String {
        var result = text
        for (english, vietnamese) in phrases { result = result.replacingOccurrences(of: english, with: vietnamese) }
        for (pattern, template) in sentences {
            result = result.replacingOccurrences(
                of: pattern, with: template, options: [.regularExpression], range: nil)
        }
        return result
    }
}
