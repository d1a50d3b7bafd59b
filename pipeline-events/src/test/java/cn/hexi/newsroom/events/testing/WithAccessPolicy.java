package cn.hexi.newsroom.events.testing;

import cn.hexi.newsroom.events.spring.access.AccessPolicyAutoConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;

/**
 * A web slice test ({@code @WebMvcTest}) behind the project's real access policy, as the services run: Spring
 * Security and {@link AccessPolicyAutoConfiguration}, which slices leave out by themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ImportAutoConfiguration({SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class, AccessPolicyAutoConfiguration.class})
public @interface WithAccessPolicy {
}
