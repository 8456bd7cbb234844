/// The small maps that entries share. Decoded straight from front matter.

public struct Place: Codable, Sendable {
    public var municipality: String?
    public var state: String?
    public var country: String?
}

public struct Contact: Codable, Sendable {
    public var name: String?
    public var role: String?
    public var email: String?
    public var url: String?
}

public struct Media: Codable, Sendable {
    public var type: String?
    public var url: String?
    public var file: String?
    public var title: String?
    public var credit: String?
}

public struct Price: Codable, Sendable {
    public var amount: Double?
    public var currency: String?
    public var note: String?
}

public struct Session: Codable, Sendable {
    public var time: String?
    public var title: String?
    public var note: String?
}

public struct Material: Codable, Sendable {
    public var title: String?
    public var file: String?
}
