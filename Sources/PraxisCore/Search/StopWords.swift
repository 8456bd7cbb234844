/// Words too common to find anything by, left out of the index (they would make the largest
/// shards) and ignored in queries. Normalised as `SearchText` does (`für` → `fur`); the list
/// travels in `search.json`, so the page ignores the same words. One list for every language's
/// search: a German catalogue names English projects and the English one German places, and
/// none of these words finds anything in either language. English words that are German
/// words of their own (`will`, `also`, `man`) are left in.
enum StopWords {
    static let all: Set<String> = [
        // German
        "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den", "der",
        "des", "die", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "fur", "hat",
        "im", "in", "ist", "mit", "nach", "nicht", "noch", "oder", "sich", "sie", "sind", "so", "um", "und",
        "uber", "vom", "von", "vor", "war", "wie", "wird", "wir", "zu", "zum", "zur",
        // English
        "and", "are", "as", "at", "be", "by", "for", "from", "is", "it", "of", "on", "or", "the", "to",
        "with", "has", "have", "into", "its", "that", "their", "this", "were", "which", "who",
    ]
}
