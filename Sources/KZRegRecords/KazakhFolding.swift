/// Folds Kazakh-specific letters onto their nearest Russian-alphabet letters, in lower case
/// ("Мазмұны" → "мазмуны", "ұзақтығы" → "узактыгы"), so that keyword matching survives OCR and repair
/// confusing ұ/ү/у, қ/к, ғ/г, ң/н, ө/о, ә/а, і/и. The folding maps one character to one character.
public enum KazakhFolding {
    static let map: [Character: Character] = [
        "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и", "ё": "е",
        "i": "и",
    ]

    public static func fold(_ text: some StringProtocol) -> String {
        String(text.lowercased().map { map[$0] ?? $0 })
    }
}
