package org.ibvadvisor.corpus.pdf;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Runs PDFBox's text extraction for its glyph positions only: hands each page's glyphs ({@link TextPosition}s turned
 * into {@link Glyph}s), the rectangles and rules it paints and whether it draws images to a sink, page by page, and
 * counts how much of the text layer decodes ({@link TextLayerCounts}). PDFBox's own line and word assembly is not
 * used: the layout is worked out by {@link PageLayout} from the positions. One use per document; not thread-safe.
 */
final class GlyphStripper extends PDFTextStripper {
    /** A page drawing more shapes than this (a vector chart) keeps only the first ones. */
    private static final int MAX_SHAPES_PER_PAGE = 2000;
    /** A rectangle at most this thick is a rule (a line), not a box. */
    private static final float RULE_THICKNESS = 2.5f;
    private static final float MIN_RULE_LENGTH = 10;
    private static final float MIN_BOX_SIDE = 6;

    private final Consumer<RawPage> sink;
    private final TextLayerCounts counts;
    private PDRectangle crop;
    private List<Rect> boxes;
    private List<Rect> rules;
    private boolean images;
    private final List<Rect> pathRects = new ArrayList<>();
    private final List<Rect> pathSegments = new ArrayList<>();
    private float[] currentPoint;
    private float[] subpathStart;
    private long positions;

    GlyphStripper(Consumer<RawPage> sink, TextLayerCounts counts) {
        this.sink = sink;
        this.counts = counts;
        setSortByPosition(false);
        setShouldSeparateByBeads(false);
        setSuppressDuplicateOverlappingText(true);
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        super.startPage(page);
        crop = page.getCropBox();
        boxes = new ArrayList<>();
        rules = new ArrayList<>();
        images = false;
        clearPath();
    }

    @Override
    protected void writePage() {
        List<Glyph> glyphs = new ArrayList<>();
        for (List<TextPosition> article : getCharactersByArticle()) {
            for (TextPosition position : article) {
                Glyph glyph = toGlyph(position);
                if (glyph != null) glyphs.add(glyph);
            }
        }
        sink.accept(new RawPage(getCurrentPageNo(), crop.getWidth(), crop.getHeight(), glyphs, boxes, rules, images));
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) throws IOException {
        counts.shown();
        long before = positions;
        super.showGlyph(textRenderingMatrix, font, code, displacement);
        if (positions == before) counts.unmapped(fontName(font)); // PDFBox drops a composite font's glyph without Unicode
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        positions++;
        super.processTextPosition(text);
        counts.decoded(text.getUnicode(), fontName(text.getFont()));
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        switch (operator.getName()) {
            case "re" -> rectangle(operands);
            case "m" -> moveTo(operands);
            case "l" -> lineTo(operands);
            case "c", "v", "y" -> curveTo(operands);
            case "h" -> closePath();
            case "f", "F", "f*", "B", "B*", "b", "b*" -> paint(true);
            case "S", "s" -> paint(false);
            case "n" -> clearPath();
            case "Do" -> {
                PDResources resources = getResources();
                if (!operands.isEmpty() && operands.getFirst() instanceof COSName name && resources != null
                        && resources.isImageXObject(name)) {
                    images = true;
                }
            }
            case "BI" -> images = true;
            default -> { }
        }
        super.processOperator(operator, operands);
    }

    private Glyph toGlyph(TextPosition position) {
        String text = GlyphText.normalize(position.getUnicode());
        if (text.isEmpty()) return null;
        float size = Math.abs(position.getYScale());
        if (!(size > 0)) size = position.getFontSizeInPt();
        if (!(size > 0)) size = Math.max(1, position.getHeightDir());
        float width = position.getWidthDirAdj();
        if (!(width > 0)) width = size / 2;
        return new Glyph(text, position.getXDirAdj(), position.getYDirAdj(), width, size, Math.round(position.getDir()));
    }

    private static String fontName(PDFont font) {
        if (font == null) return "(no font)";
        String name = font.getName();
        return name == null ? "(unnamed " + font.getSubType() + " font)" : name;
    }

    private void rectangle(List<COSBase> operands) {
        float[] v = numbers(operands, 4);
        if (v == null) return;
        float[] a = toPage(v[0], v[1]);
        float[] b = toPage(v[0] + v[2], v[1]);
        float[] c = toPage(v[0], v[1] + v[3]);
        float[] d = toPage(v[0] + v[2], v[1] + v[3]);
        pathRects.add(new Rect(min(a[0], b[0], c[0], d[0]), min(a[1], b[1], c[1], d[1]),
                max(a[0], b[0], c[0], d[0]), max(a[1], b[1], c[1], d[1])));
        currentPoint = a;
        subpathStart = a;
    }

    private void moveTo(List<COSBase> operands) {
        float[] v = numbers(operands, 2);
        if (v == null) return;
        currentPoint = toPage(v[0], v[1]);
        subpathStart = currentPoint;
    }

    private void lineTo(List<COSBase> operands) {
        float[] v = numbers(operands, 2);
        if (v == null) return;
        float[] to = toPage(v[0], v[1]);
        if (currentPoint != null) pathSegments.add(new Rect(currentPoint[0], currentPoint[1], to[0], to[1]));
        currentPoint = to;
    }

    private void curveTo(List<COSBase> operands) {
        if (operands.size() >= 2) {
            float[] v = numbers(operands.subList(operands.size() - 2, operands.size()), 2);
            if (v != null) currentPoint = toPage(v[0], v[1]);
        }
    }

    private void closePath() {
        if (currentPoint != null && subpathStart != null) {
            pathSegments.add(new Rect(currentPoint[0], currentPoint[1], subpathStart[0], subpathStart[1]));
            currentPoint = subpathStart;
        }
    }

    /** The path is painted: its rectangles become boxes or rules, its horizontal strokes rules. */
    private void paint(boolean filled) {
        for (Rect rect : pathRects) {
            if (boxes.size() + rules.size() >= MAX_SHAPES_PER_PAGE) break;
            if (rect.height() <= RULE_THICKNESS && rect.width() >= MIN_RULE_LENGTH) {
                rules.add(rect);
            } else if (rect.width() >= MIN_BOX_SIDE && rect.height() >= MIN_BOX_SIDE) {
                boxes.add(rect);
            }
        }
        if (!filled) {
            for (Rect segment : pathSegments) {
                if (boxes.size() + rules.size() >= MAX_SHAPES_PER_PAGE) break;
                if (segment.height() <= 1 && segment.width() >= MIN_RULE_LENGTH) rules.add(segment);
            }
        }
        clearPath();
    }

    private void clearPath() {
        pathRects.clear();
        pathSegments.clear();
        currentPoint = null;
        subpathStart = null;
    }

    /** User space to the glyphs' page space: crop box origin, y down from the top. */
    private float[] toPage(float x, float y) {
        Point2D.Float p = getGraphicsState().getCurrentTransformationMatrix().transformPoint(x, y);
        return new float[] {p.x - crop.getLowerLeftX(), crop.getUpperRightY() - p.y};
    }

    private static float[] numbers(List<COSBase> operands, int n) {
        if (operands.size() < n) return null;
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            if (!(operands.get(i) instanceof COSNumber number)) return null;
            values[i] = number.floatValue();
        }
        return values;
    }

    private static float min(float a, float b, float c, float d) {
        return Math.min(Math.min(a, b), Math.min(c, d));
    }

    private static float max(float a, float b, float c, float d) {
        return Math.max(Math.max(a, b), Math.max(c, d));
    }
}
