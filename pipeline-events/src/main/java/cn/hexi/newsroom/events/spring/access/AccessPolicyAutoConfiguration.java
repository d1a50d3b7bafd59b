package cn.hexi.newsroom.events.spring.access;

import static cn.hexi.newsroom.events.spring.access.ApiKeyAuthentication.ADMIN;
import static cn.hexi.newsroom.events.spring.access.ApiKeyAuthentication.HEADER;
import static cn.hexi.newsroom.events.spring.access.ApiKeyAuthentication.INGEST;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * One access policy for every service: reading is open; the webhook API, the actuator beyond health, info, prometheus and
 * metrics, and every method but GET, HEAD and OPTIONS need the admin key; sending an issue needs the ingest or the admin
 * key once either is configured. Spring Security matches the path as the application will route it, after its
 * firewall has refused the ambiguous forms ({@code ;} parameters, encoded slashes, {@code //}, {@code ..}) with a 400.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AccessProperties.class)
public class AccessPolicyAutoConfiguration {

    /** The editors' page loads its scripts and styles from files only; nothing may frame it. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The only authentication there is (so Boot makes up no user with a generated password). */
    @Bean
    public AuthenticationManager apiKeyAuthentication(AccessProperties access) {
        return new ApiKeyAuthentication(access);
    }

    @Bean
    public SecurityFilterChain accessPolicy(HttpSecurity http, AccessProperties access, AuthenticationManager apiKeyAuthentication)
            throws Exception {
        AuthenticationEntryPoint refusal = refusal(access);
        AuthenticationFilter keyFilter = new AuthenticationFilter(apiKeyAuthentication, ApiKeyAuthentication::fromHeader);
        keyFilter.setSuccessHandler((request, response, authentication) -> { });
        keyFilter.setFailureHandler(new AuthenticationEntryPointFailureHandler(refusal));
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(keyFilter, AbstractPreAuthenticatedProcessingFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, AccessRules.OPEN_ACTUATOR).permitAll()
                        .requestMatchers(AccessRules.ADMIN_PATHS).hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, AccessRules.INGEST_PATH).access(ingest(access))
                        .requestMatchers(HttpMethod.GET).permitAll()
                        .requestMatchers(HttpMethod.HEAD).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS).permitAll()
                        .anyRequest().hasRole(ADMIN))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(refusal).accessDeniedHandler((request, response, denied) ->
                        AccessProblems.write(response, HttpServletResponse.SC_FORBIDDEN, "Not allowed with this key",
                                "this call needs the admin key")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** Unauthenticated: 401 asking for the key, or 403 when no admin key is configured at all (write access is off). */
    private static AuthenticationEntryPoint refusal(AccessProperties access) {
        return (request, response, problem) -> {
            if (!access.hasAdminKey() && !isIngest(request.getMethod(), request.getServletPath())) {
                AccessProblems.write(response, HttpServletResponse.SC_FORBIDDEN, "Write access is off",
                        "no API key is configured (NEWSROOM_API_KEY), so write and admin calls are refused");
            } else {
                AccessProblems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "API key required",
                        "send a valid API key in " + HEADER);
            }
        };
    }

    private static boolean isIngest(String method, String path) {
        return "POST".equals(method) && AccessRules.INGEST_PATH.equals(path);
    }

    private static AuthorizationManager<RequestAuthorizationContext> ingest(AccessProperties access) {
        AuthorizationManager<RequestAuthorizationContext> ingestRole = AuthorityAuthorizationManager.hasRole(INGEST);
        return access.ingestGuarded() ? ingestRole : (authentication, context) -> new AuthorizationDecision(true);
    }

    /** A request the firewall refuses (an ambiguous path) is a 400 problem, not an error page. */
    @Bean
    public RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> AccessProblems.write(response, HttpServletResponse.SC_BAD_REQUEST, "Request refused",
                "the request's path is ambiguous (path parameters, encoded slashes or dots, double slashes)");
    }
}
