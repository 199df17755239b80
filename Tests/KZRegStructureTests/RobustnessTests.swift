import Testing
@testable import KZRegStructure

/// Documents stitched at random from the genre's line shapes (and some hostile ones): the segmenter must
/// never crash, and every span must stay inside the input and inside its parent's span.
@Suite struct RobustnessTests {
    static let shapes: [String] = [
        "", "", "", "   ", "\t",
        "Шымкент қаласы әкімдігінің 2018 жылғы 29 желтоқсандағы № 389 қаулысы.",
        "Күшін жойған", "Ескерту. Күші жойылды - 23.12.2020 № 810 қаулысымен.",
        "... әкімдігі ҚАУЛЫ ЕТЕДІ:", "БҰЙЫРАМЫН:", "1. Мыналар:", "2. Мәтін", "3-1. Енгізілген.",
        "1) тармақша;", "- 2) тармақша;", "- жеке тұлғалар;", "1-тарау. Жалпы ережелер", "2. Жалпы ережелер",
        "II. ҚОРЫТЫНДЫ ЕРЕЖЕЛЕР", "Қала әкімі", "Г.Әбдірахымов", "№ 389 қаулысына 1 қосымша", "қосымша",
        "Бекітілген", "регламентіне 2-қосымша", "\"Оралман\" мемлекеттік көрсетілетін қызметінің регламенті",
        "1\t2\t3", "\tБастапқы хабарлама", "--\t---", "Шартты белгілер:", "| | |", "1", "- - -", "2 3",
        "жалғасы бар жол", "бизнес-", "процесі", "жүк-", "телсін.", "(", ")", "№", "№ 05", "/02", "«", "»",
        "© 2012. Әділет министрлігі", "e\u{301}\u{301}\u{301}", "\u{FEFF}басы", "🙂🙂", "\u{00A0}\u{00A0}нбсп",
        String(repeating: "а", count: 3000), "2019 жылғы \"29\" тамыздағы", "26.03.2020", "31.02.2020",
        "Сессия төрағасы", "-", "•", "1.", "1)", "0) нөл", "999. Соңғы", "1234. Жыл",
    ]

    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    @Test func randomDocumentsKeepTheTreeSound() {
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15)
        for round in 0..<300 {
            let lineCount = Int(generator.next() % 60) + 1
            var lines: [String] = []
            for _ in 0..<lineCount {
                var line = generator.pick(Self.shapes)
                if generator.next() % 5 == 0 { line = String(repeating: " ", count: Int(generator.next() % 8)) + line }
                if generator.next() % 7 == 0 { line += "  " }
                lines.append(line)
            }
            let separator = generator.next() % 4 == 0 ? "\r\n" : "\n"
            let text = lines.joined(separator: separator)
            let root = Segmenter().segment(text).root
            let length = text.utf8.count
            #expect(root.span == SourceSpan(start: 0, end: length), "round \(round)")
            check(root, length: length, round: round)
        }
    }

    private func check(_ node: StructureNode, length: Int, round: Int) {
        #expect(node.span.start >= 0 && node.span.start <= node.span.end && node.span.end <= length,
                "round \(round): \(node.kind) \(node.span)")
        if node.kind != .document {
            #expect(node.span.length > 0, "round \(round): empty \(node.kind) at \(node.span)")
        }
        for child in node.children {
            #expect(node.span.start <= child.span.start && child.span.end <= node.span.end,
                    "round \(round): \(child.kind) \(child.span) outside \(node.kind) \(node.span)")
            check(child, length: length, round: round)
        }
    }
}
