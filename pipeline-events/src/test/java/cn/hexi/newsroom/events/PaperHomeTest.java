package cn.hexi.newsroom.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PaperHomeTest {

    @Test
    void theStandardHomeIsHexiInTianjinOnChinaStandardTime() {
        assertThat(PaperHome.STANDARD.districtCode()).isEqualTo("120103");
        assertThat(PaperHome.STANDARD.provinceCode()).isEqualTo("12");
        assertThat(PaperHome.STANDARD.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void anotherPapersHomeGivesItsOwnProvinceAndADistrictCodeMustBeSixDigits() {
        assertThat(new PaperHome("310101", ZoneId.of("Asia/Shanghai")).provinceCode()).isEqualTo("31");
        assertThatThrownBy(() -> new PaperHome("河西区", ZoneId.of("Asia/Shanghai"))).isInstanceOf(IllegalArgumentException.class);
    }
}
