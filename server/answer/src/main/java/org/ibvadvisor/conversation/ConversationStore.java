package org.ibvadvisor.conversation;

import java.util.List;
import java.util.Optional;

/**
 * Conversations, their messages and the feedback on answers, kept across restarts.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>All methods are thread-safe. Each write is one committed transaction: once a method returns, its change
 *       survives a crash of the process; a change whose method has not returned is either wholly there or wholly
 *       absent.</li>
 *   <li>Ids are checked before any lookup: a {@code null} or malformed id is "not found"
 *       ({@link ConversationNotFoundException}, {@link MessageNotFoundException} or an empty result), never another
 *       error.</li>
 *   <li>Text that breaks a {@link ConversationLimits limit}, a negative count and a blank title are refused with
 *       {@link IllegalArgumentException} naming the value; a full conversation with
 *       {@link ConversationFullException}.</li>
 *   <li>A failure of the database itself is a {@link ConversationStoreException}.</li>
 *   <li>Messages are returned oldest first, in the order they were appended.</li>
 *   <li>Every conversation has an {@linkplain #owner() owner}, and its messages and their feedback are owned through
 *       it. A store acts for one owner: another owner's conversation or message is "not found", exactly like one
 *       that does not exist, and lists hold only the owner's.</li>
 * </ul>
 */
public interface ConversationStore extends AutoCloseable {

    /** The same conversations as {@code owner} sees them (a user's id); cheap, share the underlying database. */
    ConversationStore forOwner(String owner);

    /** Whose conversations this store acts on; a store as opened acts for the implicit {@code local} user. */
    String owner();

    /**
     * Starts a conversation.
     *
     * @param title its title, or {@code null} / blank to take the first question's beginning as the title
     */
    Conversation create(String title);

    /** The conversation with all its messages and feedback; empty when there is no such conversation. */
    Optional<ConversationWithMessages> get(String conversationId);

    /**
     * Conversations, most recently active first (by {@link Conversation#updatedAt()}).
     *
     * @param limit  at most this many (0 or more)
     * @param offset after skipping this many (0 or more)
     */
    List<Conversation> list(int limit, int offset);

    /** Gives a conversation a new title (whitespace collapsed, not blank); does not change its place in the list. */
    Conversation rename(String conversationId, String title);

    /** Deletes a conversation with its messages and their feedback. */
    void delete(String conversationId);

    /**
     * Appends a message and commits it. The first question of an untitled conversation gives it its title.
     * A question is accepted only while there is room for it and its answer, so an answer is never refused for
     * lack of room.
     *
     * @param metaJson the answer's metadata as JSON text, stored unread; {@code null} for none
     * @throws ConversationFullException when the conversation holds as many messages as allowed
     */
    Message appendMessage(String conversationId, Role role, String content, String metaJson);

    /**
     * Appends a message a client sent as the earlier part of its conversation, {@linkplain Message#clientSupplied
     * flagged} so: an assistant message stored so is never shown or taken as this advisor's answer, and takes no
     * feedback. Otherwise as {@link #appendMessage} without metadata.
     */
    Message appendClientMessage(String conversationId, Role role, String content);

    /** The last {@code count} messages (fewer if there are fewer), oldest first: the context for a follow-up. */
    List<Message> recentMessages(String conversationId, int count);

    /**
     * Records feedback on an answer, replacing any given before.
     *
     * @param comment optional; {@code null} or blank for none
     * @throws MessageNotFoundException  when there is no such message
     * @throws IllegalArgumentException when the message is a question or a {@linkplain Message#clientSupplied
     *                                  client-supplied} one, not an answer of this advisor
     */
    Feedback setFeedback(String messageId, Rating rating, String comment);

    /** Releases the database; calls after this fail with {@link IllegalStateException}. Idempotent. */
    @Override
    void close();
}
