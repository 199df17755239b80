import Testing
@testable import KZRegRecords

/// Actor phrases in the shapes regulations write besides "[…берушінің] modifier head": a head owned by a
/// genitive head phrase, actors joined by a conjunction, and abbreviations the text defines.
@Suite struct ActorPhraseVariationTests {
    @Test(arguments: [
        ("көрсетілетін қызметті беруші басшысының орынбасары бір сағат ішінде маманды белгілейді",
         "көрсетілетін қызметті беруші басшысының орынбасары"),
        ("басшының орынбасары құжаттармен танысады", "басшының орынбасары"),
        ("көрсетілетін қызметті берушінің басшысы немесе оның орынбасары құжаттармен танысады",
         "көрсетілетін қызметті берушінің басшысы немесе оның орынбасары"),
        ("басшы және жауапты маман хаттамаға қол қояды", "басшы және жауапты маман"),
        // Not extended: an oblique word after the genitive, a verb after the conjunction.
        ("көрсетілетін қызметті беруші басшысының атына өтініш жолдайды", "көрсетілетін қызметті беруші"),
        ("кеңсе қызметкері құжаттарды қабылдайды және басшыға жолдайды", "кеңсе қызметкері"),
    ])
    func longerPhrases(_ text: String, _ actor: String) {
        #expect(ActorCanonicalizer().actor(in: text)?.text == actor)
    }

    @Test func aDefinedAbbreviationNamesAnActor() {
        let actors = ActorCanonicalizer(abbreviations: ["хқко"])
        #expect(actors.actor(in: "6) ХҚКО дайын анықтаманы алушыға береді.")?.text == "ХҚКО")
        #expect(actors.actor(in: "ХҚКО жинақтау бөлімінің қызметкерлері құжаттарды жолдайды")?.text
                == "ХҚКО жинақтау бөлімінің қызметкерлері")
        #expect(actors.key(for: "ХҚКО") == "хқко")
        // Undefined, the abbreviation names nobody.
        #expect(ActorCanonicalizer().actor(in: "6) ХҚКО дайын анықтаманы алушыға береді.") == nil)
    }

    @Test func abbreviationsAreReadFromTheirDefinitions() {
        let texts = [
            "Өтініштер халыққа қызмет көрсету бөлімі (бұдан әрі – ХҚКО) арқылы қабылданады.",
            "жергілікті атқарушы орган (бұдан әрі - ЖАО) және \"электрондық үкіметтің\" веб-порталы (бұдан әрі – портал)",
            "\"Азаматтарға арналған үкімет\" мемлекеттік корпорациясы (бұдан әрі – Мемлекеттік корпорация)",
        ]
        #expect(AbbreviationFinder.abbreviations(in: texts) == ["хқко", "жао"])
    }
}
