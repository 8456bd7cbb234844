import Foundation
import XCTest

/// Reads the search index a build wrote (search.json and the shards it names) the way the
/// search page does, so tests can ask what a reader would find.
struct SearchFiles {
    struct Entry {
        var url: String
        var title: String
        var summary: String
        var type: String
        var lang: String
        /// Facet name -> value ids.
        var facets: [String: [String]]
    }

    let manifest: [String: Any]
    let entries: [Entry]
    /// Normalised word -> (document number, field bits).
    let postings: [String: [(document: Int, fields: Int)]]
    let folder: URL

    init(site: URL) throws {
        func json(_ path: String) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(contentsOf: site.appending(path: path)))
        }
        folder = site
        manifest = try json("search.json") as! [String: Any]
        let shards = manifest["folder"] as! String
        let count = manifest["documents"] as! Int
        var documents: [[String: String]] = []
        for (file, size) in (manifest["documentFiles"] as! [Int]).enumerated() {
            let held = try json("\(shards)docs/\(file).json") as! [[String: String]]
            XCTAssertEqual(held.count, size, "docs/\(file).json holds the documents search.json says")
            documents += held
        }
        XCTAssertEqual(documents.count, count, "search.json counts every document")
        var facetsOf = [[String: [String]]](repeating: [:], count: count)
        for facet in manifest["facets"] as! [[String: Any]] {
            let name = facet["name"] as! String
            let file = try json("\(shards)facets/\(name).json") as! [String: Any]
            let values = file["values"] as! [[String: Any]]
            let lists = (file["documents"] as! [String]).map(Self.decode)
            if let listed = facet["values"] as? [[String: Any]] {
                XCTAssertEqual(listed.map { $0["id"] as! String }, values.map { $0["id"] as! String }, "\(name): manifest and facet file agree")
            }
            for (value, deltas) in zip(values, lists) {
                var document = 0
                for delta in deltas {
                    document += delta
                    facetsOf[document][name, default: []].append(value["id"] as! String)
                }
            }
        }
        entries = documents.enumerated().map { number, document in
            Entry(url: document["url"]!, title: document["title"]!, summary: document["summary"]!,
                  type: document["type"]!, lang: document["lang"]!, facets: facetsOf[number])
        }
        var postings: [String: [(Int, Int)]] = [:]
        for file in (manifest["wordFiles"] as! [String]).indices {
            let shard = try json("\(shards)words/\(file).json") as! [String: Any]
            for (word, codes) in zip(shard["words"] as! [String], shard["postings"] as! [String]) {
                var document = 0
                postings[word] = Self.decode(codes).map { code in
                    document += code >> 3
                    return (document, code & 7)
                }
            }
        }
        self.postings = postings
    }

    /// A string of base-32 digits as numbers (the documented format: `A`–`Z`, `a`–`f` end a
    /// number, `g`–`z`, `0`–`9`, `-`, `_` are its leading digits).
    static func decode(_ text: String) -> [Int] {
        let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var numbers: [Int] = [], value = 0
        for character in text {
            let digit = digits.firstIndex(of: character)!
            if digit >= 32 { value = value * 32 + digit - 32 } else { numbers.append(value * 32 + digit); value = 0 }
        }
        return numbers
    }

    func entry(_ url: String) -> Entry? { entries.first { $0.url == url } }

    /// URLs of the entries with `word` (already normalised), and whether it is in their title.
    func find(_ word: String) -> [(url: String, inTitle: Bool)] {
        (postings[word] ?? []).map { (entries[$0.document].url, $0.fields & 4 != 0) }
    }
}
