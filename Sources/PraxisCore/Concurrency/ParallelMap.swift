import Foundation

/// The one way Praxis spreads work over the cores: the items cut into chunks, each chunk a
/// child task, the results put back in the items' order. Order matters: the same input must
/// give byte-identical output whichever task finishes first.
enum Parallel {
    /// Chunks of at least `minimumChunk` items, about eight per core, so that a slow chunk
    /// does not leave a core idle at the end.
    static func chunkSize(for count: Int, minimumChunk: Int = 16) -> Int {
        max(minimumChunk, count / (ProcessInfo.processInfo.activeProcessorCount * 8) + 1)
    }

    /// `transform` applied to every chunk of `items`, concatenated in order.
    static func mapChunks<Item: Sendable, Result: Sendable>(
        _ items: [Item], minimumChunk: Int = 16, _ transform: @escaping @Sendable (ArraySlice<Item>) -> [Result]
    ) async -> [Result] {
        let size = chunkSize(for: items.count, minimumChunk: minimumChunk)
        guard items.count > size else { return transform(items[...]) }
        return await withTaskGroup(of: (Int, [Result]).self) { group in
            var count = 0
            for start in stride(from: 0, to: items.count, by: size) {
                let chunk = items[start..<min(start + size, items.count)]
                let number = count
                group.addTask { (number, transform(chunk)) }
                count += 1
            }
            var results = [[Result]](repeating: [], count: count)
            for await (number, result) in group { results[number] = result }
            return results.flatMap { $0 }
        }
    }

    /// `transform` applied to every item, in order.
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], minimumChunk: Int = 16, _ transform: @escaping @Sendable (Item) -> Result
    ) async -> [Result] {
        await mapChunks(items, minimumChunk: minimumChunk) { $0.map(transform) }
    }
}
