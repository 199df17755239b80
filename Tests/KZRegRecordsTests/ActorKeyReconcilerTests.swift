import KZRegStructure
import Testing
@testable import KZRegRecords

@Suite struct ActorKeyReconcilerTests {
    let actors = ActorCanonicalizer()
    let span = SourceSpan(start: 0, end: 0)

    func reconciled(participants: [String], steps: [String], text: String) -> (participants: [String], steps: [String]) {
        var mentions = participants.map { ActorMention(text: $0, key: actors.key(for: $0), span: span) }
        var found = steps.enumerated().map { index, actor in
            var step = Step(number: index + 1, actor: actor, text: actor, durations: [], result: nil, span: span)
            step.actorKey = actors.key(for: actor)
            return step
        }
        ActorKeyReconciler().reconcile(participants: &mentions, steps: &found,
                                       texts: text.split(separator: "\n").map(String.init))
        return (mentions.map(\.key), found.compactMap(\.actorKey))
    }

    @Test func aWordFoundOnceYieldsToARecurringNearSpelling() {
        let participants = ["көрсетілетін қызметті берушінің жауапты маманы", "көрсетілетін қызметті берушінің қаржыландыру әкімінің маманы"]
        let steps = ["көрсетілетін қызметті берушінің жауапты маманы", "көрсетілетін қызметті берушінің қаржыландыру бөлімінің маманы"]
        let text = (participants + steps).joined(separator: "\n") + "\nқаржыландыру бөлімінің маманы төлем құжаттарын жолдайды"
        let (keys, stepKeys) = reconciled(participants: participants, steps: steps, text: text)
        #expect(keys == ["жауапты маман", "қаржыландыру бөлім маман"])
        #expect(stepKeys == ["жауапты маман", "қаржыландыру бөлім маман"])
    }

    @Test func aTieLeavesEachMentionAsWritten() {
        let participants = ["бюджеттік қаржыландыру бөлімі"]
        let steps = ["бюджеттік қаржыландыру бөлімше"]
        // Both forms recur: a real difference between the two lists, not noise.
        let text = "бюджеттік қаржыландыру бөлімі\nбюджеттік қаржыландыру бөлімшесі\nбөлімі\nбөлімшесі"
        let (keys, stepKeys) = reconciled(participants: participants, steps: steps, text: text)
        #expect(keys == ["бюджеттік қаржыландыру бөлім"])
        #expect(stepKeys == ["бюджеттік қаржыландыру бөлімше"])
    }

    @Test func differentActorsAreNotPaired() {
        #expect(!ActorKeyReconciler.near(["жауапты", "маман"], ["жауапты", "орындаушы"]))
        #expect(!ActorKeyReconciler.near(["заң", "бөлім", "маман"], ["қаржы", "бөлім", "маман"]))
        #expect(ActorKeyReconciler.near(["қаржыландыру", "әкім", "маман"], ["қаржыландыру", "бөлім", "маман"]))
        let (keys, stepKeys) = reconciled(participants: ["кеңсе қызметкері"], steps: ["жауапты орындаушысы"],
                                          text: "кеңсе қызметкері\nжауапты орындаушысы")
        #expect(keys == ["кеңсе қызметкер"])
        #expect(stepKeys == ["жауапты орындаушы"])
    }

    @Test func anActorMatchedOnTheOtherSideIsLeftAlone() {
        // The step actor equals a participant: the near participant is another actor.
        let participants = ["аудан бөлімінің маманы", "аудан әкімінің маманы"]
        let steps = ["аудан бөлімінің маманы"]
        let text = "аудан бөлімінің маманы\nаудан әкімінің маманы\nбөлімінің\nбөлімінің"
        let (keys, stepKeys) = reconciled(participants: participants, steps: steps, text: text)
        #expect(keys == ["аудан бөлім маман", "аудан әкім маман"])
        #expect(stepKeys == ["аудан бөлім маман"])
    }
}
