package cn.hexi.newsroom.publish;

import cn.hexi.newsroom.events.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The module's classes keep the project's architecture rules (ArchitectureRules; ArchitectureRulesTest shows each can fail). */
class ArchitectureTest {

    @Test
    void moduleKeepsTheArchitectureRules() {
        ArchitectureRules.checkModule("cn.hexi.newsroom.publish", ArchitectureRules.plainCore("cn.hexi.newsroom.publish.decision"),
                ArchitectureRules.controllersIndependent());
    }
}
