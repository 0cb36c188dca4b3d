package org.ibvadvisor.http;

import java.util.ArrayList;
import java.util.List;

/** Parses a text/event-stream body into its events, as a browser's EventSource would (comments skipped). */
final class SseEvents {
    record Event(String name, String data) {
    }

    private SseEvents() {
    }

    static List<Event> parse(String body) {
        List<Event> events = new ArrayList<>();
        String name = null;
        StringBuilder data = null;
        for (String line : body.split("\n", -1)) {
            if (line.isEmpty()) {
                if (data != null) events.add(new Event(name == null ? "message" : name, data.toString()));
                name = null;
                data = null;
            } else if (line.startsWith(":")) {
                continue;
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                if (value.startsWith(" ")) value = value.substring(1);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            } else {
                throw new IllegalArgumentException("not an event-stream line: " + line);
            }
        }
        return events;
    }
}
