package org.ibvadvisor.retrieval;

import java.util.Set;

/** A request named report ids the index does not hold. */
public class UnknownReportException extends IllegalArgumentException {
    private final Set<String> unknown;

    public UnknownReportException(Set<String> unknown) {
        super("unknown report id(s): " + String.join(", ", unknown));
        this.unknown = Set.copyOf(unknown);
    }

    public Set<String> unknown() {
        return unknown;
    }
}
