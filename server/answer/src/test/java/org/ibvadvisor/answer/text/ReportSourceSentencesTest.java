package org.ibvadvisor.answer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ibvadvisor.answer.fakes.Corpus;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.text.Sentence;
import org.ibvadvisor.text.SentenceSplitter;
import org.junit.jupiter.api.Test;

/** The report-source splitter over every passage the answer stage cites from. */
class ReportSourceSentencesTest {

    @Test
    void every_sentence_of_every_corpus_passage_is_an_exact_trimmed_span_of_its_report() {
        Corpus corpus = Corpus.bundled();
        int sentences = 0;
        for (Passage passage : corpus.passages()) {
            String source = corpus.report(passage.reportId()).source();
            assertEquals(passage.text(), source.substring(passage.start(), passage.end()));
            int previousEnd = 0;
            for (Sentence sentence : SentenceSplitter.REPORT_SOURCE.split(passage.text())) {
                String text = sentence.in(passage.text());
                assertEquals(text, source.substring(passage.start() + sentence.start(), passage.start() + sentence.end()));
                assertEquals(text.strip(), text, "sentence not trimmed in " + passage.id());
                assertTrue(sentence.start() >= previousEnd, "sentences overlap in " + passage.id());
                previousEnd = sentence.end();
                sentences++;
            }
        }
        assertTrue(sentences > 1000, "only " + sentences + " sentences in the corpus");
    }
}
