package cn.hexi.newsroom.parse.layout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Stage 2: classifies lines from their own features: markers, length, punctuation. */
public final class LineClassifier {

    /** Longest line still taken for a title; a headline run together with its subheadline on one line reaches 70. */
    public static final int MAX_TITLE_LENGTH = 80;
    /** A person's name as bylines print it: two to four Han characters, or names joined by a middle dot. */
    private static final Pattern NAME = Pattern.compile("\\p{IsHan}{2,4}|\\p{IsHan}{1,8}·\\p{IsHan}{1,8}");
    private static final String NAMES = "(?:" + NAME.pattern() + ")(?:[\\s\u3000、,，]+(?:" + NAME.pattern() + "))*";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\u3000、,，/／:：]+");

    private final ParseVocabulary vocabulary;
    private final Pattern creditLine;
    private final Pattern creditAtEnd;

    public LineClassifier(ParseVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        String suffix = Pattern.quote(vocabulary.creditSuffix());
        this.creditLine = Pattern.compile("^(" + NAMES + ")[\\s\u3000]*" + suffix + "$");
        this.creditAtEnd = Pattern.compile("[\\s\u3000]+(" + NAMES + ")[\\s\u3000]*" + suffix + "$");
    }

    public LineKind classify(Line line) {
        String text = line.text();
        if (byline(text).isPresent()) {
            return LineKind.BYLINE;
        }
        if (creditLine.matcher(text).matches() || (endsSentenceBeforeCredit(text))) {
            return LineKind.CREDIT;
        }
        if (vocabulary.noteMarkers().contains(text)) {
            return LineKind.NOTE_MARKER;
        }
        if (vocabulary.isPageSlogan(text)) {
            return LineKind.SLOGAN;
        }
        if (vocabulary.isSectionBanner(text)) {
            return LineKind.BANNER;
        }
        return isTitleLike(text) ? LineKind.TITLE_LIKE : LineKind.BODY;
    }

    /**
     * Classifies every line; a known slogan or banner printed over two adjacent lines is recognised as one.
     */
    public List<LineKind> classifyAll(List<Line> lines) {
        List<LineKind> kinds = new ArrayList<>(lines.size());
        for (Line line : lines) {
            kinds.add(classify(line));
        }
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i + 1).blankBefore() || !isTitleLike(lines.get(i).text()) || !isTitleLike(lines.get(i + 1).text())) {
                continue;
            }
            String joined = lines.get(i).text() + lines.get(i + 1).text();
            LineKind kind = vocabulary.isPageSlogan(joined) ? LineKind.SLOGAN : vocabulary.isSectionBanner(joined) ? LineKind.BANNER : null;
            if (kind != null) {
                kinds.set(i, kind);
                kinds.set(i + 1, kind);
            }
        }
        return kinds;
    }

    /**
     * Bylines: an optional bullet, then role words and names ({@code ■ 通讯员 万彤 孙玮}, {@code 本报记者 张三},
     * {@code 记者 A 通讯员 B}, {@code 文/李四}). Without a bullet a role word is required, so running text never reads as one.
     */
    public Optional<Credit> byline(String text) {
        String rest = text;
        boolean bullet = false;
        for (String b : vocabulary.bylineBullets()) {
            if (rest.startsWith(b)) {
                rest = rest.substring(b.length());
                bullet = true;
                break;
            }
        }
        String firstRole = null;
        List<String> names = new ArrayList<>();
        // Token by token, so that running text, whose first token is no role or name, costs only that token.
        for (String token : (Iterable<String>) SEPARATORS.splitAsStream(rest.strip())::iterator) {
            String role = vocabulary.bylineRoles().get(token);
            if (role == null) {
                String prefix = rolePrefix(token);
                if (prefix != null && NAME.matcher(token.substring(prefix.length())).matches()) {
                    role = vocabulary.bylineRoles().get(prefix);
                    names.add(token.substring(prefix.length()));
                } else if (NAME.matcher(token).matches()) {
                    names.add(token);
                    continue;
                } else {
                    return Optional.empty();
                }
            }
            firstRole = firstRole == null ? role : firstRole;
        }
        if (names.isEmpty() || (!bullet && firstRole == null)) {
            return Optional.empty();
        }
        // Layouts sometimes print a name twice on one byline.
        return Optional.of(new Credit(firstRole == null ? "correspondent" : firstRole, List.copyOf(new LinkedHashSet<>(names)), 0));
    }

    /**
     * A role word printed against the name ({@code 记者张三}). Only words of two or more characters: a one-character
     * role ({@code 图}, {@code 文}) without a separator is just the start of a word ({@code 图片}).
     */
    private String rolePrefix(String token) {
        for (String word : vocabulary.bylineRoles().keySet()) {
            if (word.length() > 1 && token.startsWith(word) && token.length() > word.length()) {
                return word;
            }
        }
        return null;
    }

    /** Photo credits: {@code 佟玉峰 摄} alone, or at the end of a caption. */
    public Optional<Credit> credit(String text) {
        Matcher whole = creditLine.matcher(text);
        if (whole.matches()) {
            return Optional.of(new Credit("photographer", splitNames(whole.group(1)), 0));
        }
        Matcher atEnd = creditAtEnd.matcher(text);
        if (atEnd.find() && endsSentence(text.substring(0, atEnd.start()))) {
            return Optional.of(new Credit("photographer", splitNames(atEnd.group(1)), atEnd.start()));
        }
        return Optional.empty();
    }

    private boolean endsSentenceBeforeCredit(String text) {
        return credit(text).map(c -> c.textEnd() > 0).orElse(false);
    }

    private boolean startsWithRole(String name) {
        return vocabulary.bylineRoles().keySet().stream().anyMatch(name::startsWith);
    }

    private static List<String> splitNames(String names) {
        return List.of(names.trim().split("[\\s\u3000、,，]+"));
    }

    /** Titles, crossheads and banners are short and carry no sentence punctuation. */
    public static boolean isTitleLike(String text) {
        if (text.length() > MAX_TITLE_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '，' || c == ',' || c == '；' || c == ';' || c == '：' || c == '？' || c == '！') {
                return false;
            }
        }
        return true;
    }

    /** A sentence end: 。！？… possibly followed by closing quotes or brackets. */
    public static boolean endsSentence(String text) {
        int i = text.length() - 1;
        while (i >= 0 && "”’」』)）\"'".indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && "。！？!?…".indexOf(text.charAt(i)) >= 0;
    }
}
