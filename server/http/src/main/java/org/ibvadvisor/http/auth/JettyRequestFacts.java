package org.ibvadvisor.http.auth;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;

/** A Jetty request's facts, for the parts that run before Javalin (the response headers). */
record JettyRequestFacts(Request request) implements RequestFacts {
    static JettyRequestFacts of(Request request) {
        return new JettyRequestFacts(request);
    }

    @Override
    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    @Override
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public String cookie(String name) {
        for (HttpCookie cookie : Request.getCookies(request)) if (cookie.getName().equals(name)) return cookie.getValue();
        return null;
    }
}
