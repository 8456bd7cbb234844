/// Links between the trees of a site in several languages: every tree has the same paths below
/// its prefix, so the version of a page in another language is the page at the same path there.
/// A page lists those versions in its head (`hreflang`, for search engines) and in a language
/// switcher that leads to the same page in the other language, or to that language's home page
/// when there is none (and says so).
struct LanguageTree: Sendable {
    let language: String
    /// "" for the default language, `en/`.
    let prefix: String
    let pageIndex: PageIndex
    /// The language's own name, from its strings (`language-name`).
    let name: String
    /// What a link to its home page says when the page has no version in it (`translation-missing`).
    let missing: String
}

extension Renderer {
    /// The link to a page of an entry read from `file`: in this tree, or for an entry this tree
    /// took from the default language, in the default language's tree.
    func url(_ root: String, _ file: String, _ path: String) -> String {
        site.isOwn(file) ? root + path : root + up + path
    }

    /// The page of a facet value; a partner's is the partner's own page, in its tree.
    func facetURL(_ facet: Facet, _ value: Facet.Value, root: String) -> String {
        if facet.kind == .partners, let partner = site.partnerByID[value.id] {
            return url(root, partner.origin.file, facet.url(of: value))
        }
        return root + facet.url(of: value)
    }

    /// A page's version in each language: whether it exists, and the switcher's link to it
    /// (from this tree's root to the site root, then into the other tree; its home page when
    /// the version does not exist).
    struct Version {
        let tree: LanguageTree
        let exists: Bool
        let target: String
    }

    /// For the page at `path` (below this tree's root): its version in every language of
    /// site.yaml, in its order, and a key that is the same for pages whose switchers are
    /// (`languageSwitch`). Nil for a site of one language.
    func languageVersions(_ path: String, root: String) -> (versions: [Version], key: String)? {
        guard trees.count > 1, !path.hasSuffix(".html") else { return nil }
        let file = SitePaths.file(for: path)
        var key = root
        let versions = trees.map { tree in
            let exists = tree.pageIndex[tree.prefix + file] != nil
            let target = root + up + tree.prefix + (exists ? path : "")
            key += tree.language == site.pageLanguage ? "\u{0}=" : "\u{0}" + target
            return Version(tree: tree, exists: exists, target: target)
        }
        return (versions, key)
    }

    /// The page's versions for the head, itself included, and `x-default` last: the default
    /// language's version, or the page itself when that language has none.
    func alternates(_ versions: [Version], path: String) -> [Record] {
        var head = versions.filter(\.exists).map { version in
            Record(["lang": TextValue(version.tree.language), "url": TextValue(site.config.baseURL + version.tree.prefix + path)])
        }
        let fallback = versions[0].exists ? path : site.prefix + path
        head.append(Record(["lang": TextValue("x-default"), "url": TextValue(site.config.baseURL + fallback)]))
        return head
    }

    /// The switcher's links: `lang`, `name`, `url`; `current` on this page's language, `missing`
    /// (what the link says) on a language without a version of the page.
    func languageLinks(_ versions: [Version]) -> [Record] {
        versions.map { version in
            var link: [String: Any] = ["lang": TextValue(version.tree.language), "name": TextValue(version.tree.name),
                                       "url": TextValue(version.target.isEmpty ? "./" : version.target)]
            if version.tree.language == site.pageLanguage { link["current"] = true }
            if !version.exists { link["missing"] = TextValue(version.tree.missing) }
            return Record(link)
        }
    }

    /// The rendered `language-switch` template for a page with these versions, shared by every
    /// page with the same links (`key`): the pages without a version in another language all
    /// lead to its home page. Nil when the theme has no such template.
    func languageSwitch(_ versions: [Version], key: String, root: String) -> String? {
        guard hasLanguageSwitch else { return nil }
        return fragments.piece("languages\u{0}" + key) {
            var context = sharedContext(root: root)
            context["languageLinks"] = languageLinks(versions)
            return library.render(Record(context), withTemplate: "language-switch") ?? ""
        }
    }
}
