package cn.hexi.newsroom.events.testing;

import java.util.List;
import java.util.Locale;

/**
 * The forms of a guarded path an attacker tries to get past an access check that matches the raw request URI: path
 * parameters, a trailing or doubled slash, a percent-encoded letter, a dot segment, an encoded slash, upper case.
 * SECURITY.md lists them.
 */
public final class PathVariants {

    private PathVariants() {
    }

    /** {@code /api/webhooks} as {@code /api/webhooks;x=1}, {@code /api/webhooks;}, {@code /api/webhooks/}, ... */
    public static List<String> of(String path) {
        int last = path.lastIndexOf('/') + 1;
        String encodedFirstLetter = path.substring(0, last) + String.format("%%%02X", (int) path.charAt(last)) + path.substring(last + 1);
        return List.of(path + ";x=1", path + ";", path + "/", "/" + path, path.replaceFirst("/", "//"), encodedFirstLetter,
                path + "/.", path + "%2F", path.toUpperCase(Locale.ROOT), path.substring(0, last) + "./" + path.substring(last));
    }
}
