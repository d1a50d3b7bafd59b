package cn.hexi.newsroom.events;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Where the paper is at home: its district (a six-digit division code; its first two digits are its province-level
 * division, for Tianjin the city itself) and the time zone its dates are in. Configured as {@code newsroom.home.*}.
 */
public record PaperHome(String districtCode, ZoneId timeZone) {

    /** The Hexi District paper: 河西区 (120103), Tianjin, China Standard Time. */
    public static final PaperHome STANDARD = new PaperHome("120103", ZoneId.of("Asia/Shanghai"));

    public PaperHome {
        Objects.requireNonNull(timeZone, "timeZone");
        if (districtCode == null || !districtCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("a district code is six digits, not " + districtCode);
        }
    }

    /** The province-level division the district is in (for a district of Tianjin, the city): its code's first two digits. */
    public String provinceCode() {
        return districtCode.substring(0, 2);
    }
}
