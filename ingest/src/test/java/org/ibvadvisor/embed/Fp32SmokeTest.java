package org.ibvadvisor.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class Fp32SmokeTest {
    @Test
    void padding_in_a_batch_does_not_change_a_vector_and_fp32_agrees_with_the_quantized_model() throws IOException {
        List<String> passages = OnnxEmbedderTest.mixedLengths();
        try (OnnxEmbedder fp32 = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH, 2, 32);
             OnnxEmbedder q = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q)) {
            assertEquals("bge-small-zh-v1.5", fp32.modelId());
            List<float[]> together = fp32.embedPassages(passages);
            List<float[]> quantized = q.embedPassages(passages);
            for (int i = 0; i < passages.size(); i++) {
                float[] alone = fp32.embedPassages(List.of(passages.get(i))).getFirst();
                assertEquals(1.0, OnnxEmbedderTest.cosine(alone, together.get(i)), 1e-5, "text " + i + " alone vs in a padded batch");
                double agreement = OnnxEmbedderTest.cosine(together.get(i), quantized.get(i));
                assertTrue(agreement > 0.9, "text " + i + ": fp32 vs q cosine " + agreement);
            }
        }
    }
}
