import Foundation

/// The feed and the sitemap of `praxis serve`: kept, or with only the lines that changed, when
/// the edit allows.
extension IncrementalBuild {
    /// The feed and the sitemap, with what a later build needs to keep them.
    struct Feeds {
        var feed: OutputFile
        /// Ids of the practices in the feed.
        var feedIDs: Set<String>
        var sitemap: OutputFile
        /// The sitemap's paths in order, and its line for each.
        var sitemapPaths: [String]
        var sitemapEntries: [String]
        /// A digest of the address, the pages' paths and the practices' dates, all the sitemap
        /// shows; nil when not known.
        var sitemapKey: Int?
    }

    /// `quick` is the edit when only practices changed; `samePages` when the pages are those of
    /// the last build (`last`).
    static func feeds(_ site: Site, pages: [OutputFile], edit quick: PracticeEdit?, samePages: Bool, last: Feeds?,
                      practiceIndex: [String: Int]) -> Feeds {
        let keepsFeed = quick.map { !$0.changesFeed(inFeed: last?.feedIDs ?? []) } ?? false
        let feedEntries = keepsFeed ? [] : AtomFeed.entries(site)
        let feed = keepsFeed ? last!.feed : AtomFeed.make(site, entries: feedEntries)
        let feedIDs = keepsFeed ? last!.feedIDs : Set(feedEntries.map(\.id))
        // The same pages: the last sitemap, with the lines of practices whose date changed.
        var sitemapPaths: [String], sitemapEntries: [String], sitemap: OutputFile
        var sitemapKey: Int? = nil
        if quick == nil || !samePages {
            // Otherwise the last one still, when the pages' paths and the practices' dates are the same.
            var key = site.config.baseURL.hashValue
            for page in pages where page.path.hasSuffix("index.html") { key = key &+ page.path.hashValue }
            for practice in site.practices {
                var hasher = Hasher()
                hasher.combine(practice.id)
                hasher.combine(practice.updated)
                key = key &+ hasher.finalize()
            }
            sitemapKey = key
        }
        if samePages, let quick, let last {
            // Its digest is not worked out again: unknown when a date changed.
            sitemapKey = quick.changesDates ? nil : last.sitemapKey
            (sitemapPaths, sitemapEntries, sitemap) = (last.sitemapPaths, last.sitemapEntries, last.sitemap)
            if quick.changesDates {
                for (old, new) in quick.practices where old.updated != new.updated && practiceIndex[new.id] != nil {
                    let path = SitePaths.file(for: SitePaths.practice(new.id))
                    guard let index = Self.index(of: path, in: sitemapPaths) else { continue }
                    sitemapEntries[index] = Sitemap.entry(site.config.baseURL, path: path, lastModified: new.updated)
                }
                sitemap = Sitemap.document(sitemapEntries)
            }
        } else if let last, let sitemapKey, last.sitemapKey == sitemapKey {
            (sitemapPaths, sitemapEntries, sitemap) = (last.sitemapPaths, last.sitemapEntries, last.sitemap)
        } else {
            sitemapPaths = Sitemap.paths(pages)
            sitemapEntries = Sitemap.entries(site, paths: sitemapPaths)
            sitemap = Sitemap.document(sitemapEntries)
        }
        return Feeds(feed: feed, feedIDs: feedIDs, sitemap: sitemap, sitemapPaths: sitemapPaths, sitemapEntries: sitemapEntries,
                     sitemapKey: sitemapKey)
    }

    /// Where `path` is in sorted `paths`.
    private static func index(of path: String, in paths: [String]) -> Int? {
        var low = 0, high = paths.count
        while low < high {
            let middle = (low + high) / 2
            if paths[middle] < path { low = middle + 1 } else { high = middle }
        }
        return low < paths.count && paths[low] == path ? low : nil
    }
}
