import Foundation

/// Stage "search" for `praxis serve`: the index kept between builds. A document's words are
/// found again only when its text changed; a word's postings change only where documents came,
/// went, moved or changed; a word file, a document file or a hash is made again only when
/// something in it changed. The files are byte for byte those of `SearchIndexBuilder` and
/// `SearchShards.files`.
struct SearchState {
    private struct Document {
        var url: String
        /// What the words were found in.
        var title: String, summary: String, moreBody: String, plainText: String
        /// Term ids with the fields they occur in, as `number << bits | fields` minus the number.
        var words: [(term: Int, fields: Int)]
        var document: SearchIndex.Document
        var json: [UInt8]
        /// Its number in the last build when its words are those of then; nil when read anew.
        var kept: Int?
    }

    private var documents: [Document] = []
    /// Terms by id: the word, its postings (ascending) and their JSON, nil until needed again.
    private var words: [String] = []
    private var termID: [String: Int] = [:]
    private var postings: [[Int]] = []
    private var wordPieces: [[UInt8]] = []
    private var postingPieces: [[UInt8]?] = []
    /// Ids of the terms that have postings, in byte order of their words; `listed` by term id.
    private var order: [Int] = []
    private var listed: [Bool] = []
    /// `SearchShards.termSize` of each term of `order`, in its order.
    private var sizes: [Int] = []
    /// The word files: the term ids each holds, and the file.
    private var wordFiles: [(terms: ArraySlice<Int>, file: OutputFile)] = []
    private var documentFiles: [OutputFile] = []
    /// Every shard file of the last build (words, documents, facets) and the hash after each.
    private var shards: [OutputFile] = []
    private var hashes: [UInt64] = []

    /// The facet files of the last build, kept while facets and document numbers stay.
    private var facetFiles: [OutputFile] = []
    private var facetGroups: [SearchIndex.FacetGroup] = []

    /// `search.json` and the shards of `site`, whose documents are `sources`
    /// (`SearchIndexBuilder.sources`). `facetsChanged` false promises the facets of the last build.
    /// `changed`, when known, lists the only documents (by number) that may differ from the
    /// last build's, each at the same number.
    mutating func files(_ site: Site, sources: [SearchIndexBuilder.Source], changed: [Int]?, facets: [Facet], facetsChanged: Bool,
                        typeLabels: [String: String], typeFacetLabel: String) async -> [OutputFile] {
        let changedDocuments: [Int], dirty: Set<Int>, reordered: Bool, renumbered: Bool
        if let changed, sources.count == documents.count, changed.allSatisfy({ sources[$0].document.url == documents[$0].url }) {
            (changedDocuments, dirty) = await update(changed, sources: sources, bodies: site.bodies)
            reordered = updateOrder(dirty)
            renumbered = false
        } else {
            let next: [Document]
            (next, changedDocuments) = await self.documents(sources, bodies: site.bodies)
            renumbered = next.count != documents.count || zip(next, documents).contains { $0.url != $1.url }
            (dirty, reordered) = updatePostings(next)
            documents = next
        }
        let next = documents

        // Word files: the same words in the same file with the same postings keep their bytes.
        // Sizes are counted again only for the words whose postings changed, unless words came or went.
        var dirtyPositions: [Int] = []
        if reordered || sizes.count != order.count {
            sizes = order.map { SearchShards.termSize(word: words[$0], postings: postings[$0].count) }
            dirtyPositions = order.indices.filter { dirty.contains(order[$0]) }
        } else {
            for term in dirty {
                guard let position = position(ofTerm: term) else { continue }
                sizes[position] = SearchShards.termSize(word: words[term], postings: postings[term].count)
                dirtyPositions.append(position)
            }
            dirtyPositions.sort()
        }
        var wordFiles: [(terms: ArraySlice<Int>, file: OutputFile)] = []
        var files: [OutputFile] = []
        var fresh: [Bool] = []
        for (number, range) in SearchShards.chunkRanges(sizes).enumerated() {
            let terms = order[range]
            let touched = Self.firstIndex(atLeast: range.lowerBound, in: dirtyPositions).map { dirtyPositions[$0] < range.upperBound } ?? false
            if number < self.wordFiles.count, !touched, self.wordFiles[number].terms == terms {
                wordFiles.append(self.wordFiles[number])
                fresh.append(false)
            } else {
                let file = SearchShards.wordFile(number, words: terms.map { wordPieces[$0] }, postings: terms.map { postingsPiece($0) })
                wordFiles.append((terms, file))
                fresh.append(true)
            }
        }
        files += wordFiles.map(\.file)
        self.wordFiles = wordFiles

        // Document files: made again when one of their documents changed or moved.
        var documentFiles: [OutputFile] = []
        let changedFiles = Set(changedDocuments.map { $0 / SearchShards.documentsPerFile })
        for (number, start) in stride(from: 0, to: next.count, by: SearchShards.documentsPerFile).enumerated() {
            if !renumbered, number < self.documentFiles.count, !changedFiles.contains(number) {
                documentFiles.append(self.documentFiles[number])
                fresh.append(false)
                continue
            }
            let members = next[start..<min(start + SearchShards.documentsPerFile, next.count)]
            let file = SearchShards.documentFile(number, members.map(\.json))
            if number < self.documentFiles.count, self.documentFiles[number].data == file.data {
                documentFiles.append(self.documentFiles[number])
                fresh.append(false)
            } else {
                documentFiles.append(file)
                fresh.append(true)
            }
        }
        files += documentFiles
        self.documentFiles = documentFiles

        if facetsChanged || renumbered || facetFiles.isEmpty {
            let documents = next.map(\.document)
            facetGroups = [SearchIndexBuilder.typeFacet(documents, labels: typeLabels, label: typeFacetLabel)]
                + SearchIndexBuilder.facetGroups(facets, documents: documents)
            facetFiles = facetGroups.map(SearchShards.facetFile)
            fresh += facetFiles.map { _ in true }
        } else {
            fresh += facetFiles.map { _ in false }
        }
        files += facetFiles


        // The key hashes every file in order: from the first that changed on.
        var hashes: [UInt64] = []
        hashes.reserveCapacity(files.count)
        for (position, file) in files.enumerated() {
            let unchanged = position < shards.count && !fresh[position] && shards[position].path == file.path
                && (position == 0 || hashes[position - 1] == self.hashes[position - 1])
            if unchanged {
                hashes.append(self.hashes[position])
            } else {
                let previous = position == 0 ? SearchShards.fnvStart : hashes[position - 1]
                // A facet file made again is often the same as before.
                if position < shards.count, position > 0, hashes[position - 1] == self.hashes[position - 1],
                   shards[position].path == file.path, shards[position].data == file.data {
                    hashes.append(self.hashes[position])
                } else {
                    hashes.append(SearchShards.fnv(previous, file))
                }
            }
        }
        shards = files
        self.hashes = hashes
        let key = String(hashes.last ?? SearchShards.fnvStart, radix: 16)
        let manifest = SearchShards.manifest(documents: next.count, facets: facetGroups, firstWords: wordFiles.map { words[$0.terms.first!] }, key: key)
        return [manifest] + files
    }

