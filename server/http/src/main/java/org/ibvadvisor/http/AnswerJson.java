package org.ibvadvisor.http;

import java.nio.charset.StandardCharsets;
import org.ibvadvisor.answer.Answer;

/**
 * The JSON of a finished answer exactly as {@code POST /api/answer} and the {@code done} event send it. An
 * answerer that stores this as a message's metadata makes {@code GET /api/conversations/{id}} show it back as
 * that message's {@code meta}.
 */
public final class AnswerJson {
    private static final ApiJson JSON = new ApiJson(32, ApiSettings.DEFAULT_MAX_BODY_BYTES);

    private AnswerJson() {
    }

    public static String write(Answer answer) {
        return new String(JSON.bytes(JSON.answer(answer)), StandardCharsets.UTF_8);
    }
}
