import Foundation

/// Cuts the index into the files the search page loads as it needs them, so that the first
/// query of a 10,000-practice catalogue downloads a few files, not the whole index:
///
///     search.json                   manifest: facets with labels, stop words, where words and documents are
///     search/words/<n>.json         words in byte order with their postings; the manifest has each file's first word
///     search/docs/<n>.json          title, summary, facts line, URL, type, lang of consecutive documents
///     search/facets/<name>.json     the facet's values and, per value, its document numbers
///
/// Postings and document numbers are written as `PostingCode` strings. The manifest's `key` is
/// a hash of every other file; the page asks for `file?v=key`, so a browser never mixes files
/// of two builds.
///
/// Every file created costs (half a millisecond on a plain disk, a request on the reader's
/// side), so files are as large as the first query's bytes allow: a word file ends where the
/// first three letters of its words change (a typed prefix then needs few files), and
/// document files grow along the catalogue (see `documentFileSizes`).
enum SearchShards {
    /// Where the shards are, relative to search.json.
    static let folder = "search/"
    /// A facet with more values starts folded on the page; its values stay out of the manifest
    /// (400 partner names would double its size) and load with the facet.
    static let manyValues = 12
    /// A word file ends at the first change of prefix after this many bytes, or before the word
    /// that would take it over `wordFileLimit` (a single word's postings may exceed both).
    static let wordFileBytes = 32_000
    static let wordFileLimit = 48_000
    /// Documents per file: `firstDocuments` at the start, then one more for every `growth`
    /// documents before the file, up to `lastDocuments`. Results with the same score keep the
    /// catalogue's order, so the first documents are shown far more often than the last: a
    /// common word's first ten results lie among its first few hundred documents, where files
    /// are small, and the ten results of a rare word cost at most ten files of `lastDocuments`.
    static let firstDocuments = 4
    static let lastDocuments = 48
    static let growth = 60

    /// The files of a whole index, search.json first.
    static func files(_ index: SearchIndex) -> [OutputFile] {
        var files: [OutputFile] = []
        write(index) { files.append($0) }
        return files.suffix(1) + files.dropLast()
    }

    /// The files of a whole index, given to `emit` one by one as each is made (`praxis build`
    /// writes it then and lets it go); search.json, which holds a hash of all others, comes
    /// last. The documents' tables are in document order, and the facets number documents in
    /// the same order. Each document's words are let go of once they are among the postings.
    static func write<Failure: Error>(_ index: consuming SearchIndex, _ emit: (OutputFile) throws(Failure) -> Void) throws(Failure) {
        var key = FileHash()
        func add(_ file: OutputFile) throws(Failure) {
            key.add(file)
            try emit(file)
        }
        var tables = index.tables
        index.tables = []
        let firstWords = try wordFiles(index.words, &tables, add)
        let sizes = documentFileSizes(tables.count)
        var start = 0
        for (number, size) in sizes.enumerated() {
            try add(documentFile(number, tables[start..<start + size].lazy.map { documentJSON($0.source.document) }))
            start += size
        }
        for facet in index.facets { try add(facetFile(facet)) }
        try emit(manifest(documents: tables.count, documentFiles: sizes, facets: index.facets, firstWords: firstWords, key: key.text))
    }

    /// How many documents each document file holds, in order.
    static func documentFileSizes(_ documents: Int) -> [Int] {
        var sizes: [Int] = []
        var start = 0
        while start < documents {
            let size = min(max(firstDocuments, start / growth), lastDocuments, documents - start)
            sizes.append(size)
            start += size
        }
        return sizes
    }

    /// `search/words/<n>.json`, each given to `emit` as it is made; returns the first word of each.
    private static func wordFiles<Failure: Error>(_ words: WordTable, _ tables: inout [SearchTable],
                                                  _ emit: (OutputFile) throws(Failure) -> Void) throws(Failure) -> [String] {
        // Each word's postings as its string of numbers, written as the documents come in
        // order: 1–2 bytes a posting, where a list of numbers would take 4.
        var codes = [[UInt8]](repeating: [], count: words.count)
        var previous = [UInt32](repeating: 0, count: words.count)
        for document in tables.indices {
            let number = UInt32(document)
            for code in tables[document].words {
                let word = Int(code >> 3)
                PostingCode.append((number - previous[word]) << 3 | code & 7, to: &codes[word])
                previous[word] = number
            }
            tables[document].words = []
        }
        var order = (0..<words.count).filter { !codes[$0].isEmpty }
        order.sort { words.precedes($0, $1) }

        var firstWords: [String] = []
        var wordList = JSONBytes(), postingList = JSONBytes()
        var size = 0
        var last: Int?
        func finish() throws(Failure) {
            var json = JSONBytes()
            json.reserve(wordList.bytes.count + postingList.bytes.count + 32)
            json.raw("{"); json.key("words"); json.raw("["); json.append(wordList.bytes)
            json.raw("],"); json.key("postings"); json.raw("["); json.append(postingList.bytes)
            json.raw("]}\n")
            try emit(OutputFile(path: folder + "words/\(firstWords.count - 1).json", data: Data(json.bytes)))
            wordList = JSONBytes()
            postingList = JSONBytes()
            size = 0
        }
        for word in order {
            let bytes = words.word(word)
            let wordSize = bytes.count + codes[word].count + 8
            if let last, (size >= wordFileBytes && words.word(last).prefix(3) != bytes.prefix(3)) || size + wordSize > wordFileLimit {
                try finish()
            }
            if size == 0 {
                firstWords.append(String(decoding: bytes, as: UTF8.self))
            } else {
                wordList.raw(",")
                postingList.raw(",")
            }
            wordList.string(utf8: bytes)
            postingList.raw("\"")
            postingList.append(codes[word])
            postingList.raw("\"")
            codes[word] = []
            size += wordSize
            last = word
        }
        if size > 0 { try finish() }
        return firstWords
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
    static func documentFile<C: Collection<[UInt8]>>(_ number: Int, _ documents: C) -> OutputFile {
        var json = JSONBytes()
        json.array(documents) { $0.append($1) }
        json.raw("\n")
        return OutputFile(path: folder + "docs/\(number).json", data: Data(json.bytes))
    }

    static func facetFile(_ facet: SearchIndex.FacetGroup) -> OutputFile {
        var json = JSONBytes()
        json.raw("{"); json.key("values"); values(of: facet, into: &json)
        json.raw(",\n"); json.key("documents"); json.array(facet.documents) { json, numbers in
            var code: [UInt8] = []
            PostingCode.string(numbers.lazy.map { UInt32($0) }, bits: 0, into: &code)
            json.append(code)
        }
        json.raw("}\n")
        return OutputFile(path: folder + "facets/\(facet.name).json", data: Data(json.bytes))
    }

    /// `search.json`.
    static func manifest(documents: Int, documentFiles: [Int], facets: [SearchIndex.FacetGroup], firstWords: [String], key: String) -> OutputFile {
        var json = JSONBytes()
        json.raw("{"); json.key("version"); json.int(3)
        json.raw(",\n"); json.key("key"); json.string(key)
        json.raw(",\n"); json.key("folder"); json.string(folder)
        json.raw(",\n"); json.key("documents"); json.int(documents)
        json.raw(",\n"); json.key("documentFiles"); json.ints(documentFiles)
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

    /// FNV-1a over every file, in order: the same index gives the same key on every machine.
    struct FileHash {
        private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ file: OutputFile) {
            var hash = self.hash
            for byte in file.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            file.data.withUnsafeBytes { buffer in
                for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
            self.hash = hash
        }

        var text: String { String(hash, radix: 16) }
    }
}
