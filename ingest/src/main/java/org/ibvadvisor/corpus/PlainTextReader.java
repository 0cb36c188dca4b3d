package org.ibvadvisor.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads UTF-8 text and Markdown files: strict UTF-8 (no replacement characters), a leading BOM removed,
 * nothing else changed. Files with NUL bytes are refused as binary.
 */
public final class PlainTextReader implements ReportReader {
    private static final Set<String> EXTENSIONS = Set.of("txt", "md");

    @Override
    public Set<String> extensions() {
        return EXTENSIONS;
    }

    @Override
    public String read(Path file, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new CorpusException(file, "binary file, not text (NUL byte at offset " + i + ")");
            }
        }
        String text = decodeStrictUtf8(file, bytes);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String decodeStrictUtf8(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new CorpusException(file, "not valid UTF-8 (bad byte 0x%02X at offset %d); save the file as UTF-8"
                    .formatted(bytes[in.position()] & 0xFF, in.position()));
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new CorpusException(file, "not valid UTF-8 (truncated character at the end of the file)");
        }
        return out.flip().toString();
    }
}
