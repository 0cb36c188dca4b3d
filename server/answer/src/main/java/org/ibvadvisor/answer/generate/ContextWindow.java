package org.ibvadvisor.answer.generate;

/**
 * Sizing of the model's context window ({@code num_ctx}) from a prompt, and detection of a prompt that did not fit.
 *
 * <p>Ollama's default window is small (2048–4096 tokens) and it silently drops the start of a longer prompt, so the
 * window is always set explicitly. Token counts are estimated from characters without the model's tokenizer, as an
 * upper bound: one token per CJK (indeed any non-ASCII) character, digit and punctuation mark (Qwen splits numbers
 * into digits), one per three letters of a word. Windows come in doublings of the minimum so that Ollama, which
 * reloads the model when {@code num_ctx} changes, sees few distinct sizes.
 */
public final class ContextWindow {

    /** Tokens of chat template around each message (role markers, separators). */
    static final int TOKENS_PER_MESSAGE = 8;
    /** Tokens of chat template that open the assistant's reply. */
    static final int TOKENS_FOR_REPLY_START = 8;

    private ContextWindow() {
    }

    /** An upper estimate of the tokens {@code text} takes. */
    public static int estimateTokens(String text) {
        int tokens = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean letter = cp < 0x80 && Character.isLetter(cp);
            if (letter) {
                letters++;
                continue;
            }
            tokens += (letters + 2) / 3;
            letters = 0;
            if (cp != ' ' && cp != '\t') {
                tokens++;
            }
        }
        return tokens + (letters + 2) / 3;
    }

    /** An upper estimate of the tokens a prompt takes once wrapped in the chat template. */
    public static int estimateTokens(Prompt prompt) {
        int tokens = estimateTokens(prompt.user()) + TOKENS_PER_MESSAGE + TOKENS_FOR_REPLY_START;
        if (!prompt.system().isEmpty()) {
            tokens += estimateTokens(prompt.system()) + TOKENS_PER_MESSAGE;
        }
        return tokens;
    }

    /**
     * The window to request: room for the prompt and an answer of {@code numPredict} tokens, the smallest doubling
     * of {@code min} that holds them, capped at {@code max}.
     */
    public static int numCtx(int promptTokens, int numPredict, int min, int max) {
        if (promptTokens < 0 || numPredict < 0 || min <= 0 || max < min) {
            throw new IllegalArgumentException("bad window request: promptTokens " + promptTokens + ", numPredict "
                    + numPredict + ", min " + min + ", max " + max);
        }
        long needed = (long) promptTokens + numPredict;
        long size = min;
        while (size < needed && size < max) {
            size *= 2;
        }
        return (int) Math.min(size, max);
    }

    /**
     * Whether the prompt was cut to fit: Ollama reports as evaluated a prompt that fills the whole window (less a
     * small slack for tokens it keeps). A low count proves nothing, since Ollama does not count a cached prefix.
     */
    public static boolean truncated(Integer promptEvalCount, int numCtx) {
        return promptEvalCount != null && promptEvalCount >= numCtx - slack(numCtx);
    }

    private static int slack(int numCtx) {
        return Math.max(32, numCtx / 100);
    }
}
