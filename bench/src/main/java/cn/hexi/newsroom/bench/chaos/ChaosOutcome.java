package cn.hexi.newsroom.bench.chaos;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a chaos run found, against what it expected: articles missing from the store, versions notified twice or not at
 * all, webhook deliveries missing or doubled (two deliveries, two ids, for one version), and dead letters.
 *
 * @param versionMismatches stored articles whose version is not the one last notified
 * @param extraVersions     versions beyond the first of an article whose content never changed
 * @param webhookRepeats    deliveries received again under their own id (sent again after a crash; a subscriber drops them by id)
 */
public record ChaosOutcome(Chaos.Settings settings, List<Chaos.Fault> faults, int expected, int stored, int missing,
                           int notificationsMissing, int notificationsDoubled, int extraVersions, int versionMismatches,
                           int webhookMissing, int webhookDoubled, int webhookRepeats, int deadLetters) {

    static ChaosOutcome of(Collection<String> expected, Map<String, Long> stored, Map<String, Integer> notifications,
                           Map<String, Set<String>> deliveries, int webhookRepeats, int deadLetters, List<Chaos.Fault> faults,
                           Chaos.Settings settings) {
        Map<String, Long> versionsPerArticle = new HashMap<>();
        Map<String, Long> latest = new HashMap<>();
        int doubled = 0;
        for (Map.Entry<String, Integer> notification : notifications.entrySet()) {
            String articleId = notification.getKey().substring(0, notification.getKey().lastIndexOf('@'));
            long version = Long.parseLong(notification.getKey().substring(notification.getKey().lastIndexOf('@') + 1));
            versionsPerArticle.merge(articleId, 1L, Long::sum);
            latest.merge(articleId, version, Math::max);
            doubled += notification.getValue() - 1;
        }
        int missing = (int) expected.stream().filter(id -> !stored.containsKey(id)).count();
        int notificationsMissing = (int) expected.stream().filter(id -> !latest.containsKey(id)).count();
        int extraVersions = (int) expected.stream().mapToLong(id -> versionsPerArticle.getOrDefault(id, 1L) - 1).sum();
        int mismatches = (int) expected.stream().filter(id -> stored.containsKey(id) && latest.containsKey(id)
                && !stored.get(id).equals(latest.get(id))).count();
        int webhookMissing = (int) expected.stream().filter(id -> latest.containsKey(id) && !deliveries.containsKey(id + "@" + latest.get(id))).count();
        int webhookDoubled = deliveries.values().stream().mapToInt(ids -> ids.size() - 1).sum();
        return new ChaosOutcome(settings, faults, expected.size(), expected.size() - missing, missing, notificationsMissing, doubled,
                extraVersions, mismatches, webhookMissing, webhookDoubled, webhookRepeats, deadLetters);
    }

    /** Nothing lost, nothing doubled, nothing dead-lettered. */
    public boolean clean() {
        return missing == 0 && notificationsMissing == 0 && notificationsDoubled == 0 && extraVersions == 0 && versionMismatches == 0
                && webhookMissing == 0 && webhookDoubled == 0 && deadLetters == 0;
    }

    /** The faults injected and the checks, as Markdown tables. */
    public String render() {
        StringBuilder out = new StringBuilder(String.format("chaos run: %d issues, seed %d%n%n", settings.issues(), settings.seed()));
        out.append("| fault | process | back serving after |\n|---|---|---|\n");
        for (Chaos.Fault fault : faults) {
            out.append(String.format("| SIGKILL %s | %s | %.1f s |%n", fault.target().name().toLowerCase(), fault.process(),
                    fault.recovery().toMillis() / 1000.0));
        }
        out.append("\n| check | count |\n|---|---|\n");
        row(out, "articles expected", expected);
        row(out, "articles stored", stored);
        row(out, "articles missing", missing);
        row(out, "articles never notified", notificationsMissing);
        row(out, "notifications doubled (same version again)", notificationsDoubled);
        row(out, "extra versions of unchanged articles", extraVersions);
        row(out, "stored version not the one notified", versionMismatches);
        row(out, "webhook deliveries missing", webhookMissing);
        row(out, "webhook deliveries doubled (a second id for a version)", webhookDoubled);
        row(out, "webhook deliveries repeated under their id", webhookRepeats);
        row(out, "dead letters", deadLetters);
        out.append(String.format("%n%s%n", clean() ? "CLEAN: nothing lost, nothing doubled" : "FAILED: something was lost or doubled"));
        return out.toString();
    }

    private static void row(StringBuilder out, String check, int count) {
        out.append(String.format("| %s | %d |%n", check, count));
    }
}
