package org.ibvadvisor.corpus.pdf;

import java.util.List;

/**
 * The runs of a page that share a baseline, left to right: the cells of a table row, a line of each column, a body
 * line and the margin note beside it.
 */
record Line(List<Run> runs) {
    Line {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) throw new IllegalArgumentException("a line needs a run");
    }

    float baseline() {
        return runs.getFirst().baseline();
    }
}
