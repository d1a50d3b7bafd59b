package cn.hexi.newsroom.events.intake;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns uploaded bytes into issue text. Detection order: byte-order mark (UTF-8, UTF-16LE/BE); UTF-16 without one,
 * told by its zero bytes (the ASCII characters of the text, line ends and digits, on one side of each pair); strict
 * UTF-8; then GB18030 (a superset of GBK and GB2312, what mainland layout systems export) or Big5 / Big5-HKSCS (Taiwan
 * and Hong Kong). Most Big5 byte pairs are valid GB18030 as well, so the choice between them is ICU's statistical
 * detector's, among those that decode strictly; text never comes out in a charset it was not written in.
 * Normalisation makes the same issue in any of these encodings, with any line ends, the same text.
 */
public final class IssueDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset BIG5_HKSCS = Charset.forName("Big5-HKSCS");
    /**
     * Of the zero bytes of UTF-16 text without a byte-order mark, at least this share is on the high side of its pairs
     * (ASCII characters); the others are the low bytes of characters such as 一 (U+4E00).
     */
    private static final double UTF16_ZERO_SIDE_SHARE = 0.8;
    /** Control characters beyond this share mean the bytes decoded by accident, not as text. */
    private static final double MAX_CONTROL_SHARE = 0.001;

    public DecodedText decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IssueRejectedException(RejectionReason.EMPTY, "the upload has no bytes");
        }
        DecodedText decoded = decodeByBom(bytes);
        if (decoded == null) {
            decoded = indexOf(bytes, (byte) 0) >= 0 ? decodeUtf16WithoutBom(bytes) : decodeStrict(bytes, 0, StandardCharsets.UTF_8, "UTF-8");
        }
        if (decoded == null) {
            decoded = decodeChinese(bytes);
        }
        String text = normalise(decoded.text());
        if (text.isBlank()) {
            throw new IssueRejectedException(RejectionReason.EMPTY, "the text has nothing but white space");
        }
        rejectControlCharacters(text);
        return new DecodedText(text, decoded.encoding());
    }

    /** Line ends to LF, no BOM, no trailing white space at the end of the text; nothing else is touched. */
    static String normalise(String text) {
        String unix = text.replace("\r\n", "\n").replace('\r', '\n');
        if (!unix.isEmpty() && unix.charAt(0) == '\uFEFF') {
            unix = unix.substring(1);
        }
        return unix.stripTrailing();
    }

    private static DecodedText decodeByBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return require(decodeStrict(b, 3, StandardCharsets.UTF_8, "UTF-8"), "UTF-8");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return require(decodeStrict(b, 2, StandardCharsets.UTF_16LE, "UTF-16LE"), "UTF-16LE");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return require(decodeStrict(b, 2, StandardCharsets.UTF_16BE, "UTF-16BE"), "UTF-16BE");
        }
        return null;
    }

    /** UTF-16 whose zero bytes fall on one side of the pairs; any other upload with NUL bytes is binary. */
    private static DecodedText decodeUtf16WithoutBom(byte[] bytes) {
        int even = 0;
        int odd = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    even++;
                } else {
                    odd++;
                }
            }
        }
        DecodedText decoded = null;
        if (bytes.length % 2 == 0 && even >= UTF16_ZERO_SIDE_SHARE * (even + odd)) {
            decoded = decodeStrict(bytes, 0, StandardCharsets.UTF_16BE, "UTF-16BE");
        } else if (bytes.length % 2 == 0 && odd >= UTF16_ZERO_SIDE_SHARE * (even + odd)) {
            decoded = decodeStrict(bytes, 0, StandardCharsets.UTF_16LE, "UTF-16LE");
        }
        if (decoded == null) {
            throw new IssueRejectedException(RejectionReason.BINARY,
                    "the upload contains NUL bytes at offset " + indexOf(bytes, (byte) 0) + " and is not UTF-16, so it is not text");
        }
        return decoded;
    }

    /** GB18030 or Big5 (or its Hong Kong superset), as ICU's detector ranks those that decode strictly. */
    private static DecodedText decodeChinese(byte[] bytes) {
        DecodedText gb = decodeStrict(bytes, 0, GB18030, "GB18030");
        DecodedText big5 = decodeStrict(bytes, 0, BIG5, "Big5");
        if (big5 == null) {
            big5 = decodeStrict(bytes, 0, BIG5_HKSCS, "Big5-HKSCS");
        }
        if (gb == null || big5 == null) {
            if (gb == null && big5 == null) {
                throw new IssueRejectedException(RejectionReason.UNDECODABLE,
                        "the bytes are not valid UTF-8, UTF-16, GB18030 or Big5");
            }
            return gb != null ? gb : big5;
        }
        CharsetMatch[] matches = new CharsetDetector().setText(bytes).detectAll();
        return confidence(matches, "Big5") > confidence(matches, "GB18030") ? big5 : gb;
    }

    /** ICU's confidence (0 to 100), among its matches for the bytes, that they are text in {@code charset}. */
    private static int confidence(CharsetMatch[] matches, String charset) {
        for (CharsetMatch match : matches) {
            if (match.getName().equalsIgnoreCase(charset)) {
                return match.getConfidence();
            }
        }
        return 0;
    }

    private static DecodedText require(DecodedText decoded, String encoding) {
        if (decoded == null) {
            throw new IssueRejectedException(RejectionReason.UNDECODABLE,
                    "the upload starts with a " + encoding + " byte-order mark but is not valid " + encoding);
        }
        return decoded;
    }

    private static DecodedText decodeStrict(byte[] bytes, int offset, Charset charset, String name) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
            return new DecodedText(text, name);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void rejectControlCharacters(String text) {
        long controls = text.chars().filter(c -> Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t' && c != '\f').count();
        if (controls > 0 && controls > text.length() * MAX_CONTROL_SHARE) {
            throw new IssueRejectedException(RejectionReason.BINARY,
                    "the decoded text has " + controls + " control characters, so the upload is not text");
        }
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
