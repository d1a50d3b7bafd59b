package cn.hexi.newsroom.events.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns uploaded bytes into issue text. Detection order: byte-order mark (UTF-8, UTF-16LE/BE), then strict
 * UTF-8, then strict GB18030 (a superset of GBK and GB2312, the encodings Chinese layout systems export).
 * Normalisation makes the same issue in any of these encodings, with any line ends, the same text.
 */
public final class IssueDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Control characters beyond this share mean the bytes decoded by accident, not as text. */
    private static final double MAX_CONTROL_SHARE = 0.001;

    public DecodedText decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IssueRejectedException(RejectionReason.EMPTY, "the upload has no bytes");
        }
        DecodedText decoded = decodeByBom(bytes);
        if (decoded == null) {
            if (indexOf(bytes, (byte) 0) >= 0) {
                throw new IssueRejectedException(RejectionReason.BINARY,
                        "the upload contains NUL bytes at offset " + indexOf(bytes, (byte) 0) + ", so it is not text");
            }
            decoded = decodeStrict(bytes, 0, StandardCharsets.UTF_8, "UTF-8");
            if (decoded == null) {
                decoded = decodeStrict(bytes, 0, GB18030, "GB18030");
            }
            if (decoded == null) {
                throw new IssueRejectedException(RejectionReason.UNDECODABLE,
                        "the bytes are neither valid UTF-8 nor valid GB18030");
            }
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
