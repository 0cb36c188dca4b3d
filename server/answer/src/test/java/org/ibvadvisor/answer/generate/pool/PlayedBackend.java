package org.ibvadvisor.answer.generate.pool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.ibvadvisor.answer.generate.ChatBackend;
import org.ibvadvisor.answer.generate.GenerationFailure;
import org.ibvadvisor.answer.generate.Prompt;

/**
 * A {@link ChatBackend} the test plays, no sockets: each chat runs the current behaviour on its own thread (so it may
 * sleep like a GPU), and is recorded; the behaviour can change between questions.
 */
final class PlayedBackend implements ChatBackend {

    /** One chat: what the model does, told by the behaviour. */
    static final class PlayedChat implements Chat {
        private final Events events;
        private volatile boolean aborted;

        PlayedChat(Events events) {
            this.events = events;
        }

        PlayedChat tokens(Duration delay, String... pieces) {
            for (String piece : pieces) {
                pause(delay);
                if (aborted) {
                    return this;
                }
                events.line();
                events.content(piece);
            }
            return this;
        }

        void done() {
            if (!aborted) {
                events.line();
                events.done(new Usage("stop", 100, 3));
            }
        }

        void fail(GenerationFailure failure) {
            if (!aborted) {
                events.failed(failure);
            }
        }

        /** Waits until the chat is aborted (a stalled or silent model). */
        void hang() {
            while (!aborted) {
                pause(Duration.ofMillis(2));
            }
        }

        boolean aborted() {
            return aborted;
        }

        @Override
        public void abort() {
            aborted = true;
        }
    }

    private final String name;
    private final AtomicReference<Consumer<PlayedChat>> behaviour;
    private final List<PlayedChat> chats = new CopyOnWriteArrayList<>();

    PlayedBackend(String name, Consumer<PlayedChat> behaviour) {
        this.name = name;
        this.behaviour = new AtomicReference<>(behaviour);
    }

    /** Answers "好的。" after {@code delay} per token. */
    static Consumer<PlayedChat> answering(Duration delay) {
        return chat -> {
            chat.tokens(delay, "好", "的", "。");
            chat.done();
        };
    }

    static Consumer<PlayedChat> failing(GenerationFailure failure) {
        return chat -> chat.fail(failure);
    }

    static Consumer<PlayedChat> hanging() {
        return PlayedChat::hang;
    }

    void behave(Consumer<PlayedChat> next) {
        behaviour.set(next);
    }

    @Override
    public Chat stream(Prompt prompt, int numCtx, Events events) {
        PlayedChat chat = new PlayedChat(events);
        chats.add(chat);
        Consumer<PlayedChat> now = behaviour.get();
        Thread.ofVirtual().name("played-" + name).start(() -> now.accept(chat));
        return chat;
    }

    @Override
    public void close() {
        chats.forEach(PlayedChat::abort);
    }

    List<PlayedChat> chats() {
        return chats;
    }

    String name() {
        return name;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
