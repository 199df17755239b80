import Testing
@testable import KZRegRecords

@Suite struct ActorCanonicalizerTests {
    let actors = ActorCanonicalizer()

    @Test(arguments: [
        ("1) көрсетілетін қызметті берушінің жауапты маманы өтінім тіркелген сәттен бастап 4 сағат ішінде",
         "көрсетілетін қызметті берушінің жауапты маманы"),
        ("көрсетілетін қызметті беруші кеңсе қызметкері құжаттарды тіркейді", "көрсетілетін қызметті беруші кеңсе қызметкері"),
        ("көрсетілетін қызметті беруші құжаттарды қарайды", "көрсетілетін қызметті беруші"),
        ("Мемлекеттік корпорация жұмысшысы алынған өтінішті тіркейді", "Мемлекеттік корпорация жұмысшысы"),
        ("Мемлекеттік корпорацияның курьеры құжаттарды жеткізеді", "Мемлекеттік корпорацияның курьеры"),
        ("Комиссия осы регламенттің 5-тармағында көрсетілген құжаттарды қарайды", "Комиссия"),
        ("- 2) басшы отыз минут ішінде жауапты маманды белгілейді", "басшы"),
        ("көрсетілетін қызметті берушінің жауапты орындаушысы құжаттардың толықтылығын тексеріп", "көрсетілетін қызметті берушінің жауапты орындаушысы"),
        ("көрсетілетін қызмет алушы портал немесе кеңсе арқылы құжаттарды береді", "көрсетілетін қызмет алушы"),
        ("көрсетілетін қызметті берушінің бюджеттік қаржыландыру және мемлекеттік сатып алулар бөлімі төлем тапсырмаларын қалыптастырады",
         "көрсетілетін қызметті берушінің бюджеттік қаржыландыру және мемлекеттік сатып алулар бөлімі"),
        // The actor after an adverbial clause, and after an attribute of a genitive phrase.
        ("Құжаттар түскен соң көрсетілетін қызметті берушінің басшысы бір тәуліктен кешіктірмей қол қояды",
         "көрсетілетін қызметті берушінің басшысы"),
        ("Комиссия ұсынымының негізінде хабарламаны көрсетілетін қызмет берушінің басшысына 1 жұмыс күні ішінде көрсетілетін қызмет беруші қызметкері жолдайды",
         "көрсетілетін қызмет беруші қызметкері"),
        ("филиал директоры сертификатқа қол қояды", "филиал директоры"),
        // A genitive without the possessive after a bare head opens the object, not a longer actor.
        ("3) жауапты орындаушы құжаттың көшірмесін дайындайды және куәландырады – 5 (бес) жұмыс күні ішінде;",
         "жауапты орындаушы"),
    ])
    func actorAtTheStart(_ text: String, _ actor: String) {
        let found = actors.actor(in: text)
        #expect(found?.text == actor)
        if let found { #expect(text.utf8Slice(found.start, found.end) == actor) }
    }

    @Test(arguments: [
        "құжаттарды тексеру және қабылдау;",
        "Мемлекеттік корпорацияға құжаттарды тапсырады.",
        "",
    ])
    func noActor(_ text: String) {
        #expect(actors.actor(in: text) == nil, "\(text)")
    }

    @Test func spellingsOfOneActorShareAKey() {
        let spellings = [
            "көрсетілетін қызметті берушінің жауапты маманы", "жауапты маманы", "жауапты маман", "жауапты маманға",
            "көрсетілген қызметті берушінің жауапты маманы", "көрсетілетін қызмет берушінің жауапты маманы",
            "қызмет берушінің жауапты маманы", "Көрсетілетін қызметті берушінің жауапты маманына",
        ]
        let keys = Set(spellings.map { actors.key(for: $0) })
        #expect(keys == ["жауапты маман"])
    }

    @Test(arguments: [
        ("көрсетілетін қызметті берушінің басшылығы", "басшылық"),
        ("Көрсетілетін қызметті берушінің басшысы", "басшы"),
        ("басшысына", "басшы"),
        ("жауапты орындаушысы", "жауапты орындаушы"),
        ("жауапты орындаушыға", "жауапты орындаушы"),
        ("көрсетілетін қызметті беруші кеңсе қызметкері", "кеңсе қызметкер"),
        ("көрсетілетін қызметті берушінің кеңсе қызметкеріне", "кеңсе қызметкер"),
        ("Мемлекеттік корпорацияның курьеры", "мемлекеттік корпорация курьер"),
        ("Мемлекеттік корпорация курьері", "мемлекеттік корпорация курьер"),
        ("көрсетілетін қызметті беруші", "беруші"),
        ("көрсетілетін қызметті алушы", "алушы"),
        ("көрсетілетін қызметті алушының", "алушы"),
        ("көрсетілетін қызмет көрсету басшысы", "басшы"),
        ("Комиссияның хатшысы", "комиссия хатшы"),
    ])
    func keys(_ actor: String, _ key: String) {
        #expect(actors.key(for: actor) == key)
    }

    @Test func differentActorsKeepDifferentKeys() {
        #expect(actors.key(for: "көрсетілетін қызметті берушінің басшысы")
                != actors.key(for: "көрсетілетін қызметті берушінің кеңсе қызметкері"))
        #expect(actors.key(for: "көрсетілетін қызметті беруші") != actors.key(for: "көрсетілетін қызметті алушы"))
    }
}

@Suite struct KazakhMorphologyTests {
    func stems(_ word: String) -> Set<String> { Set(KazakhMorphology.readings(of: word).map(\.stem)) }

    @Test func possessiveAndCaseEndings() {
        #expect(stems("маманы").contains("маман"))
        #expect(stems("маманына").contains("маман"))
        #expect(stems("маманға").contains("маман"))
        #expect(stems("басшылығы").contains("басшылық"))
        #expect(stems("орындаушысы").contains("орындаушы"))
        #expect(stems("қызметкерлеріне").contains("қызметкер"))
        #expect(stems("корпорациясымен").contains("корпорация"))
    }

    @Test func agentNounsAreNotPossessive() {
        #expect(KazakhMorphology.strippingPossessive("орындаушы") == nil)
        #expect(KazakhMorphology.strippingPossessive("беруші") == nil)
        #expect(KazakhMorphology.strippingPossessive("маманы") == "маман")
    }

    @Test func wordClasses() {
        #expect(KazakhMorphology.isGenitive("берушінің"))
        #expect(!KazakhMorphology.isGenitive("беруші"))
        #expect(KazakhMorphology.isFiniteVerb("тіркейді"))
        #expect(KazakhMorphology.isFiniteVerb("жолдайды"))
        #expect(!KazakhMorphology.isFiniteVerb("жауапты"))
        #expect(!KazakhMorphology.isFiniteVerb("қызметті"))
        #expect(KazakhMorphology.isOblique("корпорацияға"))
        #expect(KazakhMorphology.isOblique("құжаттарды"))
        #expect(!KazakhMorphology.isOblique("мемлекеттік"))
        #expect(KazakhMorphology.isConverb("тексеріп"))
        #expect(!KazakhMorphology.isConverb("сатып"))
    }
}
