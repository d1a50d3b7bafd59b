package cn.hexi.newsroom.events;

/** One credited person: {@code role} is e.g. {@code correspondent}, {@code reporter}, {@code writer}, {@code photographer}. */
public record Byline(String role, String name) {
}
