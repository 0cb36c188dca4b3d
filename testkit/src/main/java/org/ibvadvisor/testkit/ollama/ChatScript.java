package org.ibvadvisor.testkit.ollama;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * What the stand-in Ollama does with one {@code POST /api/chat}: an immutable script built fluently, e.g.
 * {@code ChatScript.reply("你好，世界").tokenDelay(ofMillis(20)).thenCut()}.
 *
 * <p>A streamed reply is: optional first-byte delay, response headers, {@code thinking} chunks, content chunks
 * (one NDJSON line each, with the per-token delay before each), then the ending. A failure script
 * ({@link #status}) answers with that HTTP status and Ollama's error JSON instead.
 */
public final class ChatScript {

    /** How a streamed reply ends after its content chunks. */
    public enum Ending {
        /** A final chunk with {@code done:true}, {@code done_reason} and the statistics, then the end of the body. */
        DONE,
        /** The body ends cleanly (last chunk of the chunked encoding) without any {@code done:true} line. */
        END_WITHOUT_DONE,
        /** An {@code {"error":"…"}} line, then the end of the body (what Ollama does when a runner dies). */
        ERROR_LINE,
        /** The connection is closed (FIN) in the middle of the chunked body, as when Ollama is killed. */
        CUT,
        /** The connection is reset (RST) in the middle of the body; data not yet read by the client may be lost. */
        RESET,
        /** Nothing more is written; the connection stays open until the client goes away. */
        STALL
    }

    private final int status;
    private final String errorMessage;
    private final boolean stallBeforeHeaders;
    private final List<String> thinking;
    private final List<String> tokens;
    private final Duration firstByteDelay;
    private final Duration tokenDelay;
    private final boolean splitMultibyte;
    private final Ending ending;
    private final String doneReason;
    private final Integer promptEvalCount;

    private ChatScript(int status, String errorMessage, boolean stallBeforeHeaders, List<String> thinking,
                       List<String> tokens, Duration firstByteDelay, Duration tokenDelay, boolean splitMultibyte,
                       Ending ending, String doneReason, Integer promptEvalCount) {
        this.status = status;
        this.errorMessage = errorMessage;
        this.stallBeforeHeaders = stallBeforeHeaders;
        this.thinking = List.copyOf(thinking);
        this.tokens = List.copyOf(tokens);
        this.firstByteDelay = Objects.requireNonNull(firstByteDelay, "firstByteDelay");
        this.tokenDelay = Objects.requireNonNull(tokenDelay, "tokenDelay");
        this.splitMultibyte = splitMultibyte;
        this.ending = Objects.requireNonNull(ending, "ending");
        this.doneReason = Objects.requireNonNull(doneReason, "doneReason");
        this.promptEvalCount = promptEvalCount;
    }

    /** A streamed answer of {@code text}, cut into tokens: one per CJK character, one per word elsewhere. */
    public static ChatScript reply(String text) {
        return tokens(tokenize(text).toArray(String[]::new));
    }

    /** A streamed answer of exactly these content chunks, in order. */
    public static ChatScript tokens(String... tokens) {
        return new ChatScript(200, null, false, List.of(), List.of(tokens), Duration.ZERO, Duration.ZERO,
                false, Ending.DONE, "stop", null);
    }

    /**
     * A benchmark's answer: {@code count} tokens of Chinese text citing passages [1] and [2], streamed without any
     * delay, with Ollama reporting 900 prompt tokens evaluated.
     */
    public static ChatScript citingAnswer(int count) {
        String[] words = {"根据", "报告", "[1]", "，", "生成式", "AI", "正在", "改变", "企业", "的", "运营", "方式", "。",
                "高管", "们", "认为", "[2]", "，", "人才", "与", "技能", "是", "关键", "。"};
        if (count < 1) {
            throw new IllegalArgumentException("the answer needs at least one token, got " + count);
        }
        return tokens(IntStream.range(0, count).mapToObj(i -> words[i % words.length]).toArray(String[]::new))
                .promptEvalCount(900);
    }

    /** An HTTP error with Ollama's error body {@code {"error":"message"}}, e.g. {@code status(500, "boom")}. */
    public static ChatScript status(int status, String errorMessage) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("error status must be 4xx or 5xx, got " + status);
        }
        return new ChatScript(status, Objects.requireNonNull(errorMessage, "errorMessage"), false, List.of(),
                List.of(), Duration.ZERO, Duration.ZERO, false, Ending.DONE, "stop", null);
    }

    /** 404 with the body real Ollama sends for a model that is not pulled. */
    public static ChatScript modelNotFound(String model) {
        return status(404, "model '" + model + "' not found");
    }

    /** Reads the request and never answers: no status line, no bytes, until the client gives up. */
    public static ChatScript stall() {
        return new ChatScript(200, null, true, List.of(), List.of(), Duration.ZERO, Duration.ZERO, false,
                Ending.STALL, "stop", null);
    }

    /** Streams these {@code thinking} chunks (content empty) before the first content chunk. */
    public ChatScript thinking(String... chunks) {
        return new ChatScript(status, errorMessage, stallBeforeHeaders, List.of(chunks), tokens, firstByteDelay,
                tokenDelay, splitMultibyte, ending, doneReason, promptEvalCount);
    }

    /** Waits this long before the response headers (model loading, a busy GPU). */
    public ChatScript firstByteDelay(Duration delay) {
        return new ChatScript(status, errorMessage, stallBeforeHeaders, thinking, tokens, delay, tokenDelay,
                splitMultibyte, ending, doneReason, promptEvalCount);
    }

    /** Waits this long before every thinking and content chunk. */
    public ChatScript tokenDelay(Duration delay) {
        return new ChatScript(status, errorMessage, stallBeforeHeaders, thinking, tokens, firstByteDelay, delay,
                splitMultibyte, ending, doneReason, promptEvalCount);
    }

    /**
     * Writes every line that holds a multi-byte UTF-8 character in two writes (two HTTP chunks, flushed apart),
     * split inside the first such character, so a client must reassemble its bytes.
     */
    public ChatScript splitMultibyteCharacters() {
        return new ChatScript(status, errorMessage, stallBeforeHeaders, thinking, tokens, firstByteDelay,
                tokenDelay, true, ending, doneReason, promptEvalCount);
    }

    /** The final chunk's {@code done_reason} (default {@code stop}; {@code length} when num_predict was hit). */
    public ChatScript doneReason(String reason) {
        return new ChatScript(status, errorMessage, stallBeforeHeaders, thinking, tokens, firstByteDelay,
                tokenDelay, splitMultibyte, ending, reason, promptEvalCount);
    }

    /**
     * The final chunk's {@code prompt_eval_count}. Default: an estimate from the request's messages (about
     * 1.5 characters per token), capped at the request's {@code num_ctx} (2048 when absent) the way Ollama
     * truncates a prompt that does not fit.
     */
    public ChatScript promptEvalCount(int count) {
        return new ChatScript(status, errorMessage, stallBeforeHeaders, thinking, tokens, firstByteDelay,
                tokenDelay, splitMultibyte, ending, doneReason, count);
    }

    /** Ends with the final {@code done:true} chunk (the default). */
    public ChatScript thenDone() {
        return ending(Ending.DONE, null);
    }

    /** Ends the body cleanly without a {@code done:true} line. */
    public ChatScript thenEndWithoutDone() {
        return ending(Ending.END_WITHOUT_DONE, null);
    }

    /** Writes {@code {"error":"message"}} as the next line, then ends the body. */
    public ChatScript thenErrorLine(String message) {
        return ending(Ending.ERROR_LINE, Objects.requireNonNull(message, "message"));
    }

    /** Closes the connection in the middle of the body, after everything written so far was sent. */
    public ChatScript thenCut() {
        return ending(Ending.CUT, null);
    }

    /** Resets the connection in the middle of the body (the client may lose what it had not read yet). */
    public ChatScript thenReset() {
        return ending(Ending.RESET, null);
    }

    /** Writes nothing more and holds the connection open. */
    public ChatScript thenStall() {
        return ending(Ending.STALL, null);
    }

    private ChatScript ending(Ending newEnding, String message) {
        if (status != 200 || stallBeforeHeaders) {
            throw new IllegalStateException("only a streamed reply has an ending");
        }
        return new ChatScript(status, message, false, thinking, tokens, firstByteDelay, tokenDelay,
                splitMultibyte, newEnding, doneReason, promptEvalCount);
    }

    int status() {
        return status;
    }

    String errorMessage() {
        return errorMessage;
    }

    boolean stallsBeforeHeaders() {
        return stallBeforeHeaders;
    }

    List<String> thinkingChunks() {
        return thinking;
    }

    List<String> contentTokens() {
        return tokens;
    }

    Duration firstByteDelay() {
        return firstByteDelay;
    }

    Duration tokenDelay() {
        return tokenDelay;
    }

    boolean splitsMultibyte() {
        return splitMultibyte;
    }

    Ending ending() {
        return ending;
    }

    String doneReason() {
        return doneReason;
    }

    OptionalInt promptEvalCount() {
        return promptEvalCount == null ? OptionalInt.empty() : OptionalInt.of(promptEvalCount);
    }

    /** The full answer text, as a client should reassemble it. */
    public String text() {
        return String.join("", tokens);
    }

    /** Cuts text the way a tokenizer roughly would: CJK and other non-ASCII one per code point, words with their space. */
    static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            boolean ascii = cp < 0x80;
            if (!ascii) {
                if (!word.isEmpty()) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                out.add(Character.toString(cp));
            } else if (cp == ' ' && !word.isEmpty() && word.charAt(word.length() - 1) != ' ') {
                out.add(word.toString());
                word.setLength(0);
                word.append(' ');
            } else {
                word.appendCodePoint(cp);
            }
        });
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }
}
