package cn.hexi.newsroom.publish.api;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The search filters the article API and the Atom feed share, bound from query parameters; all optional.
 *
 * @param place a division code or a place name; matches everything inside it
 * @param from  first news date (the issue date, or else the day the issue arrived), inclusive
 * @param q     text the title or body contains
 */
public record ArticleFilters(String tag, String place, String section, String kind, String issue,
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             String q) {
}
