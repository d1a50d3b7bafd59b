package cn.hexi.newsroom.enrich.dates;

import cn.hexi.newsroom.enrich.text.TextUnit;
import cn.hexi.newsroom.events.Enrichment.DateMention;
import cn.hexi.newsroom.events.Mention;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates the text names, normalised to ISO 8601: {@code 2023年9月16日}, {@code 9月16日} (the year from the issue date, or
 * else the year the article states), {@code 2023年9月}, {@code 2023年}. A date whose year cannot be known keeps a null date.
 */
public final class DateFinder {

    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})年");
    private static final Pattern DATE = Pattern.compile("(?:((?:19|20)\\d{2})年)?(\\d{1,2})月(?:(\\d{1,2})[日号])?|((?:19|20)\\d{2})年");

    public List<DateMention> find(List<TextUnit> units, LocalDate issueDate) {
        Integer statedYear = issueDate != null ? Integer.valueOf(issueDate.getYear()) : statedYear(units);
        List<DateMention> dates = new ArrayList<>();
        for (TextUnit unit : units) {
            Matcher m = DATE.matcher(unit.analysis());
            while (m.find()) {
                if (m.start() > 0 && Character.isDigit(unit.analysis().charAt(m.start() - 1))) {
                    continue; // part of a longer number
                }
                DateMention date = normalise(m, statedYear, unit);
                if (date != null) {
                    dates.add(date);
                }
            }
        }
        return dates;
    }

    private static DateMention normalise(Matcher m, Integer fallbackYear, TextUnit unit) {
        Mention mention = new Mention(unit.index(), m.start(), m.end(), unit.published().substring(m.start(), m.end()));
        try {
            if (m.group(4) != null) {
                return new DateMention(m.group(), m.group(4), "year", mention);
            }
            int month = Integer.parseInt(m.group(2));
            Integer year = m.group(1) != null ? Integer.valueOf(m.group(1)) : fallbackYear;
            if (month < 1 || month > 12) {
                return null;
            }
            if (m.group(3) == null) {
                if (m.group(1) == null) {
                    return null; // a bare month ("3个月", "9月份") is not a date
                }
                return new DateMention(m.group(), YearMonth.of(year, month).toString(), "month", mention);
            }
            int day = Integer.parseInt(m.group(3));
            String iso = year == null ? null : LocalDate.of(year, month, day).toString();
            if (year == null && (day < 1 || day > 31)) {
                return null;
            }
            return new DateMention(m.group(), iso, "day", mention);
        } catch (DateTimeException e) {
            return null; // 2月30日 and the like
        }
    }

    private static Integer statedYear(List<TextUnit> units) {
        for (TextUnit unit : units) {
            Matcher m = YEAR.matcher(unit.analysis());
            if (m.find()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return null;
    }
}
