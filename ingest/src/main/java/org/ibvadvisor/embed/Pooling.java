package org.ibvadvisor.embed;

/** How a sentence vector is made from the model's per-token outputs. */
public enum Pooling {
    /** The output of the first ({@code [CLS]}) token, as BGE models are trained. */
    CLS,
    /** The mean of all non-padding tokens. */
    MEAN
}
