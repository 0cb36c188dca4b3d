package org.ibvadvisor.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ibvadvisor.answer.fakes.BigramHashEmbedder;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.embed.EmbeddingException;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.junit.jupiter.api.Test;

class LoadingEmbedderTest {
    private static final EmbeddingModelSpec SPEC = EmbeddingModelSpec.BGE_SMALL_ZH_Q;

    @Test
    void its_name_and_size_are_known_before_the_model_has_loaded_and_a_query_waits_for_it() throws Exception {
        var release = new CountDownLatch(1);
        var model = new BigramHashEmbedder();
        var embedder = new LoadingEmbedder(SPEC, () -> {
            awaitQuietly(release);
            return model;
        });

        assertEquals(SPEC.id(), embedder.modelId());
        assertEquals(SPEC.dimensions(), embedder.dimensions());
        var answered = new CountDownLatch(1);
        Thread.ofPlatform().start(() -> {
            embedder.embedQuery("投资回报率");
            answered.countDown();
        });
        assertFalse(answered.await(200, TimeUnit.MILLISECONDS), "the query waits while the model loads");
        release.countDown();
        assertTrue(answered.await(5, TimeUnit.SECONDS));
        assertArrayEquals(model.embedQuery("投资回报率"), embedder.embedQuery("投资回报率"));
    }

    @Test
    void a_model_that_cannot_load_throws_its_own_failure_and_closing_is_quiet() {
        var failure = new EmbeddingException("cannot load ONNX model", null);
        var embedder = new LoadingEmbedder(SPEC, () -> {
            throw failure;
        });

        assertSame(failure, assertThrows(EmbeddingException.class, embedder::loaded));
        assertThrows(EmbeddingException.class, () -> embedder.embedQuery("问题"));
        embedder.close();
    }

    @Test
    void closing_closes_the_loaded_model() {
        var closed = new AtomicBoolean();
        var model = new BigramHashEmbedder();
        var embedder = new LoadingEmbedder(SPEC, () -> new Embedder() {
            @Override public List<float[]> embedPassages(List<String> texts) { return model.embedPassages(texts); }
            @Override public float[] embedQuery(String query) { return model.embedQuery(query); }
            @Override public String modelId() { return model.modelId(); }
            @Override public int dimensions() { return model.dimensions(); }
            @Override public void close() { closed.set(true); }
        });

        embedder.close();

        assertTrue(closed.get());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
