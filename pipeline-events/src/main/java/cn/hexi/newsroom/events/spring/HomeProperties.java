package cn.hexi.newsroom.events.spring;

import cn.hexi.newsroom.events.PaperHome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The paper's home ({@link PaperHome}).
 *
 * @param district the home district's division code (enrich prefers its places when a name is ambiguous)
 * @param timeZone the zone the paper's dates are in (news dates, feeds, date filters)
 */
@Validated
@ConfigurationProperties("newsroom.home")
public record HomeProperties(
        @DefaultValue("120103") @Pattern(regexp = "\\d{6}") String district,
        @DefaultValue("Asia/Shanghai") @NotNull ZoneId timeZone) {

    public PaperHome paperHome() {
        return new PaperHome(district, timeZone);
    }
}
