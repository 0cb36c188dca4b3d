package org.ibvadvisor.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Embeds with an ONNX BERT-style model run by onnxruntime, tokenised by the model's HuggingFace tokenizer.
 * A call is split into batches of similar length (sorted by token count, padded to the longest of each
 * batch), each run as one {@code session.run}; vectors are pooled as the spec says and L2-normalised.
 *
 * <p>Two ways to run, each with its own session of the model, because what is fastest for one text is not for many
 * (measured on 2 cores with eval's {@code EmbedderConfigProbe} and {@code ./advisor bench}):
 * <ul>
 *   <li>one text (a query) runs on {@code intraOpThreads} onnxruntime threads, which do not spin while they wait:
 *       2.5 ms a query on 2 idle cores against 3.2-3.6 ms on one (spinning: 2.0-2.4 ms idle, but 4-6 ms with a core
 *       taken by something else, as in a server answering several requests);</li>
 *   <li>several texts (passages) run {@code parallelRuns} at a time (the calling thread and daemon threads of the
 *       embedder's own), each on one onnxruntime thread: 75-92 passages/s on 2 idle cores against 85-89 with two
 *       intra-op threads, and 56-64 against 36-40 when something else takes one of the cores (intra-op threads wait
 *       for each other). That session is made on the first call with several texts.</li>
 * </ul>
 * With {@code parallelRuns} 1 there is one session for both.
 */
public final class OnnxEmbedder implements Embedder {
    /**
     * Default cap on texts per {@code session.run}: 1. Measured on 2 cores over 300 corpus passages of ~340 chars
     * (EmbedderBenchmark): the int8 model embedded 97 chunks/s at 1 and 2, 90 at 4, 84 at 8; fp32 47, 46, 46, 43.
     * At 1 the int8 model's vectors also do not depend on their batch mates (its activations are quantized per
     * batch tensor), so a report embeds the same in a full and in an incremental ingest.
     */
    public static final int DEFAULT_BATCH_SIZE = 1;
    /** Cap on padded tokens per {@code session.run}, to bound memory for long inputs. */
    private static final int MAX_BATCH_TOKENS = 32 * 256;
    private static final AtomicInteger HELPER_NUMBERS = new AtomicInteger();

    private final EmbeddingModelSpec spec;
    private final int batchSize;
    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    /** Runs single texts (and everything when {@code parallelRuns} is 1). */
    private final OrtSession session;
    private final ModelTokenizer tokenizer;
    private final boolean wantsTokenTypes;
    private final int parallelRuns;
    /** Threads that run batches beside the caller's, or null for one run at a time. */
    private final ExecutorService helpers;
    /** Runs several texts, one onnxruntime thread each; made on first use, null until then. */
    private volatile OrtSession passageSession;

    /**
     * Queries on as many intra-op threads as there are processors (at most 2), passages one run per processor,
     * {@link #DEFAULT_BATCH_SIZE}.
     */
    public OnnxEmbedder(EmbeddingModelSpec spec) {
        this(spec, Math.min(2, Runtime.getRuntime().availableProcessors()), DEFAULT_BATCH_SIZE,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * One session, one run at a time.
     *
     * @param intraOpThreads threads onnxruntime uses inside one run
     * @param batchSize      most texts per run
     */
    public OnnxEmbedder(EmbeddingModelSpec spec, int intraOpThreads, int batchSize) {
        this(spec, intraOpThreads, batchSize, 1);
    }

    /**
     * @param intraOpThreads threads onnxruntime uses inside a run of one text
     * @param batchSize      most texts per run
     * @param parallelRuns   runs of one {@link #embedPassages} call of several texts at a time (the caller's thread
     *                       included), each on one onnxruntime thread; 1 for one session that runs everything
     */
    public OnnxEmbedder(EmbeddingModelSpec spec, int intraOpThreads, int batchSize, int parallelRuns) {
        this.spec = Objects.requireNonNull(spec, "spec");
        if (intraOpThreads < 1) throw new IllegalArgumentException("intraOpThreads must be at least 1: " + intraOpThreads);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        if (parallelRuns < 1) throw new IllegalArgumentException("parallelRuns must be at least 1: " + parallelRuns);
        this.batchSize = batchSize;
        this.parallelRuns = parallelRuns;
        this.tokenizer = new ModelTokenizer(spec);
        try {
            this.session = createSession(intraOpThreads);
            Set<String> inputs = session.getInputNames();
            if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
                session.close();
                throw new EmbeddingException("model " + spec.modelResource() + " has inputs " + inputs
                        + ", expected input_ids and attention_mask", null);
            }
            this.wantsTokenTypes = inputs.contains("token_type_ids");
        } catch (OrtException | RuntimeException e) {
            tokenizer.close();
            if (e instanceof EmbeddingException embedding) throw embedding;
            throw new EmbeddingException("cannot load ONNX model " + spec.modelResource() + " of " + spec.id(), e);
        }
        this.helpers = parallelRuns == 1 ? null : Executors.newFixedThreadPool(parallelRuns - 1, runnable -> {
            Thread thread = new Thread(runnable, "onnx-embed-" + HELPER_NUMBERS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private OrtSession createSession(int intraOpThreads) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // Memory patterns are planned per input shape; with a new sequence length at nearly every call
            // they made the first sight of each length about twice as slow.
            options.setMemoryPatternOptimization(false);
            if (intraOpThreads > 1) {
                // Threads that spin while waiting for work were a little quicker on idle cores (2.0 against 2.5 ms a
                // query) but slower as soon as anything else ran: inside /api/chat, retrieval took 8.7 ms at the
                // median with spinning and 6.0 without, and /api/retrieve's p99 fell from 12.9 to 9.0 ms.
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
            }
            return environment.createSession(ModelTokenizer.resource(spec.modelResource()), options);
        }
    }

    /** The session for calls of several texts. */
    private OrtSession passageSession() {
        if (parallelRuns == 1) return session;
        OrtSession made = passageSession;
        if (made != null) return made;
        synchronized (this) {
            if (passageSession == null) {
                try {
                    passageSession = createSession(1);
                } catch (OrtException e) {
                    throw new EmbeddingException("cannot load a second session of " + spec.id(), e);
                }
            }
            return passageSession;
        }
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        if (texts.isEmpty()) return List.of();
        Encoding[] encodings = tokenizer.encode(texts);
        Integer[] order = new Integer[encodings.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> encodings[i].getIds().length).reversed());
        List<int[]> batches = new ArrayList<>(); // [from, to) in order
        for (int from = 0; from < order.length; ) {
            int longest = encodings[order[from]].getIds().length;
            int to = Math.min(order.length, from + Math.max(1, Math.min(batchSize, MAX_BATCH_TOKENS / longest)));
            batches.add(new int[] {from, to});
            from = to;
        }
        if (texts.size() == 1) {
            return List.of(run(session, List.of(encodings[0]), encodings[0].getIds().length)[0]);
        }
        OrtSession runs = passageSession();
        float[][] vectors = new float[encodings.length][];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(batches.size());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                try {
                    if (failure.get() != null) continue; // a batch failed: skip the rest
                    int from = batches.get(b)[0], to = batches.get(b)[1];
                    List<Encoding> batch = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) batch.add(encodings[order[i]]);
                    float[][] batchVectors = run(runs, batch, encodings[order[from]].getIds().length);
                    for (int i = from; i < to; i++) vectors[order[i]] = batchVectors[i - from];
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }
        };
        // Helpers take batches beside the caller; one that starts after the caller took the last batch does nothing.
        int helping = helpers == null ? 0 : Math.min(parallelRuns, batches.size()) - 1;
        try {
            for (int h = 0; h < helping; h++) helpers.execute(worker);
        } catch (RejectedExecutionException e) {
            throw new EmbeddingException("the embedder of " + spec.id() + " is closed", e);
        }
        worker.run();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingException("interrupted while embedding with " + spec.id(), e);
        }
        if (failure.get() != null) throw failure.get();
        return Arrays.asList(vectors);
    }

    @Override
    public float[] embedQuery(String query) {
        return embedPassages(List.of(spec.queryInstruction() + query)).getFirst();
    }

    /** Number of tokens the model sees for {@code text}, special tokens included, before truncation at {@code maxTokens}. */
    public int tokenCount(String text) {
        return tokenizer.encode(List.of(text))[0].getIds().length;
    }

    @Override
    public String modelId() {
        return spec.id();
    }

    @Override
    public int dimensions() {
        return spec.dimensions();
    }

    public EmbeddingModelSpec spec() {
        return spec;
    }

    @Override
    public void close() {
        if (helpers != null) helpers.shutdownNow();
        try {
            session.close();
            OrtSession passages = passageSession;
            if (passages != null && passages != session) passages.close();
        } catch (OrtException e) {
            throw new EmbeddingException("cannot close ONNX session of " + spec.id(), e);
        } finally {
            tokenizer.close();
        }
    }

    /** One session run over encodings padded to {@code length}; returns one unit vector per encoding. */
    private float[][] run(OrtSession session, List<Encoding> batch, int length) {
        int rows = batch.size();
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        for (int row = 0; row < rows; row++) {
            Encoding encoding = batch.get(row);
            long[] rowIds = encoding.getIds();
            System.arraycopy(rowIds, 0, ids, row * length, rowIds.length);
            System.arraycopy(encoding.getAttentionMask(), 0, mask, row * length, rowIds.length);
            System.arraycopy(encoding.getTypeIds(), 0, types, row * length, rowIds.length);
        }
        long[] shape = {rows, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (wantsTokenTypes) inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                return pool(hidden, mask, rows, length);
            }
        } catch (OrtException e) {
            throw new EmbeddingException("embedding a batch of " + rows + " texts with " + spec.id() + " failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private float[][] pool(FloatBuffer hidden, long[] mask, int rows, int length) {
        int dims = spec.dimensions();
        if (hidden.remaining() != (long) rows * length * dims) {
            throw new EmbeddingException("model output has " + hidden.remaining() + " floats, expected "
                    + rows + " x " + length + " x " + dims, null);
        }
        float[][] vectors = new float[rows][dims];
        for (int row = 0; row < rows; row++) {
            float[] vector = vectors[row];
            int rowStart = row * length * dims;
            switch (spec.pooling()) {
                case CLS -> hidden.get(rowStart, vector);
                case MEAN -> {
                    int tokens = 0;
                    for (int t = 0; t < length; t++) {
                        if (mask[row * length + t] == 0) continue;
                        tokens++;
                        for (int d = 0; d < dims; d++) vector[d] += hidden.get(rowStart + t * dims + d);
                    }
                    for (int d = 0; d < dims; d++) vector[d] /= Math.max(1, tokens);
                }
            }
            normalise(vector);
        }
        return vectors;
    }

    static void normalise(float[] vector) {
        double sum = 0;
        for (float value : vector) sum += value * value;
        float norm = (float) Math.sqrt(sum);
        if (norm == 0) return;
        for (int d = 0; d < vector.length; d++) vector[d] /= norm;
    }
}
