package org.ibvadvisor.http;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.ibvadvisor.http.auth.SecurityHeaders;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses (a request Jetty refuses before any route sees it: a malformed URI, an ambiguous
 * path, a header too large) as the same JSON {@code {"error": "…"}} the API answers with, never an HTML page.
 * They say {@code Connection: close}: Jetty closes the connection after refusing a request, and a client that
 * was not told so may send its next request on the dead connection (a POST then fails with no response at all).
 * They carry the security headers too: a request Jetty cannot parse never reaches the customizer that adds them.
 */
final class JsonErrorHandler extends ErrorHandler {

    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                 String contentType, List<Charset> charsets, int code,
                                                 String message, Throwable cause) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        SecurityHeaders.putOnError(response.getHeaders());
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        fields.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        SecurityHeaders.putOnError(fields);
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int code, String message) {
        String text = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        StringBuilder json = new StringBuilder("{\"error\":\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') json.append("\\u%04x".formatted((int) c));
                    else json.append(c);
                }
            }
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
