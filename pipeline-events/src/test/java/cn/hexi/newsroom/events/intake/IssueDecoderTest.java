package cn.hexi.newsroom.events.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IssueDecoderTest {

    private static final String TEXT = "河西区2023年全民国防教育日宣传活动举行\n\n■ 通讯员 万彤 孙玮\n\n9月16日,“踔厉奋发强国防”活动举行。";
    /** A traditional-character story, as a Taiwan or Hong Kong paper would set it. */
    private static final String TRADITIONAL = "河西區舉辦全民國家安全教育日宣傳活動\n\n■ 通訊員 萬彤\n\n4月15日，在第八個全民國家安全教育日來臨之際，"
            + "河西區在城市記憶展覽館舉辦國家安全成就巡迴展，進一步提高廣大黨員群眾維護國家安全的自覺。活動現場發放宣傳折頁，"
            + "為大家講解國家安全專業知識，引導群眾樹立國家安全觀念。居民們紛紛表示，維護國家安全人人有責，將積極參與社區的各項活動。";
    /** Traditional text with characters only Hong Kong's supplementary set has (佢哋嘅). */
    private static final String HONG_KONG = TRADITIONAL + "\n\n街坊話佢哋嘅社區越來越好。";

    private final IssueDecoder decoder = new IssueDecoder();

    @Test
    void utf8WithAndWithoutBomUtf16WithBomAndGb18030DecodeToTheSameTextAndId() {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] utf8Bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);
        byte[] utf16le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE));
        byte[] utf16be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE));
        byte[] gb18030 = TEXT.getBytes(Charset.forName("GB18030"));
        byte[] gbk = TEXT.getBytes(Charset.forName("GBK"));

        assertThat(decoder.decode(utf8)).isEqualTo(new DecodedText(TEXT, "UTF-8"));
        assertThat(decoder.decode(utf8Bom)).isEqualTo(new DecodedText(TEXT, "UTF-8"));
        assertThat(decoder.decode(utf16le)).isEqualTo(new DecodedText(TEXT, "UTF-16LE"));
        assertThat(decoder.decode(utf16be)).isEqualTo(new DecodedText(TEXT, "UTF-16BE"));
        assertThat(decoder.decode(gb18030)).isEqualTo(new DecodedText(TEXT, "GB18030"));
        assertThat(decoder.decode(gbk).text()).isEqualTo(TEXT);
        assertThat(IssueIds.of(decoder.decode(gb18030).text())).isEqualTo(IssueIds.of(TEXT)).matches("[0-9a-f]{16}");
    }

    @Test
    void big5AndBig5HkscsAreRecognisedAndNeverDecodedAsGb18030() {
        assertThat(decoder.decode(TRADITIONAL.getBytes(Charset.forName("Big5")))).isEqualTo(new DecodedText(TRADITIONAL, "Big5"));
        assertThat(decoder.decode(HONG_KONG.getBytes(Charset.forName("Big5-HKSCS")))).isEqualTo(new DecodedText(HONG_KONG, "Big5-HKSCS"));
    }

    @Test
    void simplifiedAndTraditionalTextInGb18030StayGb18030() {
        assertThat(decoder.decode(TEXT.getBytes(Charset.forName("GB18030")))).isEqualTo(new DecodedText(TEXT, "GB18030"));
        assertThat(decoder.decode(TRADITIONAL.getBytes(Charset.forName("GB18030")))).isEqualTo(new DecodedText(TRADITIONAL, "GB18030"));
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRecognisedByItsZeroBytes() {
        for (String text : new String[] {TEXT, TRADITIONAL}) {
            assertThat(decoder.decode(text.getBytes(StandardCharsets.UTF_16LE))).isEqualTo(new DecodedText(text, "UTF-16LE"));
            assertThat(decoder.decode(text.getBytes(StandardCharsets.UTF_16BE))).isEqualTo(new DecodedText(text, "UTF-16BE"));
        }
    }

    @Test
    void traditionalTextInUtf8AndWithByteOrderMarksDecodesAsIs() {
        assertThat(decoder.decode(TRADITIONAL.getBytes(StandardCharsets.UTF_8))).isEqualTo(new DecodedText(TRADITIONAL, "UTF-8"));
        assertThat(decoder.decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TRADITIONAL.getBytes(StandardCharsets.UTF_16LE))))
                .isEqualTo(new DecodedText(TRADITIONAL, "UTF-16LE"));
    }

    @Test
    void crlfAndCrLineEndsAndTrailingBlankLinesAreNormalisedAway() {
        String crlf = TEXT.replace("\n", "\r\n") + "\r\n\r\n";
        String cr = TEXT.replace("\n", "\r");
        assertThat(decoder.decode(crlf.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(TEXT);
        assertThat(decoder.decode(cr.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(TEXT);
    }

    @Test
    void emptyAndWhiteSpaceOnlyUploadsAreRefusedAsEmpty() {
        assertRefused(new byte[0], RejectionReason.EMPTY);
        assertRefused(" \n\r\n\t　".getBytes(StandardCharsets.UTF_8), RejectionReason.EMPTY);
    }

    @Test
    void pngAndOtherBytesWithNulAreRefusedAsBinary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        assertRefused(png, RejectionReason.BINARY);
    }

    @Test
    void bytesThatAreNoneOfTheEncodingsAreRefusedAsUndecodable() {
        assertRefused(new byte[] {'a', (byte) 0xFF, (byte) 0xFF, 'b'}, RejectionReason.UNDECODABLE);
        assertRefused(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {(byte) 0xC3, 0x28}), RejectionReason.UNDECODABLE);
    }

    @Test
    void textFullOfControlCharactersIsRefusedAsBinary() {
        assertRefused("a\u0001b\u0002c\u0003d\u0004".getBytes(StandardCharsets.UTF_8), RejectionReason.BINARY);
    }

    private void assertRefused(byte[] bytes, RejectionReason reason) {
        assertThatThrownBy(() -> decoder.decode(bytes))
                .isInstanceOfSatisfying(IssueRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
