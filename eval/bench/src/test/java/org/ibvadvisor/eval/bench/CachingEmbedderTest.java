package org.ibvadvisor.eval.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ibvadvisor.embed.Embedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingEmbedderTest {
    /** Vectors from the text's hash; remembers what it was asked to embed. */
    private static final class CountingEmbedder implements Embedder {
        final List<String> embedded = new ArrayList<>();

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            embedded.addAll(texts);
            return texts.stream().map(t -> new float[] {t.hashCode(), t.length(), 1}).toList();
        }

        @Override
        public float[] embedQuery(String query) {
            embedded.add("query:" + query);
            return new float[] {0, 0, 1};
        }

        @Override
        public String modelId() {
            return "counting";
        }

        @Override
        public int dimensions() {
            return 3;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void only_misses_reach_the_model_in_order_and_the_file_serves_the_next_run(@TempDir Path dir) {
        Path file = dir.resolve("cache.bin");
        CountingEmbedder model = new CountingEmbedder();
        List<float[]> first;
        try (CachingEmbedder cache = new CachingEmbedder(model, file)) {
            first = cache.embedPassages(List.of("甲", "乙"));
            List<float[]> second = cache.embedPassages(List.of("乙", "丙", "甲"));
            assertEquals(List.of("甲", "乙", "丙"), model.embedded);
            assertArrayEquals(first.get(1), second.get(0));
            assertArrayEquals(first.get(0), second.get(2));
            assertEquals(3, cache.misses());
        }

        CountingEmbedder fresh = new CountingEmbedder();
        try (CachingEmbedder reopened = new CachingEmbedder(fresh, file)) {
            List<float[]> again = reopened.embedPassages(List.of("甲", "乙", "丙"));
            assertEquals(List.of(), fresh.embedded);
            assertArrayEquals(first.get(0), again.get(0));
            assertEquals(3, reopened.size());
            reopened.embedQuery("问");
            assertEquals(List.of("query:问"), fresh.embedded, "queries are never cached");
        }
    }
}
