/// The index's tables of every document, kept by source file, with the words they number.
/// The build makes one from nothing; `praxis serve` keeps one between builds and calls `update`
/// with the documents of the current site: only documents whose text changed (or that are
/// new) are read again, then `SearchShards` makes the files of a `SearchIndex` of
/// all tables. Words of documents that went stay numbered (no posting refers to them, so no
/// file shows them).
struct SearchTables: Sendable {
    private(set) var words = WordTable()
    private(set) var byFile: [String: SearchTable] = [:]

    /// Below this many documents to read, one core does it: the tasks would cost more.
    static let parallelFrom = 64

    /// The tables of `sources`, in their order: kept where the document and its body text are
    /// those of the last call, read anew for the rest (on all cores when there are many).
    /// Tables of files no longer among `sources` are dropped.
    mutating func update(_ sources: [SearchIndexBuilder.Source], bodies: [String: RenderedMarkdown]) async -> [SearchTable] {
        let result = await Self.read(sources, bodies: bodies, words: &words, kept: byFile)
        var byFile: [String: SearchTable] = [:]
        byFile.reserveCapacity(result.count)
        for table in result { byFile[table.source.file] = table }
        self.byFile = byFile
        return result
    }

    /// The tables of `sources` once, for a build that keeps none: `update` without the tables by
    /// file (30 MB at 100,000 practices, at the search's peak).
    static func read(_ sources: [SearchIndexBuilder.Source], bodies: [String: RenderedMarkdown], words: inout WordTable) async -> [SearchTable] {
        await read(sources, bodies: bodies, words: &words, kept: [:])
    }

    private static func read(_ sources: [SearchIndexBuilder.Source], bodies: [String: RenderedMarkdown], words: inout WordTable,
                             kept byFile: [String: SearchTable]) async -> [SearchTable] {
        var tables: [SearchTable?] = []
        tables.reserveCapacity(sources.count)
        var stale: [(position: Int, source: SearchIndexBuilder.Source, body: RenderedMarkdown.Text)] = []
        for (position, source) in sources.enumerated() {
            let body = bodies[source.file]?.text ?? RenderedMarkdown.empty.text
            if let kept = byFile[source.file], kept.source == source, kept.body.hasSamePlainText(as: body) {
                tables.append(kept)
            } else {
                tables.append(nil)
                stale.append((position, source, body))
            }
        }
        if stale.count < Self.parallelFrom {
            var reader = WordReader()
            for item in stale {
                tables[item.position] = reader.table(item.source, body: item.body, words: &words)
            }
        } else {
            var chunks = await Parallel.mapChunks(stale, minimumChunk: 32) { chunk -> [(WordTable, [(Int, SearchTable)])] in
                var local = WordTable()
                var reader = WordReader()
                let made = chunk.map { ($0.position, reader.table($0.source, body: $0.body, words: &local)) }
                return [(local, made)]
            }
            stale = []
            for chunk in chunks.indices {
                // Taken out of `chunks`, so that each word list is changed in place, not copied,
                // and each chunk's words are let go of once renumbered.
                let local = chunks[chunk].0
                var made = chunks[chunk].1
                chunks[chunk] = (WordTable(), [])
                // Local word numbers to this table's, then the tables' words renumbered.
                let renumber = (0..<local.count).map { number in
                    local.word(number).withUnsafeBufferPointer { UInt32(words.number(of: $0)) }
                }
                for item in made.indices {
                    made[item].1.words.withUnsafeMutableBufferPointer { codes in
                        for index in codes.indices {
                            let code = codes[index]
                            codes[index] = renumber[Int(code >> 3)] << 3 | code & 7
                        }
                    }
                    tables[made[item].0] = made[item].1
                }
            }
        }
        return tables.map { $0! }
    }
}

/// Reads one document after another into tables: each word found is looked up once per
/// document, and its fields are gathered in place.
struct WordReader {
    private var scanner = SearchText.Scanner()
    /// By word number: the document that last had the word, and where it stands in its list.
    private var seenIn: [Int32] = []
    private var position: [Int32] = []
    private var document: Int32 = 0

    /// The table of one document. A spilled body's plain text is read here and dropped when
    /// its words are found, so the texts are never all in memory.
    mutating func table(_ source: SearchIndexBuilder.Source, body: RenderedMarkdown.Text, words: inout WordTable) -> SearchTable {
        document += 1
        var found: [UInt32] = []
        read(body.plainText, SearchIndex.Fields.body, words: &words, into: &found)
        read(source.moreBody, .body, words: &words, into: &found)
        read(source.summary, .summary, words: &words, into: &found)
        read(source.title, .title, words: &words, into: &found)
        // At its size: grown by appending, the list has up to twice the room (100 MB at
        // 100,000 documents), and all of them are kept until the word files are made.
        let words = found.withUnsafeBufferPointer { Array($0) }
        return SearchTable(source: source, body: body, words: words)
    }

    private mutating func read(_ text: String, _ field: SearchIndex.Fields, words: inout WordTable, into found: inout [UInt32]) {
        let bits = UInt32(field.rawValue)
        let document = self.document
        var seenIn = self.seenIn, position = self.position
        self.seenIn = []; self.position = []  // kept unique while the closure changes them
        scanner.scan(text) { word in
            let number = words.number(of: word)
            guard words.indexed[number] else { return }
            if number >= seenIn.count {
                let count = max(number + 1, seenIn.count * 2, 1024)
                seenIn += repeatElement(0, count: count - seenIn.count)
                position += repeatElement(0, count: count - position.count)
            }
            if seenIn[number] == document {
                found[Int(position[number])] |= bits
            } else {
                seenIn[number] = document
                position[number] = Int32(found.count)
                found.append(UInt32(number) << 3 | bits)
            }
        }
        self.seenIn = seenIn
        self.position = position
    }
}
