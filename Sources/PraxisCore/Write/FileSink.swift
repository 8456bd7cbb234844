#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Where the files beside the pages (search, open data, feeds) go as they are made.
///
/// `praxis build` writes each one into the staging folder at once, and the largest in pieces
/// (`open`), so that none waits in memory for the others: made first and written with the
/// pages, they were 400 MB of the peak at 100,000 practices. `praxis check` and `praxis serve`
/// keep them (`memory()`), in the order they were made.
struct FileSink {
    /// Nil: the files are kept in `files`.
    private let staging: OutputWriter.Staging?
    /// The files made, when kept.
    private(set) var files: [OutputFile] = []
    /// How many files went in.
    private(set) var count = 0
    /// Folders made so far. The folders of these files are not in the staging's `FolderPlan`
    /// (their names are known only as they are made), so the sink makes them.
    private var folders = Set<Substring>()

    private init(staging: OutputWriter.Staging?) {
        self.staging = staging
    }

    /// A sink that keeps the files.
    static func memory() -> FileSink { FileSink(staging: nil) }

    /// A sink that writes the files into `staging`.
    static func writing(into staging: OutputWriter.Staging) -> FileSink { FileSink(staging: staging) }

    mutating func add(_ file: OutputFile) throws {
        count += 1
        guard let staging else {
            files.append(file)
            return
        }
        try SafeWrite.write(file.data, to: try prepare(file.path, in: staging))
    }

    /// A file to make in pieces; it is in the sink when `finish` is called with it.
    mutating func open(_ path: String) throws -> PiecewiseFile {
        guard let staging else { return PiecewiseFile(path: path, absolute: nil) }
        let absolute = try prepare(path, in: staging)
        return PiecewiseFile(path: path, absolute: (absolute, try SafeWrite.create(absolute)))
    }

    mutating func finish(_ file: PiecewiseFile) throws {
        count += 1
        try file.finish()
        if staging == nil { files.append(OutputFile(path: file.path, data: Data(file.bytes))) }
    }

    /// The absolute path of `path` in staging, its folders made.
    private mutating func prepare(_ path: String, in staging: OutputWriter.Staging) throws -> String {
        if let folder = FolderPlan.folder(of: path[...]), !folders.contains(folder) {
            try SafeWrite.makeFolders(URL(fileURLWithPath: staging.prefix + folder))
            folders.insert(folder)
        }
        return staging.prefix + path
    }
}

/// A file of a `FileSink` made in pieces: the bytes appended wait in a buffer that is written
/// out whenever it holds `pieceSize` bytes (or all kept, for a sink that keeps its files).
final class PiecewiseFile {
    static let pieceSize = 1 << 20

    let path: String
    /// The file in staging and its open descriptor; nil when the sink keeps the bytes.
    private let absolute: (path: String, descriptor: Int32)?
    private(set) var bytes: [UInt8] = []

    fileprivate init(path: String, absolute: (path: String, descriptor: Int32)?) {
        self.path = path
        self.absolute = absolute
        if absolute != nil { bytes.reserveCapacity(Self.pieceSize + Self.pieceSize / 4) }
    }

    // Closed here, so that a build failing in the middle of a file leaves no descriptor open.
    deinit {
        if let absolute { close(absolute.descriptor) }
    }

    func append(_ piece: [UInt8]) throws {
        bytes.append(contentsOf: piece)
        try writeIfFull()
    }

    func append(_ piece: ArraySlice<UInt8>) throws {
        bytes.append(contentsOf: piece)
        try writeIfFull()
    }

    func append(_ text: String) throws {
        bytes.append(contentsOf: text.utf8)
        try writeIfFull()
    }

    private func writeIfFull() throws {
        guard let absolute, bytes.count >= Self.pieceSize else { return }
        try SafeWrite.append(bytes, to: absolute.descriptor, path: absolute.path)
        bytes.removeAll(keepingCapacity: true)
    }

    fileprivate func finish() throws {
        guard let absolute, !bytes.isEmpty else { return }
        try SafeWrite.append(bytes, to: absolute.descriptor, path: absolute.path)
        bytes = []
    }
}
