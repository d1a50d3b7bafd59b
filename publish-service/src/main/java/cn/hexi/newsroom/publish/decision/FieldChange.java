package cn.hexi.newsroom.publish.decision;

/**
 * One field of an article as a version changed it, in the shapes of the API ({@code from} and {@code to} are strings,
 * lists of names, or null).
 */
public record FieldChange(CorrectableField field, Object from, Object to) {
}
