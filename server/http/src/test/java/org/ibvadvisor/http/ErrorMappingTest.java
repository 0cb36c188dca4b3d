package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.ibvadvisor.answer.AnswererBusyException;
import org.ibvadvisor.retrieval.UnknownReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How each kind of exception is answered. */
class ErrorMappingTest {
    /** A collaborator's refusal that happens to be an IllegalArgumentException but deserves its own status. */
    static final class TooManyMessages extends IllegalArgumentException {
        TooManyMessages() {
            super("conversation is full");
        }
    }

    private final ErrorMapping mapping = new ErrorMapping(List.of(new ErrorStatus(TooManyMessages.class, 409)),
            new ApiJson(32, 65536));

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(new ApiException(415, "Content-Type must be application/json"), 415, "Content-Type must be application/json", Map.of()),
                Arguments.of(new UnknownReportException(Set.of("r9")), 400, "unknown report id(s): r9", Map.of()),
                Arguments.of(new IllegalArgumentException("k must be between 1 and 50, was 0"), 400, "k must be between 1 and 50, was 0", Map.of()),
                Arguments.of(new TooManyMessages(), 409, "conversation is full", Map.of()),
                Arguments.of(new AnswererBusyException("busy", 12), 503, "busy", Map.of("Retry-After", "12")),
                Arguments.of(new AnswererBusyException("busy", 0), 503, "busy", Map.of("Retry-After", "1")),
                Arguments.of(new io.javalin.http.HttpResponseException(413, "too big"), 413, "request body is too large", Map.of()),
                Arguments.of(new io.javalin.http.BadRequestResponse("bad"), 400, "bad", Map.of()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("table")
    void exceptions_map_to_their_status_message_and_headers(Exception error, int status, String message, Map<String, String> headers) {
        assertEquals(new ErrorMapping.Problem(status, message, headers), mapping.classify(error));
    }

    @Test
    void an_unexpected_exception_is_a_500_that_leaks_nothing() {
        ErrorMapping.Problem problem = mapping.classify(new IllegalStateException("jdbc:h2:/secret/path failed"));
        assertEquals(500, problem.status());
        assertTrue(problem.message().startsWith("internal error (logged as "), problem.message());
        assertFalse(problem.message().contains("secret"));
    }

    @Test
    void the_jetty_error_body_is_json_with_markup_escaped() throws Exception {
        String body = new String(JsonErrorHandler.body(400, "Bad <script>\"x\"\\"), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("Bad <script>\"x\"\\", TestServer.MAPPER.readTree(body).get("error").asText());
        assertFalse(body.contains("<"));
        assertEquals("Bad Request", TestServer.MAPPER.readTree(JsonErrorHandler.body(400, null)).get("error").asText());
    }
}
