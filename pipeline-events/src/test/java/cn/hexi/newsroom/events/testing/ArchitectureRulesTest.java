package cn.hexi.newsroom.events.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule passes on classes that keep it and fails on a class set that breaks it on purpose. */
class ArchitectureRulesTest {

    private static final String HERE = "cn.hexi.newsroom.events.testing.architecture";
    private static final JavaClasses GOOD = new ClassFileImporter().importPackages(HERE + ".good");
    private static final JavaClasses BAD = new ClassFileImporter().importPackages(HERE + ".bad");

    @Test
    void everyRuleHoldsForClassesThatKeepIt() {
        for (ArchRule rule : rules()) {
            assertThat(rule.evaluate(GOOD).hasViolation()).as(rule.getDescription()).isFalse();
        }
    }

    @Test
    void everyRuleFailsOnAClassSetThatBreaksIt() {
        for (ArchRule rule : rules()) {
            assertThat(rule.evaluate(BAD).hasViolation()).as(rule.getDescription()).isTrue();
        }
    }

    private static List<ArchRule> rules() {
        return List.of(ArchitectureRules.plainCore(HERE, HERE + ".good.web..", HERE + ".bad.web..", HERE + ".bad.cycle.."),
                ArchitectureRules.onlyThrough("com.ibm.icu..", HERE + ".gateway.."),
                ArchitectureRules.noPackageCycles(),
                ArchitectureRules.controllersIndependent());
    }
}
