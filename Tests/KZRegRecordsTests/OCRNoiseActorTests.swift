import Testing
@testable import KZRegRecords

/// Actors in repaired text, where an ending or a letter of a modifier may be wrong.
@Suite struct OCRNoiseActorTests {
    let actors = ActorCanonicalizer()

    @Test(arguments: [
        // A stray accusative "н" on the head, before the head's own object.
        ("1) көрсетілетін қызметті берушінің жауапты орындаушысын өтініш тіркелген сәттен бастап 4 сағат ішінде растайды",
         "көрсетілетін қызметті берушінің жауапты орындаушысын"),
        ("2) жауапты маманын құжаттарды 1 жұмыс күні ішінде қарайды", "жауапты маманын"),
        // The head read as a genitive, with no possessed noun after it.
        ("3) көрсетілетін қызметті берушінің жауапты маманың құжаттарды 2 сағат ішінде қабылдайды",
         "көрсетілетін қызметті берушінің жауапты маманың"),
        ("кеңсе қызметкерінің тіркейді", "кеңсе қызметкерінің"),
        // A modifier read as a genitive.
        ("көрсетілетін қызметті берушінің жауаптың орындаушысы өтінішті тіркейді",
         "көрсетілетін қызметті берушінің жауаптың орындаушысы"),
    ])
    func noisyActorAtTheStart(_ text: String, _ actor: String) {
        #expect(actors.actor(in: text)?.text == actor)
    }

    @Test(arguments: [
        // A real accusative, governed by the verb that follows it: not the subject.
        "көрсетілетін қызметті берушінің жауапты орындаушысын анықтау – 1 сағат;",
        "жауапты маманын тағайындайды;",
        "жауапты орындаушысын белгілеп, құжаттарды жолдайды;",
        // A real genitive: its possessed noun follows.
        "көрсетілетін қызметті берушінің атына өтініш жолданады;",
        "көрсетілетін қызметті берушінің басшысына құжаттарды жолдайды;",
    ])
    func aGovernedAccusativeIsNoActor(_ text: String) {
        #expect(actors.actor(in: text) == nil, "\(text)")
    }

    @Test func noisySpellingsShareTheCleanKey() {
        #expect(actors.key(for: "көрсетілетін қызметті берушінің жауаптың орындаушысы") == "жауапты орындаушы")
        #expect(actors.key(for: "көрсетілетін қызметті берушінің жауапты орындаушысын") == "жауапты орындаушы")
        #expect(actors.key(for: "көрсетілетін қызметті берушінің жауапты маманың") == "жауапты маман")
        #expect(actors.key(for: "мемлекеттiк корпорацияның қызметкері") == "мемлекеттік корпорация қызметкер")
        #expect(actors.key(for: "құрылымдың бөлімшенің қызметкері") == "құрылымдық бөлімше қызметкер")
    }

    @Test func aUnitKeepsItsOwnHeadNoun() {
        // Units and their sub-units, and a unit beside a body, never share a key.
        #expect(actors.key(for: "көрсетілетін қызметті берушінің қаржыландыру бөлімінің маманы")
                == "қаржыландыру бөлім маман")
        #expect(actors.key(for: "қаржыландыру бөлімшесінің маманы") == "қаржыландыру бөлімше маман")
        #expect(actors.key(for: "аудан әкімінің орынбасары") == "аудан әкім орынбасар")
        #expect(actors.key(for: "бюджеттік қаржыландыру бөлімі") == "бюджеттік қаржыландыру бөлім")
    }

    @Test func nearModifiersAreOnlyUnambiguousNonHeads() {
        #expect(ActorCanonicalizer.modifier(near: "жауаптың") == "жауапты")
        #expect(ActorCanonicalizer.modifier(near: "жауапты") == nil)  // already clean
        #expect(ActorCanonicalizer.modifier(near: "қаржыландыру") == nil)
        #expect(ActorCanonicalizer.modifier(near: "облыстың") == nil)  // a real genitive beside "облыстық"
    }
}

/// Process and condition labels in repaired text.
@Suite struct ProcessLabelReaderTests {
    func labels(_ text: String) -> [String] {
        ProcessLabelReader.labels(in: text).map { label in
            "\(label.number.map(String.init) ?? "?")/\(label.kind.rawValue)/"
                + text.utf8Slice(label.labelStart, label.labelEnd)
        }
    }

    @Test func cleanLabels() {
        #expect(labels("1-процесс – порталда авторизациялау;") == ["1/process/1-процесс"])
        #expect(labels("2) 3-үдеріс — сұрау салуды өңдеу; 2-шарт — тексеру.") == ["3/process/3-үдеріс", "2/condition/2-шарт"])
    }

    @Test func misspeltLabelWords() {
        #expect(labels("1-прогресс — авторизациялау процесі;") == ["1/process/1-прогресс"])
        #expect(labels("4-процес — хабарлама қалыптастыру;") == ["4/process/4-процес"])
        #expect(labels("2-шарг — деректерді тексеру;") == ["2/condition/2-шарг"])
    }

    @Test func digitsReadAsOtherCharacters() {
        #expect(labels("|-шарт — деректерді тексеру;") == ["1/condition/|-шарт"])
        #expect(labels("Э-процесс — сауалды өңдеу;") == ["?/process/Э-процесс"])
    }

    @Test(arguments: [
        "1-процесске сәйкес құжаттар тексеріледі.",   // not followed by a dash
        "осы регламенттің 2-шарты — тексеру",          // not at the start of an item
        "3-тармақ — құжаттар тізбесі",                 // another word
        "5-прогноз — жоспар",                          // too far from "процесс"
    ])
    func notLabels(_ text: String) {
        #expect(labels(text).isEmpty, "\(text)")
    }

    @Test func kinds() {
        #expect(ProcessLabelReader.kind(of: "процесс") == .process)
        #expect(ProcessLabelReader.kind(of: "прогресс") == .process)
        #expect(ProcessLabelReader.kind(of: "удеріс") == .process)
        #expect(ProcessLabelReader.kind(of: "шарт") == .condition)
        #expect(ProcessLabelReader.kind(of: "тармақ") == nil)
        #expect(ProcessLabelReader.kind(of: "сатып") == nil)
    }
}
