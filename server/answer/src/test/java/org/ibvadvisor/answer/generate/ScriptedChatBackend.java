package org.ibvadvisor.answer.generate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link ChatBackend} in the test's hands, no sockets: each chat is recorded with its prompt and window, runs
 * {@code onStart} inside {@link #stream} (so it can reply at once), and is otherwise driven by the test.
 */
final class ScriptedChatBackend implements ChatBackend {

    /** One chat the generator started; the test plays the model through it. */
    static final class ScriptedChat implements Chat {
        final Prompt prompt;
        final int numCtx;
        private final Events events;
        private volatile boolean aborted;

        private ScriptedChat(Prompt prompt, int numCtx, Events events) {
            this.prompt = prompt;
            this.numCtx = numCtx;
            this.events = events;
        }

        /** Lines that carry each piece of content. */
        ScriptedChat content(String... pieces) {
            for (String piece : pieces) {
                events.line();
                events.content(piece);
            }
            return this;
        }

        /** A line without content (thinking, a heartbeat). */
        ScriptedChat line() {
            events.line();
            return this;
        }

        void done(Integer promptEvalCount, String doneReason) {
            events.line();
            events.done(new Usage(doneReason, promptEvalCount, 1));
        }

        void done() {
            done(10, "stop");
        }

        void fail(GenerationFailure failure) {
            events.failed(failure);
        }

        boolean aborted() {
            return aborted;
        }

        @Override
        public void abort() {
            aborted = true;
        }
    }

    private final Consumer<ScriptedChat> onStart;
    private final List<ScriptedChat> chats = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    ScriptedChatBackend(Consumer<ScriptedChat> onStart) {
        this.onStart = onStart;
    }

    /** A model that says nothing until the test makes it. */
    static ScriptedChatBackend silent() {
        return new ScriptedChatBackend(chat -> { });
    }

    @Override
    public Chat stream(Prompt prompt, int numCtx, Events events) {
        ScriptedChat chat = new ScriptedChat(prompt, numCtx, events);
        chats.add(chat);
        onStart.accept(chat);
        return chat;
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    List<ScriptedChat> chats() {
        return chats;
    }

    /** The {@code index}th chat, once the generator has started it. */
    ScriptedChat awaitChat(int index) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (chats.size() <= index) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("chat " + index + " never started; started " + chats.size());
            }
            Thread.sleep(2);
        }
        return chats.get(index);
    }
}
