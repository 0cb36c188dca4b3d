package org.ibvadvisor.answer.pipeline;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ibvadvisor.answer.AnswererBusyException;
import org.ibvadvisor.answer.generate.Generation;
import org.ibvadvisor.answer.generate.GenerationFailure;
import org.ibvadvisor.answer.generate.GenerationOutcome;
import org.ibvadvisor.answer.generate.Generator;
import org.ibvadvisor.answer.generate.Prompt;

/**
 * A generation whose tokens are handed from the generator's I/O thread to the answering thread (so that the
 * listener hears everything on one thread, in order, and a slow client never stalls the stream from Ollama), and
 * cancelled as soon as the asker goes away.
 */
final class StreamedGeneration {

    /** How often the answering thread looks whether the asker has gone while no token arrives. */
    static final Duration CANCEL_CHECK = Duration.ofMillis(50);

    private static final String END = new String("end of stream");

    private final Generation generation;
    private final BlockingQueue<String> tokens;

    /** The outcome and the text that reached the asker. */
    record Relayed(GenerationOutcome outcome, String sent) {}

    private StreamedGeneration(Generation generation, BlockingQueue<String> tokens) {
        this.generation = generation;
        this.tokens = tokens;
    }

    /**
     * Starts generating; tokens wait in a queue until {@link #relayTo}.
     *
     * @throws AnswererBusyException when the generator refused at once because its queue is full
     */
    static StreamedGeneration start(Generator generator, Prompt prompt) {
        BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
        Generation generation = generator.generate(prompt, tokens::add);
        if (generation.outcome().toCompletableFuture().getNow(null) instanceof GenerationFailure.Busy busy) {
            throw new AnswererBusyException(busy.message(), (int) Math.max(1, busy.retryAfter().toSeconds()));
        }
        generation.outcome().whenComplete((outcome, error) -> tokens.add(END));
        return new StreamedGeneration(generation, tokens);
    }

    /** Passes the tokens on until the generation ends; cancels it when the asker goes away. */
    Relayed relayTo(AnswerRun turn) {
        StringBuilder sent = new StringBuilder();
        boolean cancelled = false;
        try {
            while (true) {
                String token = tokens.poll(CANCEL_CHECK.toMillis(), TimeUnit.MILLISECONDS);
                if (token == END) {
                    break;
                }
                if (token != null && !cancelled) {
                    if (turn.token(token)) {
                        sent.append(token);
                    }
                }
                if (!cancelled && turn.cancelled()) {
                    cancelled = true;
                    generation.cancel();
                }
            }
        } catch (InterruptedException e) {
            generation.cancel();
            Thread.currentThread().interrupt();
        }
        return new Relayed(generation.outcome().toCompletableFuture().join(), sent.toString());
    }
}
