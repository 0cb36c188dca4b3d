package org.ibvadvisor.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** Writes JSON answers. */
final class Replies {
    private Replies() {
    }

    static void json(Context ctx, ApiJson json, int status, JsonNode body) {
        ctx.status(status).contentType("application/json;charset=utf-8").result(json.bytes(body));
    }

    static void noContent(Context ctx) {
        ctx.status(204);
    }
}
