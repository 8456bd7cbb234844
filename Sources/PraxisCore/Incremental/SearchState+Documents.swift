import Foundation

/// The documents of the search index and their words, brought up to date.
extension SearchState {
    /// The documents `changed` brought up to date in place, each keeping its number; only the
    /// words a document gained, lost or moved to another field change postings. Returns the
    /// documents whose words or JSON changed and the terms whose postings changed.
    mutating func update(_ changed: [Int], sources: [SearchIndexBuilder.Source],
                                 bodies: [String: RenderedMarkdown]) async -> ([Int], Set<Int>) {
        let bits = SearchIndex.Fields.bits
        var changedDocuments: [Int] = []
        var dirty = Set<Int>()
        for number in changed {
            let source = sources[number]
            let plainText = bodies[source.file]?.plainText ?? ""
            let old = documents[number]
            if old.title == source.title, old.summary == source.summary, old.moreBody == source.moreBody, old.plainText == plainText {
                if !Self.same(old.document, source.document) {
                    documents[number].document = source.document
                    documents[number].json = SearchShards.documentJSON(source.document)
                    changedDocuments.append(number)
                }
                continue
            }
            let found = SearchIndexBuilder.words(of: source, plainText: plainText)
            let words: [(term: Int, fields: Int)] = found.map { (term(for: $0.key), $0.value.rawValue) }.sorted { $0.term < $1.term }
            // Both lists are in order of term: walk them side by side.
            var a = 0, b = 0
            while a < old.words.count || b < words.count {
                let before = a < old.words.count ? old.words[a] : nil
                let after = b < words.count ? words[b] : nil
                if let before, after == nil || before.term < after!.term {
                    removePosting(number, from: before.term)
                    dirty.insert(before.term)
                    a += 1
                } else if let after, before == nil || after.term < before!.term {
                    insertPosting(number << bits | after.fields, into: after.term)
                    dirty.insert(after.term)
                    b += 1
                } else {
                    if before!.fields != after!.fields {
                        removePosting(number, from: before!.term)
                        insertPosting(number << bits | after!.fields, into: after!.term)
                        dirty.insert(after!.term)
                    }
                    a += 1
                    b += 1
                }
            }
            documents[number] = Document(url: source.document.url, title: source.title, summary: source.summary,
                                         moreBody: source.moreBody, plainText: plainText, words: words, document: source.document,
                                         json: Self.same(old.document, source.document) ? old.json : SearchShards.documentJSON(source.document),
                                         kept: nil)
            changedDocuments.append(number)
        }
        for term in dirty { postingPieces[term] = nil }
        return (changedDocuments, dirty)
    }

    mutating func removePosting(_ number: Int, from term: Int) {
        if let at = Self.position(of: number, in: postings[term], bits: SearchIndex.Fields.bits),
           postings[term][at] >> SearchIndex.Fields.bits == number {
            postings[term].remove(at: at)
        }
    }

    mutating func insertPosting(_ posting: Int, into term: Int) {
        let at = Self.position(of: posting >> SearchIndex.Fields.bits, in: postings[term], bits: SearchIndex.Fields.bits) ?? postings[term].count
        postings[term].insert(posting, at: at)
    }

    /// The documents of `sources`, with the words of those whose text is new.
    /// Returns them with the numbers of those whose words or JSON are new.
    mutating func documents(_ sources: [SearchIndexBuilder.Source], bodies: [String: RenderedMarkdown]) async -> ([Document], [Int]) {
        var changed: [Int] = []
        var known: [String: Int] = [:]
        for (number, document) in documents.enumerated() { known[document.url] = number }
        var next: [Document] = []
        next.reserveCapacity(sources.count)
        var toRead: [Int] = []
        for source in sources {
            let plainText = bodies[source.file]?.plainText ?? ""
            if let number = known[source.document.url], case let old = documents[number], old.title == source.title,
               old.summary == source.summary, old.moreBody == source.moreBody, old.plainText == plainText {
                var document = old
                document.kept = number
                if !Self.same(old.document, source.document) {
                    document.document = source.document
                    document.json = SearchShards.documentJSON(source.document)
                    changed.append(next.count)
                }
                next.append(document)
            } else {
                toRead.append(next.count)
                changed.append(next.count)
                next.append(Document(url: source.document.url, title: source.title, summary: source.summary, moreBody: source.moreBody,
                                     plainText: plainText, words: [], document: source.document,
                                     json: SearchShards.documentJSON(source.document), kept: nil))
            }
        }
        let found = await Self.words(toRead.map { (sources[$0], next[$0].plainText) })
        for (position, words) in zip(toRead, found) {
            next[position].words = words.map { (term(for: $0.key), $0.value.rawValue) }.sorted { $0.term < $1.term }
        }
        return (next, changed)
    }

    /// Words of many documents on every core, in their order.
    static func words(_ documents: [(SearchIndexBuilder.Source, String)]) async -> [[String: SearchIndex.Fields]] {
        guard documents.count > 8 else { return documents.map { SearchIndexBuilder.words(of: $0.0, plainText: $0.1) } }
        let chunkSize = max(32, documents.count / (ProcessInfo.processInfo.activeProcessorCount * 4) + 1)
        return await withTaskGroup(of: (Int, [[String: SearchIndex.Fields]]).self) { group in
            for start in stride(from: 0, to: documents.count, by: chunkSize) {
                let chunk = documents[start..<min(start + chunkSize, documents.count)]
                group.addTask { (start, chunk.map { SearchIndexBuilder.words(of: $0.0, plainText: $0.1) }) }
            }
            var result = [[String: SearchIndex.Fields]](repeating: [:], count: documents.count)
            for await (start, words) in group { result.replaceSubrange(start..<start + words.count, with: words) }
            return result
        }
    }

    static func same(_ a: SearchIndex.Document, _ b: SearchIndex.Document) -> Bool {
        a.url == b.url && a.title == b.title && a.summary == b.summary && a.meta == b.meta && a.type == b.type && a.lang == b.lang
    }

    /// The id of `word`, a new one for a word never seen.
    mutating func term(for word: String) -> Int {
        if let id = termID[word] { return id }
        let id = words.count
        words.append(word)
        termID[word] = id
        postings.append([])
        listed.append(false)
        wordPieces.append(SearchShards.wordJSON(word))
        postingPieces.append(nil)
        return id
    }

    mutating func postingsPiece(_ term: Int) -> [UInt8] {
        if let piece = postingPieces[term] { return piece }
        let piece = SearchShards.postingsJSON(postings[term])
        postingPieces[term] = piece
        return piece
    }
}
