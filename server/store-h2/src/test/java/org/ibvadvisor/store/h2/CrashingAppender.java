package org.ibvadvisor.store.h2;

import org.ibvadvisor.conversation.*;

import java.nio.file.Path;
import java.util.Random;

/**
 * Run in a separate JVM by {@link H2ConversationStoreCrashTest}: appends to one conversation until it is killed,
 * printing {@code committed <messageId>} after each append returns.
 *
 * <p>Arguments: the store directory, the conversation id (or {@code new}), a random seed.
 */
public final class CrashingAppender {
    private CrashingAppender() {
    }

    public static void main(String[] args) {
        H2ConversationStore store = new H2ConversationStore(Path.of(args[0]), H2ConversationStoreCrashTest.LIMITS);
        String conversationId = args[1].equals("new") ? store.create(null).id() : args[1];
        Random random = new Random(Long.parseLong(args[2]));
        System.out.println("conversation " + conversationId);
        System.out.flush();
        for (int i = 0; ; i++) {
            Role role = i % 2 == 0 ? Role.USER : Role.ASSISTANT;
            // Now and then a long message, so that the kill may land inside a large write.
            String content = "消息 " + i + " " + "生成式人工智能".repeat(random.nextInt(8) == 0 ? 3000 : 3);
            String meta = role == Role.ASSISTANT ? "{\"mode\":\"generated\",\"n\":" + i + "}" : null;
            Message message = store.appendMessage(conversationId, role, content, meta);
            System.out.println("committed " + message.id());
            System.out.flush();
        }
    }
}
