package org.ibvadvisor.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** The model's HuggingFace tokenizer, loaded from the classpath, truncating at the model's limit. Thread-safe. */
final class ModelTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;

    ModelTokenizer(EmbeddingModelSpec spec) {
        byte[] json = patched(resource(spec.tokenizerResource()), spec);
        try {
            tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), Map.of(
                    "addSpecialTokens", "true",
                    "truncation", "true",
                    "padding", "false",
                    "maxLength", Integer.toString(spec.maxTokens())));
        } catch (IOException | RuntimeException e) {
            throw new EmbeddingException("cannot load tokenizer " + spec.tokenizerResource() + " of " + spec.id(), e);
        }
    }

    /** One encoding per text, in order, each at most {@code maxTokens} long (with [CLS] and [SEP]). */
    Encoding[] encode(List<String> texts) {
        return tokenizer.batchEncode(texts);
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    /** Applies {@link EmbeddingModelSpec#lowercase()} to the tokenizer's BERT normaliser. */
    private static byte[] patched(byte[] json, EmbeddingModelSpec spec) {
        if (!spec.lowercase()) return json;
        try {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = (ObjectNode) mapper.readTree(json);
            if (root.get("normalizer") instanceof ObjectNode normalizer && "BertNormalizer".equals(normalizer.path("type").asText())) {
                normalizer.put("lowercase", true);
                return mapper.writeValueAsBytes(root);
            }
            throw new EmbeddingException("tokenizer " + spec.tokenizerResource() + " has no BertNormalizer to lower-case with", null);
        } catch (IOException e) {
            throw new EmbeddingException("cannot parse tokenizer " + spec.tokenizerResource(), e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = ModelTokenizer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new EmbeddingException("classpath resource " + name + " not found; is the langchain4j model jar on the classpath?", null);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EmbeddingException("cannot read classpath resource " + name, e);
        }
    }
}
