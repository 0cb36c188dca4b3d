package org.ibvadvisor.cli.wiring;

import java.util.List;
import java.util.Optional;
import org.ibvadvisor.conversation.Conversation;
import org.ibvadvisor.conversation.ConversationNotFoundException;
import org.ibvadvisor.conversation.ConversationStore;
import org.ibvadvisor.conversation.ConversationWithMessages;
import org.ibvadvisor.conversation.MessageNotFoundException;
import org.ibvadvisor.http.Conversations;

/** The HTTP layer's view of conversations, served by the embedded conversation store. */
final class StoreConversations implements Conversations {
    private final ConversationStore store;

    StoreConversations(ConversationStore store) {
        this.store = store;
    }

    @Override
    public List<Summary> list(int limit, int offset) {
        return store.list(limit, offset).stream().map(StoreConversations::summary).toList();
    }

    @Override
    public Optional<Detail> get(String conversationId) {
        return store.get(conversationId).map(StoreConversations::detail);
    }

    @Override
    public Optional<Summary> rename(String conversationId, String title) {
        try {
            return Optional.of(summary(store.rename(conversationId, title)));
        } catch (ConversationNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(String conversationId) {
        try {
            store.delete(conversationId);
            return true;
        } catch (ConversationNotFoundException e) {
            return false;
        }
    }

    @Override
    public boolean setFeedback(String messageId, Conversations.Rating rating, String comment) {
        try {
            store.setFeedback(messageId, org.ibvadvisor.conversation.Rating.valueOf(rating.name()), comment);
            return true;
        } catch (MessageNotFoundException e) {
            return false;
        }
    }

    @Override
    public String startWith(List<Turn> history) {
        String id = store.create(null).id();
        for (Turn turn : history) {
            store.appendMessage(id, org.ibvadvisor.conversation.Role.valueOf(turn.role().name()), turn.content(), null);
        }
        return id;
    }

    private static Summary summary(Conversation c) {
        return new Summary(c.id(), c.title(), c.createdAt(), c.updatedAt(), c.messageCount());
    }

    private static Detail detail(ConversationWithMessages c) {
        List<Message> messages = c.messages().stream().map(m -> new Message(m.id(),
                Conversations.Role.valueOf(m.role().name()), m.content(), m.createdAt(),
                m.metaJson(), c.feedbackFor(m.id()).map(f -> new Feedback(
                        Conversations.Rating.valueOf(f.rating().name()), f.comment())).orElse(null)))
                .toList();
        return new Detail(summary(c.conversation()), messages);
    }
}
