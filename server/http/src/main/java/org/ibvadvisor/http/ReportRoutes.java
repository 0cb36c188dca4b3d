package org.ibvadvisor.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.ibvadvisor.http.auth.AccessControl;

/** {@code GET /api/reports}, {@code GET /api/reports/{id}/text} and {@code GET /api/health}. */
final class ReportRoutes {
    private final ReportCatalog reports;
    private final HealthInfo health;
    private final ApiJson json;

    ReportRoutes(ReportCatalog reports, HealthInfo health, ApiJson json) {
        this.reports = reports;
        this.health = health;
        this.json = json;
    }

    void list(Context ctx) {
        ObjectNode body = json.object();
        ArrayNode array = body.putArray("reports");
        reports.reports().forEach(report -> array.add(json.report(report)));
        json.reply(ctx, 200, body);
    }

    void text(Context ctx) {
        String id = ctx.pathParam("id");
        ReportCatalog.ReportText text = reports.text(id)
                .orElseThrow(() -> ApiException.notFound("no report with id '" + JsonRequest.shorten(id) + "'"));
        json.reply(ctx, 200, json.reportText(text));
    }

    /** The details (model, LLM state, counts) only for admins: anonymous callers and users hear {@code "ok"}. */
    void health(Context ctx) {
        if (!AccessControl.admin(ctx)) {
            json.reply(ctx, 200, json.object().put("status", "ok"));
            return;
        }
        json.reply(ctx, 200, json.health(health.current()));
    }
}
