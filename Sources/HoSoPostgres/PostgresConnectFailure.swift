import Foundation

/// Why libpq could not connect, read from its (English) message, so that a clerk is told in Vietnamese what
/// happened; a message HoSo does not recognise is passed on as libpq wrote it, for the server's administrator.
enum PostgresConnectFailure: Equatable {
    /// Nothing answered within the wait: an address nobody has, a network cut, a firewall that drops packets.
    case noAnswer
    /// The machine answered that nothing listens on that port (or no server uses that socket).
    case nothingListening
    case noNetworkPath
    case unknownHostName
    case wrongPassword
    case passwordMissing
    case unknownRole
    case unknownDatabase
    case refusedByServerRules
    case other(String)

    init(libpqMessage message: String) {
        let has = { (text: String) in message.contains(text) }
        if has("timeout expired") {
            self = .noAnswer
        } else if has("Connection refused") || has("No such file or directory") {
            self = .nothingListening
        } else if has("Network is unreachable") || has("No route to host") {
            self = .noNetworkPath
        } else if has("could not translate host name") {
            self = .unknownHostName
        } else if has("password authentication failed") {
            self = .wrongPassword
        } else if has("no password supplied") {
            self = .passwordMissing
        } else if has("role \"") && has("does not exist") {
            self = .unknownRole
        } else if has("database \"") && has("does not exist") {
            self = .unknownDatabase
        } else if has("no pg_hba.conf entry") {
            self = .refusedByServerRules
        } else {
            self = .other(message.split(separator: "\n").first.map(String.init) ?? message)
        }
    }

    /// What happened, in the clerk's words.
    var reason: String {
        switch self {
        case .noAnswer: "máy chủ không trả lời"
        case .nothingListening: "không có máy chủ PostgreSQL nào đang nhận kết nối ở địa chỉ và cổng này: máy chủ chưa chạy, hoặc sai địa chỉ, sai cổng"
        case .noNetworkPath: "máy này không có đường mạng tới máy chủ"
        case .unknownHostName: "không tìm thấy máy nào có tên này: hãy xem lại tên máy chủ trong địa chỉ"
        case .wrongPassword: "sai tên vai trò hoặc mật khẩu"
        case .passwordMissing: "máy chủ đòi mật khẩu mà chưa có"
        case .unknownRole: "máy chủ không có vai trò (người dùng) này"
        case .unknownDatabase: "máy chủ không có cơ sở dữ liệu này"
        case .refusedByServerRules: "máy chủ không cho máy này, vai trò này vào cơ sở dữ liệu này (pg_hba.conf)"
        case .other(let message): message
        }
    }
}
