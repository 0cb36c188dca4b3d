package org.ibvadvisor.answer.pipeline;

import static java.time.Duration.ofSeconds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.AnswerListener;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.extract.EmbeddingExtractor;
import org.ibvadvisor.answer.fakes.BigramHashEmbedder;
import org.ibvadvisor.answer.fakes.Corpus;
import org.ibvadvisor.answer.fakes.CorpusRetriever;
import org.ibvadvisor.answer.generate.Generation;
import org.ibvadvisor.llm.ollama.OllamaGenerator;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.answer.prompt.CitingPromptWriter;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.Retrieval;
import org.ibvadvisor.retrieval.Retriever;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks of the answer pipeline; prints figures, asserts nothing. Not run by the build (the class name matches
 * no surefire pattern): {@code mvn -pl server -am test -Dtest=AnswerLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>The embedder is the bigram-hashing test fake unless {@link #embedder()} is changed to the real one, so
 * extraction times here exclude the model's embedding time (measure that beside them).
 */
class AnswerLatencyBenchmark {

    private static final int WARMUP = 50;
    private static final int RUNS = 200;
    private static final String QUESTION = "到 2026 年，全球 2000 强企业的收入有多大比例会来自数字产品、服务和体验？";

    private final Corpus corpus = Corpus.bundled();
    private final List<Passage> passages = new CorpusRetriever(corpus).retrieve(
            new org.ibvadvisor.retrieval.RetrievalRequest(QUESTION, 10, Set.of())).passages();
    /** Retrieval that costs nothing, so that the figures are the pipeline's own. */
    private final Retriever instant = request -> new Retrieval(request.query(), passages, 0.9,
            new Retrieval.Timings(0, 0, 0));

    static Embedder embedder() {
        return new BigramHashEmbedder();
    }

    @Test
    void server_time_before_the_first_token_over_a_stand_in_that_answers_at_once() {
        try (StandInOllama ollama = StandInOllama.start();
             OllamaGenerator generator = new OllamaGenerator(OllamaSettings.defaults().withBaseUrl(ollama.baseUrl()))) {
            ollama.onChat(ChatScript.tokens("到 2026 年", "，比例为 40%", " [1]。"));
            AnswerPipeline pipeline = AnswerPipeline.standard(instant, generator, "qwen2.5:7b", embedder(),
                    AnswerSettings.defaults());
            var prompt = CitingPromptWriter.defaults()
                    .write(new Question(QUESTION, null, Set.of()), QUESTION, passages.subList(0, 5));

            double[] pipelineFirst = new double[RUNS];
            double[] pipelineTotal = new double[RUNS];
            double[] generatorFirst = new double[RUNS];
            for (int i = -WARMUP; i < RUNS; i++) {
                Answer answer = pipeline.answer(new Question(QUESTION, null, Set.of()), List.of(), AnswerListener.NONE)
                        .answer();
                long started = System.nanoTime();
                long[] first = {-1};
                Generation generation = generator.generate(prompt, token -> {
                    if (first[0] < 0) first[0] = System.nanoTime();
                });
                generation.await();
                if (i >= 0) {
                    pipelineFirst[i] = answer.timings().firstTokenMs();
                    pipelineTotal[i] = answer.timings().totalMs();
                    generatorFirst[i] = (first[0] - started) / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "%nServer time before the first token (stand-in answers at once, retrieval"
                    + " free, %d runs after %d warm-up):%n", RUNS, WARMUP);
            print("pipeline firstTokenMs", pipelineFirst);
            print("generator alone, first token (HTTP to the stand-in and back)", generatorFirst);
            print("pipeline totalMs (3 tokens, checks included)", pipelineTotal);
            System.out.printf(Locale.ROOT, "  added by the pipeline over the generator: p50 %.2f ms%n",
                    percentile(pipelineFirst, 50) - percentile(generatorFirst, 50));
        }
    }

    @Test
    void extractive_answer_latency_when_ollama_is_down() {
        StandInOllama down = StandInOllama.start();
        String deadUrl = down.baseUrl();
        down.close();
        try (OllamaGenerator generator = new OllamaGenerator(OllamaSettings.defaults().withBaseUrl(deadUrl))) {
            Embedder embedder = embedder();
            AnswerPipeline pipeline = AnswerPipeline.standard(instant, generator, "qwen2.5:7b", embedder,
                    AnswerSettings.defaults());
            EmbeddingExtractor extractor = EmbeddingExtractor.defaults(embedder);
            double[] total = new double[RUNS];
            double[] extraction = new double[RUNS];
            for (int i = -WARMUP; i < RUNS; i++) {
                Answer answer = pipeline.answer(new Question(QUESTION, null, Set.of()), List.of(), AnswerListener.NONE)
                        .answer();
                long started = System.nanoTime();
                extractor.extract(QUESTION, passages.subList(0, 5), 5);
                if (i >= 0) {
                    total[i] = answer.timings().totalMs();
                    extraction[i] = (System.nanoTime() - started) / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "%nExtractive answers, Ollama down (connection refused), embedder %s, %d runs:%n",
                    embedder.modelId(), RUNS);
            print("answer totalMs", total);
            print("extraction alone (split, embed, MMR over 5 passages)", extraction);
        }
    }

    @Test
    void extractive_answers_of_the_eval_questions_hold_their_evidence() throws IOException {
        ObjectMapper json = new ObjectMapper();
        CorpusRetriever retriever = new CorpusRetriever(corpus);
        EmbeddingExtractor extractor = EmbeddingExtractor.defaults(embedder());
        int answerable = 0;
        int retrieved = 0;
        int extracted = 0;
        for (String line : Files.readAllLines(Corpus.projectDir().resolve("eval/questions/questions.jsonl"))) {
            JsonNode q = json.readTree(line);
            if (q.path("evidence").isEmpty()) {
                continue;
            }
            answerable++;
            List<String> evidence = new ArrayList<>();
            q.path("evidence").forEach(e -> evidence.add(e.asText().replaceAll("\\s+", "")));
            List<Passage> top = retriever.retrieve(new org.ibvadvisor.retrieval.RetrievalRequest(
                    q.path("question").asText(), 5, Set.of())).passages();
            if (top.stream().anyMatch(p -> holds(p.text(), evidence))) {
                retrieved++;
            }
            var findings = extractor.extract(q.path("question").asText(), top, 5);
            String answer = org.ibvadvisor.answer.extract.Findings.list(findings);
            List<Citation> citations = org.ibvadvisor.answer.extract.Findings.citations(findings);
            if (holds(answer, evidence) || citations.stream().anyMatch(c -> holds(c.quote(), evidence))) {
                extracted++;
            }
        }
        System.out.printf(Locale.ROOT, "%nEval questions (answerable %d), test-fake retriever (bigram coverage) and "
                        + "embedder:%n  evidence in the top 5 passages: %d (%.1f%%)%n  evidence in the extractive answer"
                        + " or its quotes: %d (%.1f%%; %.1f%% of those retrieved)%n", answerable, retrieved,
                100.0 * retrieved / answerable, extracted, 100.0 * extracted / answerable, 100.0 * extracted / retrieved);
    }

    private static boolean holds(String text, List<String> evidence) {
        String flat = text.replaceAll("\\s+", "");
        return evidence.stream().anyMatch(flat::contains);
    }

    private static void print(String what, double[] millis) {
        System.out.printf(Locale.ROOT, "  %-62s p50 %7.2f ms   p99 %7.2f ms%n", what, percentile(millis, 50),
                percentile(millis, 99));
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
