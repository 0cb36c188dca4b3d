package org.ibvadvisor.clean;

import java.util.Set;
import java.util.regex.Pattern;
import org.ibvadvisor.text.CjkChars;

/**
 * Decides whether a cleaned paragraph is a heading, and of which level: Markdown {@code #} lines by their
 * {@code #} count, "第X部分" level 1, "第 N 章" level 2, "第 N 节" and short title lines level 3, and
 * the front and back matter of a report ("序言", "结束语", "注释与来源", ...) level 1.
 *
 * <p>A short title line stands alone, is at most {@link CleanerOptions#maxTitleChars()} CJK chars wide (a Latin
 * char counts half) and holds no sentence; it is no figure ("74%", "20 个国家/地区"), no address, and neither ends
 * with punctuation nor with a word that needs a continuation ("的", "尽管"), nor is it followed by a paragraph that
 * continues it ("的受访 CEO ..."). That keeps PDF fragments such as "尽管" or "但只有" out.
 */
final class HeadingDetector {
    static final int PART_LEVEL = 1;
    static final int CHAPTER_LEVEL = 2;
    static final int TITLE_LEVEL = 3;

    private static final String NUMERAL = "[0-9一二三四五六七八九十百零〇两]+";
    private static final Pattern CHAPTER = Pattern.compile("第\\s*" + NUMERAL + "\\s*(章|部分|节|篇)(\\s+\\S.*)?");
    private static final Pattern BARE_CHAPTER = Pattern.compile("第\\s*" + NUMERAL + "\\s*(章|部分|节|篇)");
    private static final Pattern FIGURE_CAPTION = Pattern.compile("(图|表|Figure|Table)\\s*\\d+.*");
    private static final Pattern NUMERIC = Pattern.compile("[\\d\\s.,%％+\\-–—/|:：]+");
    /** A figure with its unit ("1,200 名高管", "20 个国家/地区") is a data label, not a title. */
    private static final Pattern FIGURE = Pattern.compile("\\d[\\d,]*(\\.\\d+)?\\s*[" + Chars.NUMBER_UNITS + "].*");
    private static final Pattern ADDRESS = Pattern.compile(".*(://|www\\.|\\.com|\\.org|\\.cn|@).*");
    private static final int MAX_CHAPTER_LINE_CHARS = 40;
    private static final int MAX_TITLE_WITH_COMMA = 14;

    /** A title does not end with these: they need a continuation. */
    private static final String DANGLING_END_CHARS = "的了和与及或在将可是对把被从向但而并且以于之其由让使也都就又还若因等";
    private static final Set<String> DANGLING_END_WORDS = Set.of("尽管", "只有", "高出", "超过", "达到", "包括", "例如", "比如");
    /** A paragraph starting with these continues the one before it. */
    private static final String CONTINUATION_START = "的地得，。、：；）”！？%％";

    private static final Set<String> FRONT_AND_BACK_MATTER = Set.of("序言", "前言", "引言", "摘要", "结束语", "结语",
            "注释与来源", "注释", "备注和参考资料", "参考资料", "参考文献", "研究方法", "研究和分析方法", "关于作者",
            "合作者", "相关报告", "特别感谢", "致谢");
    private static final Set<String> NOTES = Set.of("注释与来源", "注释", "备注和参考资料", "参考资料", "参考文献");

    private final CleanerOptions options;

    HeadingDetector(CleanerOptions options) {
        this.options = options;
    }

    /** "第 1 章", "第 1 章 人才与技能", "第一部分": a line that opens a part, chapter or section. */
    static boolean isChapterLine(String text) {
        return text.length() <= MAX_CHAPTER_LINE_CHARS && CHAPTER.matcher(text).matches()
                && !endsWithAny(text, Chars.NON_TITLE_END);
    }

    /** A chapter line without its title, as in "第 1 章" on a line of its own. */
    static boolean isBareChapterLine(String text) {
        return BARE_CHAPTER.matcher(text).matches();
    }

