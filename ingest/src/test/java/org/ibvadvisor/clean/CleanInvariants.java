package org.ibvadvisor.clean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Properties every cleaned document has, whatever its source. */
public final class CleanInvariants {
    private CleanInvariants() {
    }

    /**
     * Every cleaned char maps to the source char it came from, or is an inserted space or cell separator mapped to
     * the char before it; offsets never go back; blocks come in source order without overlapping.
     */
    public static void assertMapsBackToSource(CleanDocument document) {
        String source = document.source();
        List<Block> blocks = document.blocks();
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            String text = block.text();
            int[] offsets = block.sourceOffsets();
            assertFalse(text.isBlank(), "block " + b + " is blank");
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                char from = source.charAt(offsets[i]);
                boolean inserted = i > 0 && offsets[i] == offsets[i - 1];
                boolean same = c == from || (c == ' ' && Character.isWhitespace(from)) || (c == '|' && from == '\t');
                if (!same && !(inserted && (c == ' ' || c == '|'))) {
                    fail("block " + b + " char " + i + " '" + c + "' maps to source " + offsets[i] + " '" + from + "': " + text);
                }
                if (i > 0) assertTrue(offsets[i] >= offsets[i - 1], "offsets go back in block " + b + " at " + i);
            }
            if (b > 0) {
                assertTrue(blocks.get(b - 1).sourceEnd() <= block.sourceStart(), "block " + b + " overlaps the one before");
            }
        }
    }
}
