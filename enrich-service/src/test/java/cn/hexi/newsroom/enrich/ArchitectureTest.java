package cn.hexi.newsroom.enrich;

import cn.hexi.newsroom.events.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The module's classes keep the project's architecture rules (ArchitectureRules; ArchitectureRulesTest shows each can fail). */
class ArchitectureTest {

    @Test
    void moduleKeepsTheArchitectureRules() {
        ArchitectureRules.checkModule("cn.hexi.newsroom.enrich", ArchitectureRules.plainCore("cn.hexi.newsroom.enrich", "cn.hexi.newsroom.enrich.stream.."),
                ArchitectureRules.onlyThrough("com.hankcs..", "cn.hexi.newsroom.enrich.nlp.."));
    }
}
