package org.ibvadvisor.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One HTTP/1.1 exchange written by hand on a socket: for the headers a JDK client will not send (Host) or bad requests. */
record RawHttp(int status, Map<String, String> headers, String body) {

    static RawHttp send(String host, int port, String request) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.putIfAbsent(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
            }
            return new RawHttp(Integer.parseInt(head[0].split(" ")[1]), headers, response.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code METHOD path} with the given Host and extra header lines, {@code Connection: close}. */
    static RawHttp request(TestServer server, String method, String path, String host, String... headerLines) {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
        for (String line : headerLines) request.append(line).append("\r\n");
        if (method.equals("POST") || method.equals("PATCH")) {
            String json = "{\"question\":\"人才？\"}";
            request.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(json.getBytes(StandardCharsets.UTF_8).length).append("\r\nConnection: close\r\n\r\n").append(json);
        } else {
            request.append("Connection: close\r\n\r\n");
        }
        return send(server.host, server.server.port(), request.toString());
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