    static int chapterLevel(String text) {
        if (text.contains("部分") || text.contains("篇")) return PART_LEVEL;
        if (text.contains("章")) return CHAPTER_LEVEL;
        return TITLE_LEVEL;
    }

    static boolean isFrontOrBackMatter(String text) {
        return FRONT_AND_BACK_MATTER.contains(text);
    }

    static boolean isNotesTitle(String text) {
        return NOTES.contains(text);
    }

    static boolean isFigureCaption(String text) {
        return FIGURE_CAPTION.matcher(text).matches() && text.length() <= 12;
    }

    /** Names a role, as the line under a quotation's speaker does: "Slack 首席执行官". */
    private static final Pattern ROLE = Pattern.compile(".*(官|总裁|CEO|经理|董事|主管|负责人|合伙人|创始人|总监|院士|主席|Officer|President).*");

    static boolean namesRole(String text) {
        return text.length() <= 60 && ROLE.matcher(text).matches();
    }

    /** The paragraph is a quotation ("“…。”"), so the short lines after it name the speaker. */
    static boolean isQuotation(String text) {
        if (text.length() < 2 || "“「\"".indexOf(text.charAt(0)) < 0) return false;
        String tail = text.substring(Math.max(0, text.length() - 2));
        return tail.indexOf('”') >= 0 || tail.indexOf('」') >= 0 || tail.indexOf('"') >= 0;
    }

    /**
     * Whether a stand-alone paragraph reads as a short title.
     *
     * @param text the cleaned paragraph
     * @param next the cleaned paragraph after it, or {@code null} at the end
     */
    boolean isShortTitle(String text, String next) {
        if (!hasTitleShape(text)) return false;
        return next == null || !continuesParagraph(next);
    }

    /** The text reads as the continuation of what comes before it ("的受访 CEO ...", "，从而..."). */
    static boolean continuesParagraph(String text) {
        return !text.isEmpty() && (CONTINUATION_START.indexOf(text.charAt(0)) >= 0 || Character.isLowerCase(text.charAt(0)));
    }

    /** The title rules that look at the paragraph alone. */
    boolean hasTitleShape(String text) {
        int length = text.length();
        if (length < 2 || displayWidth(text) > options.maxTitleChars()) return false;
        if (NUMERIC.matcher(text).matches() || letters(text) < 2 || text.startsWith("©")) return false;
        if (ADDRESS.matcher(text).matches() || FIGURE.matcher(text).matches()) return false;
        if (endsWithAny(text, Chars.NON_TITLE_END) || endsWithPunctuationInQuotes(text)) return false;
        if (containsAny(text, "。；！？;!?")) return false;
        if ((text.indexOf('，') >= 0 || text.indexOf(',') >= 0) && length > MAX_TITLE_WITH_COMMA) return false;
        if (DANGLING_END_CHARS.indexOf(text.charAt(length - 1)) >= 0) return false;
        return DANGLING_END_WORDS.stream().noneMatch(text::endsWith);
    }

    /** Width in CJK chars: a Latin letter, digit or space counts half. */
    static int displayWidth(String text) {
        int halves = 0;
        for (int i = 0; i < text.length(); i++) halves += CjkChars.isIdeograph(text.charAt(i)) || CjkChars.isPunctuation(text.charAt(i)) ? 2 : 1;
        return (halves + 1) / 2;
    }

    private static boolean endsWithPunctuationInQuotes(String text) {
        int last = text.length() - 1;
        return last > 0 && "”’」』）)".indexOf(text.charAt(last)) >= 0 && Chars.NON_TITLE_END.indexOf(text.charAt(last - 1)) >= 0;
    }

    private static int letters(String text) {
        return (int) text.chars().filter(Character::isLetter).count();
    }

    private static boolean endsWithAny(String text, String chars) {
        return !text.isEmpty() && chars.indexOf(text.charAt(text.length() - 1)) >= 0;
    }

    private static boolean containsAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) return true;
        }
        return false;
    }
}
