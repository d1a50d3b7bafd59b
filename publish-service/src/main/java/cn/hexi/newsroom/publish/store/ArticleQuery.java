package cn.hexi.newsroom.publish.store;

import java.time.LocalDate;

/**
 * What an article search asks for; every criterion is optional.
 *
 * @param placeCode an administrative code: matches articles about that division or anything inside it
 * @param from      first news date (the issue date, or the day the issue arrived), inclusive
 * @param text      a fragment the title or body contains
 * @param cursor    where the previous page ended ({@link ArticleStore.ArticlePage#nextCursor()}), or null for the first page
 */
public record ArticleQuery(String tag, String placeCode, String section, String kind, String issueId, LocalDate from, LocalDate to,
                           String text, String cursor, int limit) {
}
