package cn.hexi.newsroom.stack.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Prometheus configuration, alerts and Grafana dashboard in {@code ops/}: valid, tested, and using only catalogued metrics. */
class MonitoringConfigTest {

    private static final Path REPO = Path.of(System.getProperty("newsroom.repo", ".."));
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Pattern NEWSROOM_METRIC = Pattern.compile("\\bnewsroom_[a-z_]+");

    @Test
    void prometheusConfigAndAlertRulesPassPromtoolAndEveryAlertFiresInItsUnitTest() throws Exception {
        assumePromtool();
        assertPromtool("check", "config", REPO.resolve("ops/prometheus/prometheus.yml").toString());
        assertPromtool("check", "rules", REPO.resolve("ops/prometheus/alerts.yml").toString());
        String tested = assertPromtool("test", "rules", REPO.resolve("ops/prometheus/alerts.test.yml").toString());
        assertThat(tested).contains("SUCCESS");
        for (String alert : alertNames()) {
            assertThat(Files.readString(REPO.resolve("ops/prometheus/alerts.test.yml"))).as("a promtool test case for " + alert)
                    .contains("alertname: " + alert);
        }
    }

    @Test
    void everyDashboardQueryIsValidPromql(@TempDir Path temp) throws Exception {
        assumePromtool();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        List<String> queries = dashboardQueries();
        for (int i = 0; i < queries.size(); i++) {
            rules.append("      - record: dashboard:query_").append(i).append("\n        expr: ")
                    .append(JsonMapper.builder().build().writeValueAsString(queries.get(i))).append('\n');
        }
        Path file = temp.resolve("dashboard-rules.yml");
        Files.writeString(file, rules);
        assertPromtool("check", "rules", file.toString());
    }

    @Test
    void alertsAndDashboardUseOnlyMetricsTheCatalogueDocuments() throws IOException {
        String catalogue = Files.readString(REPO.resolve("docs/metrics.md"));
        Set<String> used = new TreeSet<>();
        collect(Files.readString(REPO.resolve("ops/prometheus/alerts.yml")), used);
        dashboardQueries().forEach(query -> collect(query, used));
        assertThat(used).isNotEmpty();
        for (String metric : used) {
            String documented = metric.replaceAll("_(bucket|count|sum|max)$", "");
            assertThat(catalogue).as("docs/metrics.md documents " + metric).contains("`" + documented);
        }
    }

    private static List<String> dashboardQueries() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(REPO.resolve("ops/grafana/dashboards/pipeline-overview.json").toFile());
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            panel.get("targets").forEach(target -> queries.add(target.get("expr").asString()));
        }
        assertThat(queries).hasSizeGreaterThan(10);
        return queries;
    }

    private static List<String> alertNames() throws IOException {
        List<String> names = new ArrayList<>();
        Matcher alert = Pattern.compile("- alert: (\\w+)").matcher(Files.readString(REPO.resolve("ops/prometheus/alerts.yml")));
        while (alert.find()) {
            names.add(alert.group(1));
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(6);
        return names;
    }

    private static void collect(String text, Set<String> into) {
        Matcher metric = NEWSROOM_METRIC.matcher(text);
        while (metric.find()) {
            into.add(metric.group());
        }
    }

    private static void assumePromtool() {
        Assumptions.assumeTrue(Files.isExecutable(PROMTOOL),
                "promtool checks skipped: no " + PROMTOOL + " (apt-get install prometheus; .ci/run does)");
    }

    private static String assertPromtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(REPO.resolve("ops/prometheus").toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
