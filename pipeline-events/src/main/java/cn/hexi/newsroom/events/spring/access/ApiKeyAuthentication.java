package cn.hexi.newsroom.events.spring.access;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * The {@code X-API-Key} header as Spring Security's credentials: {@link #fromHeader} takes the key from the request, the
 * manager grants {@code ADMIN} (and {@code INGEST}) for the admin key, {@code INGEST} for the ingest key, and refuses
 * any other. Spring Security has no API-key mechanism of its own; these are its two extension points for one.
 */
final class ApiKeyAuthentication implements AuthenticationManager {

    static final String HEADER = AccessRules.KEY_HEADER;
    static final String ADMIN = "ADMIN";
    static final String INGEST = "INGEST";

    private final byte[] adminKey;
    private final byte[] ingestKey;

    ApiKeyAuthentication(AccessProperties properties) {
        this.adminKey = bytes(properties.apiKey());
        this.ingestKey = bytes(properties.ingestKey());
    }

    /** The converter: the key a request sends, as credentials still to check; null when it sends none. */
    static Authentication fromHeader(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        return key == null ? null : new PreAuthenticatedAuthenticationToken("api-key", key);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        byte[] sent = bytes(String.valueOf(authentication.getCredentials()));
        if (matches(adminKey, sent)) {
            return new PreAuthenticatedAuthenticationToken("admin", null, AuthorityUtils.createAuthorityList("ROLE_" + ADMIN, "ROLE_" + INGEST));
        }
        if (matches(ingestKey, sent)) {
            return new PreAuthenticatedAuthenticationToken("ingest", null, AuthorityUtils.createAuthorityList("ROLE_" + INGEST));
        }
        throw new BadCredentialsException("the API key is not a configured one");
    }

    private static boolean matches(byte[] configured, byte[] sent) {
        return configured != null && MessageDigest.isEqual(configured, sent);
    }

    private static byte[] bytes(String key) {
        return key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8);
    }
}
