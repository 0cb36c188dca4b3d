package org.ibvadvisor.answer.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.AnswerListener;
import org.ibvadvisor.answer.Answerer;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.Turn;
import org.ibvadvisor.answer.TurnAnswer;
import org.ibvadvisor.answer.TurnAnswerer;
import org.ibvadvisor.answer.json.AnswerJson;
import org.ibvadvisor.conversation.ConversationStore;
import org.ibvadvisor.conversation.ConversationStoreException;
import org.ibvadvisor.conversation.Message;
import org.ibvadvisor.conversation.Role;
import org.ibvadvisor.retrieval.Passage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Answerer} of the product: answers each question in its conversation and keeps both in the store.
 *
 * <p>The last {@code historyMessages} messages of the conversation are the context a follow-up is condensed from.
 * The question is stored (and a new conversation created) only when the answer is under way, just before the
 * asker hears the passages: a question refused before that (LLM queue full, unknown report) leaves nothing
 * behind, and a conversation that is full is refused before any answer is made. The answer is stored when it is
 * complete, with its metadata ({@link AnswerJson}): a crash mid-answer loses only that answer. A cancelled
 * answer is stored as far as it went, with its warning. If the store fails on the answer, the answer is still
 * returned, without a message id and with a warning.
 *
 * <p>Each question is answered in its {@linkplain Question#caller() caller}'s conversations ({@link
 * ConversationStore#forOwner}): another caller's conversation id is not found. Assistant messages a client supplied
 * ({@link Message#clientSupplied()}) are left out of the context: the condenser never takes them for this advisor's.
 */
public final class ConversationalAnswerer implements Answerer {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationalAnswerer.class);

    private final ConversationStore store;
    private final TurnAnswerer turns;
    private final int historyMessages;

    /**
     * @param turns           answers one turn given the turns before it (e.g. the answer pipeline)
     * @param historyMessages how many earlier messages to give it, 0 for none
     */
    public ConversationalAnswerer(ConversationStore store, TurnAnswerer turns, int historyMessages) {
        this.store = Objects.requireNonNull(store, "store");
        this.turns = Objects.requireNonNull(turns, "turns");
        if (historyMessages < 0) {
            throw new IllegalArgumentException("historyMessages must not be negative, got " + historyMessages);
        }
        this.historyMessages = historyMessages;
    }

    /**
     * {@inheritDoc}
     *
     * @throws org.ibvadvisor.conversation.ConversationNotFoundException for an unknown conversation id, before
     *         anything is answered
     * @throws org.ibvadvisor.conversation.ConversationFullException when the conversation has no room for a
     *         question and its answer, before the listener hears anything
     */
    @Override
    public Answer answer(Question question, AnswerListener listener) {
        ConversationStore store = this.store.forOwner(question.caller().id());
        List<Turn> history = question.conversationId() == null ? List.of() : history(store, question.conversationId());
        StoringListener storing = new StoringListener(store, question, listener);
        TurnAnswer turn = turns.answer(question, history, storing);
        String conversationId = storing.questionStored();
        Answer draft = turn.answer();
        try {
            Message stored = store.appendMessage(conversationId, Role.ASSISTANT, draft.text(),
                    AnswerJson.stored(draft, conversationId, turn.query()));
            return draft.kept(conversationId, stored.id(), draft.warnings());
        } catch (ConversationStoreException e) {
            LOG.error("could not store the answer in conversation {}", conversationId, e);
            List<String> warnings = new ArrayList<>(draft.warnings());
            warnings.add(question.language().isChinese() ? "这条回答未能保存到对话记录中。"
                    : "This answer could not be saved in the conversation.");
            return draft.kept(conversationId, null, warnings);
        }
    }

    /** The turns before a question, with each earlier question's standalone query from the answer that follows it. */
    private List<Turn> history(ConversationStore store, String conversationId) {
        List<Message> messages = store.recentMessages(conversationId, historyMessages).stream()
                .filter(message -> message.role() == Role.USER || message.advisorAnswer())
                .toList();
        List<Turn> history = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (message.role() == Role.USER) {
                String query = i + 1 < messages.size() ? AnswerJson.queryOf(messages.get(i + 1)).orElse(null) : null;
                history.add(Turn.user(message.content(), query));
            } else {
                history.add(Turn.assistant(message.content()));
            }
        }
        return history;
    }

    /**
     * Stores the question (creating the conversation if needed) when the passages are about to be told, then passes
     * everything on. A failure to store it is kept and rethrown once the pipeline has stopped (the pipeline takes a
     * failing listener for an asker gone away and stops at once).
     */
    private final class StoringListener implements AnswerListener {
        private final ConversationStore store;
        private final Question question;
        private final AnswerListener delegate;
        private String conversationId;
        private RuntimeException storeFailure;

        StoringListener(ConversationStore store, Question question, AnswerListener delegate) {
            this.store = store;
            this.question = question;
            this.delegate = delegate;
        }

        @Override
        public void passages(String ignored, List<Passage> passages) {
            storeQuestion();
            delegate.passages(conversationId, passages);
        }

        @Override
        public void token(String text) {
            delegate.token(text);
        }

        @Override
        public boolean cancelled() {
            return storeFailure != null || delegate.cancelled();
        }

        /** The conversation holding the stored question; stores it now if the pipeline never told passages. */
        String questionStored() {
            if (storeFailure == null && conversationId == null) {
                storeQuestion();
            }
            if (storeFailure != null) {
                throw storeFailure;
            }
            return conversationId;
        }

        private void storeQuestion() {
            if (conversationId != null) {
                return;
            }
            try {
                String id = question.conversationId() != null ? question.conversationId() : store.create(null).id();
                store.appendMessage(id, Role.USER, question.text(), null);
                conversationId = id;
            } catch (RuntimeException e) {
                storeFailure = e;
                throw e;
            }
        }
    }
}
