package org.ibvadvisor.http.auth;

/** What identity resolution reads of a request: where it came from, its headers and cookies. */
public interface RequestFacts {

    /** The address of the connection's other end (the proxy's, behind one). */
    String remoteAddress();

    /** A header's first value, or {@code null}. Names are case-insensitive. */
    String header(String name);

    /** A cookie's value, or {@code null}. */
    String cookie(String name);
}
