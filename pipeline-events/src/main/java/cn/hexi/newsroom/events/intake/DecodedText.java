package cn.hexi.newsroom.events.intake;

/** Issue text after decoding and normalisation, with the encoding it was found in. */
public record DecodedText(String text, String encoding) {
}
