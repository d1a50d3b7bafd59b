package cn.hexi.newsroom.parse.layout;

/** What a line is, judged from the line alone; the segmenter refines it by position. */
public enum LineKind {
    /** {@code ■ 通讯员 万彤 孙玮}: starts a story's body, its title block is above it. */
    BYLINE,
    /** {@code 佟玉峰 摄}: ends a photo item. */
    CREDIT,
    /** {@code 开栏语}: introduces an editor's note. */
    NOTE_MARKER,
    /** A known section banner. */
    BANNER,
    /** A known page slogan that belongs to no story. */
    SLOGAN,
    /** Short and without sentence punctuation: a title, crosshead or banner, or the cut end of a paragraph. */
    TITLE_LIKE,
    /** Running text. */
    BODY
}
