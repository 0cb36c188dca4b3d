package org.ibvadvisor.eval.rgb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RgbDataTest {
    private static final String DATA = """
            {"id": 0, "query": "问题一", "answer": ["a"], "positive": ["甲段", "乙段"], "negative": ["丙段"]}
            {"id": 1, "query": "问题二", "answer": ["b"], "positive": ["丙段"], "negative": ["甲段", "丁段"]}
            """;

    @Test
    void passages_are_pooled_once_across_queries_and_positives_are_per_query(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve(RgbData.FILE), DATA);
        RgbData data = RgbData.read(folder);
        assertEquals(List.of("p1", "p2", "p3", "p4"), List.copyOf(data.passages().keySet()));
        assertEquals(List.of("甲段", "乙段", "丙段", "丁段"), List.copyOf(data.passages().values()));
        assertEquals(Set.of("p1", "p2"), data.queries().get(0).positives());
        assertEquals(Set.of("p3"), data.queries().get(1).positives(), "a negative of one query is a positive of another");
        assertEquals("问题二", data.queries().get(1).query());
    }

    @Test
    void the_hash_that_keys_the_cached_index_follows_the_data(@TempDir Path one, @TempDir Path two) throws Exception {
        Files.writeString(one.resolve(RgbData.FILE), DATA);
        Files.writeString(two.resolve(RgbData.FILE), DATA.replace("丁段", "戊段"));
        assertEquals(RgbData.read(one).hash(), RgbData.read(one).hash());
        assertNotEquals(RgbData.read(one).hash(), RgbData.read(two).hash());
    }

    @Test
    void a_line_that_is_not_json_is_named(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve(RgbData.FILE), DATA + "{oops\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RgbData.read(folder));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }
}
