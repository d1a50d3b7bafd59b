package cn.hexi.newsroom.events.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IssueDecoderTest {

    private static final String TEXT = "河西区2023年全民国防教育日宣传活动举行\n\n■ 通讯员 万彤 孙玮\n\n9月16日,“踔厉奋发强国防”活动举行。";

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
    void bytesThatAreNeitherUtf8NorGb18030AreRefusedAsUndecodable() {
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
