package org.ibvadvisor.answer.generate;

import java.util.Objects;

/**
 * What the model is asked: the instruction (system message, may be empty) and the question with its passages
 * (user message).
 */
public record Prompt(String system, String user) {

    public Prompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("the user message of a prompt must not be blank");
        }
    }
}
