import Foundation

/// Cuts the index into the files the search page loads as it needs them, so that the first
/// query of a 10,000-practice catalogue downloads a few files, not the whole index:
///
///     search.json                   manifest: facets with labels, stop words, where words and documents are
///     search/words/<n>.json         words in byte order, cut by size; the manifest has each file's first word
///     search/docs/<n>.json          title, summary, facts line, URL, type, lang of `documentsPerFile` documents
///     search/facets/<name>.json     the facet's values and, per value, its document numbers (delta-coded)
///
/// Numbers in postings are delta-coded (`(document - previous) << 3 | fields`), which keeps them
/// short and lets gzip find the repeats. The manifest's `key` is a hash of every other file;
/// the page asks for `file?v=key`, so a browser never mixes files of two builds.
enum SearchShards {
    /// Where the shards are, relative to search.json.
    static let folder = "search/"
    static let documentsPerFile = 5
    /// A facet with more values starts folded on the page; its values stay out of the manifest
    /// (400 partner names would double its size) and load with the facet.
    static let manyValues = 12
    /// Target size of a word file before compression (a single word's postings may exceed it).
    static let wordFileBytes = 24_000

    static func files(_ index: SearchIndex) -> [OutputFile] {
        var files: [OutputFile] = []
        var firstWords: [String] = []
        for (number, chunk) in wordChunks(index.terms).enumerated() {
            firstWords.append(chunk.first!.word)
            files.append(wordFile(number, words: chunk.map { wordJSON($0.word) }, postings: chunk.map { postingsJSON($0.postings) }))
        }
        for start in stride(from: 0, to: index.documents.count, by: documentsPerFile) {
            let documents = index.documents[start..<min(start + documentsPerFile, index.documents.count)]
            files.append(documentFile(start / documentsPerFile, documents.map(documentJSON)))
        }
        files += index.facets.map(facetFile)
        return [manifest(documents: index.documents.count, facets: index.facets, firstWords: firstWords, key: key(files))] + files
    }

    // The files piece by piece: `praxis serve` keeps the pieces of words and documents that
    // did not change and puts the files together from them.

    /// A word as JSON.
    static func wordJSON(_ word: String) -> [UInt8] {
        var json = JSONBytes()
        json.string(word)
        return json.bytes
    }

    /// A word's postings as JSON, delta-coded.
    static func postingsJSON(_ postings: [Int]) -> [UInt8] {
        var json = JSONBytes()
        json.ints(deltaCoded(postings, bits: SearchIndex.Fields.bits))
        return json.bytes
    }

    /// `search/words/<number>.json` from its words and their postings, each already JSON.
    static func wordFile(_ number: Int, words: [[UInt8]], postings: [[UInt8]]) -> OutputFile {
        var json = JSONBytes()
        json.raw("{")
        json.key("words"); json.array(words) { $0.append($1) }
        json.raw(","); json.key("postings"); json.array(postings) { $0.append($1) }
        json.raw("}\n")
        return OutputFile(path: folder + "words/\(number).json", data: Data(json.bytes))
    }

    /// A result as the page shows it, as JSON.
    static func documentJSON(_ document: SearchIndex.Document) -> [UInt8] {
        var json = JSONBytes()
        json.raw("{"); json.key("lang"); json.string(document.lang)
        json.raw(","); json.key("meta"); json.string(document.meta)
        json.raw(","); json.key("summary"); json.string(document.summary)
        json.raw(","); json.key("title"); json.string(document.title)
        json.raw(","); json.key("type"); json.string(document.type)
        json.raw(","); json.key("url"); json.string(document.url)
        json.raw("}")
        return json.bytes
    }

    /// `search/docs/<number>.json` from its documents, each already JSON.
    static func documentFile(_ number: Int, _ documents: [[UInt8]]) -> OutputFile {
        var json = JSONBytes()
        json.array(documents) { $0.append($1) }
        json.raw("\n")
        return OutputFile(path: folder + "docs/\(number).json", data: Data(json.bytes))
    }

