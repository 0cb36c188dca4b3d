package org.ibvadvisor.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The quantized model (the default) in detail; {@link Fp32SmokeTest} checks the fp32 one loads and agrees. */
class OnnxEmbedderTest {
    static final Path CORPUS = Path.of(System.getProperty("advisor.projectDir", "..")).resolve("corpus");

    static OnnxEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void every_text_gets_a_unit_vector_of_the_model_dimensions_in_input_order() {
        List<String> texts = List.of("生成式 AI", "", "供应链自动化已经将这个问题抽象化。", "a".repeat(10));

        List<float[]> vectors = embedder.embedPassages(texts);

        assertEquals(texts.size(), vectors.size());
        for (float[] vector : vectors) {
            assertEquals(512, vector.length);
            assertEquals(1.0, norm(vector), 1e-4);
        }
        float[] third = embedder.embedPassages(List.of(texts.get(2))).getFirst();
        for (int i = 0; i < texts.size(); i++) {
            double similarity = cosine(third, vectors.get(i));
            assertTrue(i == 2 ? similarity > 0.99 : similarity < 0.9, "text " + i + " vs the third alone: " + similarity);
        }
    }

    @Test
    void batching_changes_a_quantized_vector_only_slightly() throws IOException {
        // The int8 model quantizes activations per batch tensor, so batch mates shift a vector a little;
        // exactness of padding itself is checked on the fp32 model in Fp32SmokeTest.
        List<String> passages = mixedLengths();
        try (OnnxEmbedder batching = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q, 2, 32)) {
            List<float[]> together = batching.embedPassages(passages);
            for (int i = 0; i < passages.size(); i++) {
                float[] alone = batching.embedPassages(List.of(passages.get(i))).getFirst();
                assertTrue(cosine(alone, together.get(i)) > 0.99, "text " + i + ": " + cosine(alone, together.get(i)));
            }
        }
    }

    @Test
    void a_paraphrase_is_closer_than_an_unrelated_sentence() {
        List<float[]> v = embedder.embedPassages(List.of(
                "生成式 AI 的计算成本可能迅速上升，危及企业创新。",
                "如果管理不善，支撑生成式人工智能的算力开销会急剧膨胀，威胁到公司的创新。",
                "领导者必须培育一种注重伦理的组织文化，保障人类的福祉。"));

        double paraphrase = cosine(v.get(0), v.get(1));
        double unrelated = cosine(v.get(0), v.get(2));
        assertTrue(paraphrase > unrelated + 0.05, "paraphrase " + paraphrase + " vs unrelated " + unrelated);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "为什么计算成本成为 CEO 关注的问题？, 计算成本曾被视为",
            "如何培育注重 AI 伦理的组织文化？, 领导者必须培育一种注重 AI 伦理的文化",
            "首席数据官对数据伦理和网络安全怎么看？, 总的来说，这些观点展示了",
            "生成式 AI 怎样帮助发现供应链异常？, 而这正是生成式 AI 的用武之地",
    })
    void a_query_with_the_instruction_ranks_its_passage_first(String query, String expectedStart) throws IOException {
        List<String> passages = realPassages();
        List<float[]> vectors = embedder.embedPassages(passages);
        float[] q = embedder.embedQuery(query);

        int best = IntStream.range(0, passages.size()).boxed()
                .max((a, b) -> Double.compare(cosine(q, vectors.get(a)), cosine(q, vectors.get(b)))).orElseThrow();

        assertTrue(passages.get(best).startsWith(expectedStart), "best for '" + query + "' was: " + passages.get(best));
    }

    @Test
    void over_long_input_is_truncated_at_the_model_limit() {
        String longText = "生成式 AI 正在迅速颠覆商业和社会形态，迫使企业领导者重新思考其假设、计划和战略。".repeat(40);
        assertTrue(embedder.tokenCount(longText) == 512, "truncated to 512 tokens: " + embedder.tokenCount(longText));

        List<float[]> v = embedder.embedPassages(List.of(longText, longText + "完全不同的结尾：供应链、网络安全与可持续发展。".repeat(20)));

        assertEquals(1.0, cosine(v.get(0), v.get(1)), 1e-5, "text after the 512th token is not seen");
    }

    @Test
    void upper_case_latin_reads_like_lower_case_instead_of_unknown() {
        List<float[]> v = embedder.embedPassages(List.of("IBM 的 CEO 谈 AI", "ibm 的 ceo 谈 ai", "[UNK] 的 [UNK] 谈 [UNK]"));

        assertEquals(1.0, cosine(v.get(0), v.get(1)), 1e-5);
        assertTrue(cosine(v.get(0), v.get(2)) < 0.99, "upper case must not become [UNK]");
    }

    @Test
    void concurrent_calls_give_the_same_vectors_as_one_at_a_time() throws Exception {
        List<String> texts = mixedLengths();
        List<float[]> serial = texts.stream().map(embedder::embedQuery).toList();

        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(3)) {
            var futures = texts.stream().map(t -> pool.submit(() -> embedder.embedQuery(t))).toList();
            for (int i = 0; i < texts.size(); i++) assertEquals(1.0, cosine(serial.get(i), futures.get(i).get()), 1e-6, texts.get(i));
        }
    }

    @Test
    void parallel_runs_within_one_call_give_the_same_vectors_in_input_order_as_one_run_at_a_time() throws IOException {
        List<String> texts = mixedLengths();
        try (OnnxEmbedder oneAtATime = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q, 1, 1, 1);
             OnnxEmbedder threeAtATime = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q, 1, 1, 3)) {
            List<float[]> serial = oneAtATime.embedPassages(texts);
            List<float[]> parallel = threeAtATime.embedPassages(texts);
            for (int i = 0; i < texts.size(); i++) assertArrayEquals(serial.get(i), parallel.get(i), 1e-6f, texts.get(i));
        }
    }

    @Test
    void an_empty_list_embeds_to_an_empty_list() {
        assertEquals(List.of(), embedder.embedPassages(List.of()));
    }

    @Test
    void an_unknown_model_id_names_the_known_ones() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> EmbeddingModelSpec.byId("bge-large"));
        assertTrue(error.getMessage().contains("bge-small-zh-v1.5-q"), error.getMessage());
    }

    /** Real passages with short and long sentences mixed in, so that batches need padding. */
    static List<String> mixedLengths() throws IOException {
        List<String> mixed = new ArrayList<>(realPassages());
        mixed.add(1, "短句。");
        mixed.add("再一个稍长一些的句子，用来让批次里的长度各不相同。");
        return mixed;
    }

    /** Five real paragraphs of the corpus on different topics. */
    static List<String> realPassages() throws IOException {
        return List.of(
                line("001_2887d1dc47ac7276.txt", "领导者必须培育一种注重 AI 伦理的文化"),
                line("001_2887d1dc47ac7276.txt", "根据我们的 2023 年首席数据官 (CDO) 研究"),
                line("001_2887d1dc47ac7276.txt", "正是因此，CEO 正在迅速投资发展生成式 AI"),
                line("004_ffa638bad9eb796a.txt", "计算成本曾被视为"),
                line("001_2887d1dc47ac7276.txt", "而这正是生成式 AI 的用武之地"));
    }

    static String line(String file, String start) throws IOException {
        return Files.readAllLines(CORPUS.resolve(file)).stream().filter(l -> l.contains(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line containing '" + start + "' in " + file));
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) dot += a[i] * b[i];
        return dot / (norm(a) * norm(b));
    }

    static double norm(float[] v) {
        double sum = 0;
        for (float x : v) sum += x * x;
        return Math.sqrt(sum);
    }
}