    // MARK: Documents

    /// The documents `changed` brought up to date in place, each keeping its number; only the
    /// words a document gained, lost or moved to another field change postings. Returns the
    /// documents whose words or JSON changed and the terms whose postings changed.
    private mutating func update(_ changed: [Int], sources: [SearchIndexBuilder.Source],
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

    private mutating func removePosting(_ number: Int, from term: Int) {
        if let at = Self.position(of: number, in: postings[term], bits: SearchIndex.Fields.bits),
           postings[term][at] >> SearchIndex.Fields.bits == number {
            postings[term].remove(at: at)
        }
    }

    private mutating func insertPosting(_ posting: Int, into term: Int) {
        let at = Self.position(of: posting >> SearchIndex.Fields.bits, in: postings[term], bits: SearchIndex.Fields.bits) ?? postings[term].count
        postings[term].insert(posting, at: at)
    }

    /// The documents of `sources`, with the words of those whose text is new.
    /// Returns them with the numbers of those whose words or JSON are new.
    private mutating func documents(_ sources: [SearchIndexBuilder.Source], bodies: [String: RenderedMarkdown]) async -> ([Document], [Int]) {
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
    private static func words(_ documents: [(SearchIndexBuilder.Source, String)]) async -> [[String: SearchIndex.Fields]] {
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

    private static func same(_ a: SearchIndex.Document, _ b: SearchIndex.Document) -> Bool {
        a.url == b.url && a.title == b.title && a.summary == b.summary && a.meta == b.meta && a.type == b.type && a.lang == b.lang
    }

    /// The id of `word`, a new one for a word never seen.
    private mutating func term(for word: String) -> Int {
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

    private mutating func postingsPiece(_ term: Int) -> [UInt8] {
        if let piece = postingPieces[term] { return piece }
        let piece = SearchShards.postingsJSON(postings[term])
        postingPieces[term] = piece
        return piece
    }

    // MARK: Postings

    /// Brings every term's postings to the numbering of `next`; returns the terms whose postings
    /// changed. A document that kept its words and its place among the others keeps its
    /// postings, renumbered; every other one is taken out and put in again.
    private mutating func updatePostings(_ next: [Document]) -> (dirty: Set<Int>, reordered: Bool) {
        let bits = SearchIndex.Fields.bits
        // Old number -> new number for documents whose words are those of the last build.
        var candidates: [(old: Int, new: Int)] = []
        for (number, document) in next.enumerated() {
            if let old = document.kept { candidates.append((old, number)) }
        }
        if !candidates.enumerated().allSatisfy({ $0.offset == 0 || candidates[$0.offset - 1].old < $0.element.old }) {
            candidates.sort { $0.old < $1.old }
        }
        let kept = Self.increasing(candidates)
        var mapping = [Int?](repeating: nil, count: documents.count)
        for pair in kept { mapping[pair.old] = pair.new }
        var keptNew = [Bool](repeating: false, count: next.count)
        for pair in kept { keptNew[pair.new] = true }

        var dirty = Set<Int>()
        let renumbered = kept.contains { $0.old != $0.new }
        if renumbered {
            // Every posting gets its new number; the order stays, as kept documents keep theirs.
            for term in order {
                var changed = false
                var list: [Int] = []
                list.reserveCapacity(postings[term].count)
                for posting in postings[term] {
                    guard let new = mapping[posting >> bits] else { changed = true; continue }
                    if new != posting >> bits { changed = true }
                    list.append(new << bits | (posting & ((1 << bits) - 1)))
                }
                if changed {
                    postings[term] = list
                    dirty.insert(term)
                }
            }
        }
        // Documents not kept: taken out of the terms they had (when not renumbered above) ...
        if !renumbered {
            for (old, document) in documents.enumerated() where mapping[old] == nil {
                for (term, _) in document.words {
                    let number = old
                    if let at = Self.position(of: number, in: postings[term], bits: bits), postings[term][at] >> bits == number {
                        postings[term].remove(at: at)
                        dirty.insert(term)
                    }
                }
            }
        }
        // ... and put into the terms they have now.
        for (number, document) in next.enumerated() where !keptNew[number] {
            for (term, fields) in document.words {
                let at = Self.position(of: number, in: postings[term], bits: bits) ?? postings[term].count
                postings[term].insert(number << bits | fields, at: at)
                dirty.insert(term)
            }
        }
        for term in dirty { postingPieces[term] = nil }
        return (dirty, updateOrder(dirty))
    }

    /// Keeps `order` to the terms with postings, in byte order of their words; true when terms
    /// came or went.
    private mutating func updateOrder(_ dirty: Set<Int>) -> Bool {
        let words = self.words
        func precedes(_ a: Int, _ b: Int) -> Bool { words[a].utf8.lexicographicallyPrecedes(words[b].utf8) }
        let gone = dirty.filter { postings[$0].isEmpty && listed[$0] }
        if !gone.isEmpty { order.removeAll { gone.contains($0) } }
        for term in gone { listed[term] = false }
        let new = dirty.filter { !postings[$0].isEmpty && !listed[$0] }.sorted()
        for term in new { listed[term] = true }
        if new.count > 1000 {
            // Many new words (the first build): sorting them all is quicker than placing each.
            order = (order + new).sorted(by: precedes)
            return true
        }
        for term in new {
            var low = 0, high = order.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(order[middle], term) { low = middle + 1 } else { high = middle }
            }
            order.insert(term, at: low)
        }
        return !gone.isEmpty || !new.isEmpty
    }

    /// Where a listed term is in `order`.
    private func position(ofTerm term: Int) -> Int? {
        guard listed[term] else { return nil }
        let word = words[term].utf8
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            if words[order[middle]].utf8.lexicographicallyPrecedes(word) { low = middle + 1 } else { high = middle }
        }
        return low < order.count && order[low] == term ? low : nil
    }

    /// The first index of a sorted list whose value is at least `value`.
    private static func firstIndex(atLeast value: Int, in sorted: [Int]) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count ? low : nil
    }

    /// The first position in `list` whose document number is not below `number`.
    private static func position(of number: Int, in list: [Int], bits: Int) -> Int? {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] >> bits < number { low = middle + 1 } else { high = middle }
        }
        return low < list.count ? low : nil
    }

    /// The longest run of `pairs` (in order of `old`) whose `new` numbers increase too: the
    /// documents that keep their place among each other.
    static func increasing(_ pairs: [(old: Int, new: Int)]) -> [(old: Int, new: Int)] {
        if pairs.enumerated().allSatisfy({ $0.offset == 0 || pairs[$0.offset - 1].new < $0.element.new }) { return pairs }
        var tails: [Int] = []          // index into pairs of the smallest tail of each length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if pairs[tails[middle]].new < pair.new { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var result: [(old: Int, new: Int)] = []
        var index = tails.last ?? -1
        while index >= 0 {
            result.append(pairs[index])
            index = previous[index]
        }
        return result.reversed()
    }
}
