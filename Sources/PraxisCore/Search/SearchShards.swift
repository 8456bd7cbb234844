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
            var json = JSONBytes()
            json.raw("{")
            json.key("words"); json.strings(chunk.map(\.word))
            json.raw(","); json.key("postings"); json.array(chunk) { $0.ints(deltaCoded($1.postings, bits: SearchIndex.Fields.bits)) }
            json.raw("}\n")
            files.append(OutputFile(path: folder + "words/\(number).json", data: Data(json.bytes)))
        }
        for start in stride(from: 0, to: index.documents.count, by: documentsPerFile) {
            var json = JSONBytes()
            json.array(index.documents[start..<min(start + documentsPerFile, index.documents.count)]) { json, document in
                json.raw("{"); json.key("lang"); json.string(document.lang)
                json.raw(","); json.key("meta"); json.string(document.meta)
                json.raw(","); json.key("summary"); json.string(document.summary)
                json.raw(","); json.key("title"); json.string(document.title)
                json.raw(","); json.key("type"); json.string(document.type)
                json.raw(","); json.key("url"); json.string(document.url)
                json.raw("}")
            }
            json.raw("\n")
            files.append(OutputFile(path: folder + "docs/\(start / documentsPerFile).json", data: Data(json.bytes)))
        }
        for facet in index.facets {
            var json = JSONBytes()
            json.raw("{"); json.key("values"); values(of: facet, into: &json)
            json.raw(",\n"); json.key("documents"); json.array(facet.documents) { $0.ints(deltaCoded($1, bits: 0)) }
            json.raw("}\n")
            files.append(OutputFile(path: folder + "facets/\(facet.name).json", data: Data(json.bytes)))
        }
        return [manifest(index, firstWords: firstWords, key: hash(files))] + files
    }

    private static func manifest(_ index: SearchIndex, firstWords: [String], key: String) -> OutputFile {
        var json = JSONBytes()
        json.raw("{"); json.key("version"); json.int(2)
        json.raw(",\n"); json.key("key"); json.string(key)
        json.raw(",\n"); json.key("folder"); json.string(folder)
        json.raw(",\n"); json.key("documents"); json.int(index.documents.count)
        json.raw(",\n"); json.key("documentsPerFile"); json.int(documentsPerFile)
        json.raw(",\n"); json.key("stopWords"); json.strings(StopWords.all.sorted())
        json.raw(",\n"); json.key("wordFiles"); json.strings(firstWords)
        json.raw(",\n"); json.key("facets"); json.array(index.facets) { json, facet in
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
        var chunks: [ArraySlice<SearchIndex.Term>] = []
        var start = 0, size = 0
        for (position, term) in terms.enumerated() {
            // About three digits and a comma per posting, plus the word itself.
            size += term.word.utf8.count + 4 + term.postings.count * 4
            if size >= wordFileBytes {
                chunks.append(terms[start...position])
                start = position + 1
                size = 0
            }
        }
        if start < terms.count { chunks.append(terms[start...]) }
        return chunks
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
    private static func hash(_ files: [OutputFile]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in files {
            for byte in file.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            for byte in file.data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return String(hash, radix: 16)
    }
}
