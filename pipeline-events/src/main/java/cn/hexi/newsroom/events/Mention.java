package cn.hexi.newsroom.events;

/**
 * Where an article names something: the body item index (-1 for the title lines) and the character span
 * [start, end) inside that item's text.
 */
public record Mention(int bodyIndex, int start, int end, String text) {
}
