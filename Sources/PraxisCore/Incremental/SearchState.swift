import Foundation

/// Stage "search" for `praxis serve`: the index kept between builds. A document's words are
/// found again only when its text changed; a word's postings change only where documents came,
/// went, moved or changed; a word file, a document file or a hash is made again only when
/// something in it changed. The files are byte for byte those of `SearchIndexBuilder` and
/// `SearchShards.files`.
struct SearchState {
    struct Document {
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

    var documents: [Document] = []
    /// Terms by id: the word, its postings (ascending) and their JSON, nil until needed again.
    var words: [String] = []
    var termID: [String: Int] = [:]
    var postings: [[Int]] = []
    var wordPieces: [[UInt8]] = []
    var postingPieces: [[UInt8]?] = []
    /// Ids of the terms that have postings, in byte order of their words; `listed` by term id.
    var order: [Int] = []
    var listed: [Bool] = []
    /// `SearchShards.termSize` of each term of `order`, in its order.
    var sizes: [Int] = []
    /// The word files: the term ids each holds, and the file.
    var wordFiles: [(terms: ArraySlice<Int>, file: OutputFile)] = []
    var documentFiles: [OutputFile] = []
    /// Every shard file of the last build (words, documents, facets) and the hash after each.
    var shards: [OutputFile] = []
    var hashes: [UInt64] = []

    /// The facet files of the last build, kept while facets and document numbers stay.
    var facetFiles: [OutputFile] = []
    var facetGroups: [SearchIndex.FacetGroup] = []

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
}
