package org.ibvadvisor.corpus.pdf;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.ibvadvisor.corpus.CorpusException;

/**
 * What can be told of a PDF from its bytes alone, before PDFBox parses it: it is within the size limit, it is a PDF
 * at all (the {@code %PDF-} header; otherwise what it seems to be instead) and it is whole (it ends with
 * {@code %%EOF}: PDFBox would otherwise quietly make what it can of a file cut off while being copied, and part
 * of the report would be missing from the index).
 */
final class PdfFileCheck {
    private static final int HEADER_WINDOW = 1024;
    private static final int TRAILER_WINDOW = 2048;

    private PdfFileCheck() {
    }

    /** @throws CorpusException naming the file when it is too big, not a PDF or cut off */
    static void check(Path file, byte[] bytes, PdfLimits limits) {
        if (bytes.length > limits.maxBytes()) {
            throw new CorpusException(file, "PDF too large: %s, over the %s limit for PDF files"
                    .formatted(size(bytes.length), size(limits.maxBytes())));
        }
        if (indexOf(bytes, "%PDF-", 0, Math.min(bytes.length, HEADER_WINDOW)) < 0) {
            throw new CorpusException(file, "not a PDF (no %PDF- header): " + whatItIs(bytes));
        }
        if (indexOf(bytes, "%%EOF", Math.max(0, bytes.length - TRAILER_WINDOW), bytes.length) < 0) {
            throw new CorpusException(file, "truncated or damaged PDF: it does not end with %%EOF "
                    + "(was it cut off while downloading or copying?); get a complete copy");
        }
    }

    /** A file size for a message: "123.4 MB", "56.7 kB" or "890 bytes". */
    static String size(long bytes) {
        if (bytes >= 1_000_000) return decimal(bytes / 1_000_000.0) + " MB";
        if (bytes >= 1_000) return decimal(bytes / 1_000.0) + " kB";
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    private static String decimal(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return String.format(Locale.ROOT, rounded == Math.rint(rounded) ? "%.0f" : "%.1f", rounded);
    }

    private static String whatItIs(byte[] bytes) {
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) return "it is a ZIP archive (a .docx, .pptx or .epub renamed?)";
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) return "it is an old Microsoft Office file (.doc, .ppt, .xls)";
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) return "it is a JPEG image";
        if (startsWith(bytes, 0x89, 0x50, 0x4E, 0x47)) return "it is a PNG image";
        if (startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) return "it is a GIF image";
        if (startsWith(bytes, 0x49, 0x49, 0x2A, 0x00) || startsWith(bytes, 0x4D, 0x4D, 0x00, 0x2A)) return "it is a TIFF image";
        if (startsWith(bytes, '{', '\\', 'r', 't', 'f')) return "it is an RTF document";
        String text = utf8(bytes);
        if (text == null) return "it holds binary data of another format";
        String start = text.stripLeading();
        if (start.startsWith("<")) return "it looks like HTML or XML (a web page saved as .pdf?)";
        return "it is plain text";
    }

    /** The start of the file as UTF-8 text, or {@code null} when it is not text. */
    private static String utf8(byte[] bytes) {
        int length = Math.min(bytes.length, 4096);
        for (int i = 0; i < length; i++) if (bytes[i] == 0) return null;
        CharBuffer out = CharBuffer.allocate(length);
        // not the end of input when the window cuts the file: a character cut in two at the end is no error
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length), out, length == bytes.length);
        if (result.isError()) return null;
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    private static int indexOf(byte[] bytes, String ascii, int from, int to) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) if (bytes[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }
}
