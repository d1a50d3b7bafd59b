package cn.hexi.newsroom.parse.layout;

import java.util.List;

/**
 * A byline or photo credit read from a line.
 *
 * @param textEnd for a credit printed at the end of a caption, where the caption text ends; otherwise 0
 */
public record Credit(String role, List<String> names, int textEnd) {
}