    static func facetFile(_ facet: SearchIndex.FacetGroup) -> OutputFile {
        var json = JSONBytes()
        json.raw("{"); json.key("values"); values(of: facet, into: &json)
        json.raw(",\n"); json.key("documents"); json.array(facet.documents) { $0.ints(deltaCoded($1, bits: 0)) }
        json.raw("}\n")
        return OutputFile(path: folder + "facets/\(facet.name).json", data: Data(json.bytes))
    }

    /// `search.json`.
    static func manifest(documents: Int, facets: [SearchIndex.FacetGroup], firstWords: [String], key: String) -> OutputFile {
        var json = JSONBytes()
        json.raw("{"); json.key("version"); json.int(2)
        json.raw(",\n"); json.key("key"); json.string(key)
        json.raw(",\n"); json.key("folder"); json.string(folder)
        json.raw(",\n"); json.key("documents"); json.int(documents)
        json.raw(",\n"); json.key("documentsPerFile"); json.int(documentsPerFile)
        json.raw(",\n"); json.key("stopWords"); json.strings(StopWords.all.sorted())
        json.raw(",\n"); json.key("wordFiles"); json.strings(firstWords)
        json.raw(",\n"); json.key("facets"); json.array(facets) { json, facet in
            json.raw("\n{"); json.key("name"); json.string(facet.name)
            json.raw(","); json.key("label"); json.string(facet.label)
            if facet.values.count > manyValues {
                json.raw(","); json.key("folded"); json.raw("true")
            } else {
                json.raw(","); json.key("values"); values(of: facet, into: &json)
            }
            json.raw("}")
        }
        json.raw("}\n")
        return OutputFile(path: "search.json", data: Data(json.bytes))
    }

    /// `[{id, label, count}]`, count being the documents with the value.
    private static func values(of facet: SearchIndex.FacetGroup, into json: inout JSONBytes) {
        json.array(zip(facet.values, facet.documents)) { json, pair in
            json.raw("{"); json.key("id"); json.string(pair.0.id)
            json.raw(","); json.key("label"); json.string(pair.0.label)
            json.raw(","); json.key("count"); json.int(pair.1.count)
            json.raw("}")
        }
    }

    /// Consecutive words until a file holds about `wordFileBytes` of postings.
    private static func wordChunks(_ terms: [SearchIndex.Term]) -> [ArraySlice<SearchIndex.Term>] {
        chunkRanges(terms.map { termSize(word: $0.word, postings: $0.postings.count) }).map { terms[$0] }
    }

    /// What a word counts towards its file's size: about three digits and a comma per posting,
    /// plus the word itself.
    static func termSize(word: String, postings: Int) -> Int {
        word.utf8.count + 4 + postings * 4
    }

    /// Word files as ranges of consecutive words of these sizes.
    static func chunkRanges(_ sizes: [Int]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, size = 0
        for (position, termSize) in sizes.enumerated() {
            size += termSize
            if size >= wordFileBytes {
                ranges.append(start..<position + 1)
                start = position + 1
                size = 0
            }
        }
        if start < sizes.count { ranges.append(start..<sizes.count) }
        return ranges
    }

    /// Ascending numbers (shifted left by `bits`, low bits carried along) as differences.
    private static func deltaCoded(_ values: [Int], bits: Int) -> [Int] {
        var previous = 0
        return values.map { value in
            let number = value >> bits
            defer { previous = number }
            return (number - previous) << bits | (value & ((1 << bits) - 1))
        }
    }

    /// FNV-1a over every file: the same index gives the same key on every machine.
    static func key(_ files: [OutputFile]) -> String {
        String(files.reduce(fnvStart, fnv), radix: 16)
    }

    static let fnvStart: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash after `file`, continuing from `hash`: files that did not change need not be
    /// hashed again when the hash before them is known.
    static func fnv(_ hash: UInt64, _ file: OutputFile) -> UInt64 {
        var hash = hash
        for byte in file.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        file.data.withUnsafeBytes { buffer in
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return hash
    }
}
