package org.ibvadvisor.embed;

/** The embedding model could not be loaded or run. */
public class EmbeddingException extends RuntimeException {
    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
