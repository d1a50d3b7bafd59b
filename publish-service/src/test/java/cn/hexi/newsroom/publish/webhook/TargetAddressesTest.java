package cn.hexi.newsroom.publish.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Webhook targets inside private networks are refused, at subscription and again at delivery. */
class TargetAddressesTest {

    @Test
    void loopbackPrivateLinkLocalMetadataAndUniqueLocalAddressesAreRefused() throws Exception {
        TargetAddresses targets = new TargetAddresses(false, InetAddress::getAllByName);
        for (String url : List.of("http://127.0.0.1/", "http://10.0.0.8/", "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/",
                "http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]/", "http://[fe80::1]/", "http://[fd12:3456::1]/", "http://[::ffff:127.0.0.1]/",
                "http://224.0.0.1/", "http://metadata.google.internal/")) {
            assertThat(targets.refusal(URI.create(url))).as(url).isPresent();
        }
        assertThat(targets.refusal(URI.create("http://93.184.215.14/hook"))).isEmpty();
        assertThat(targets.refusal(URI.create("http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook"))).isEmpty();
    }

    @Test
    void aNameThatResolvesInsideLaterIsRefusedThen() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>("93.184.215.14");
        TargetAddresses targets = new TargetAddresses(false, host -> new InetAddress[] {InetAddress.getByName(answer.get())});
        URI url = URI.create("http://hooks.example.org/receive");

        assertThat(targets.refusal(url)).isEmpty();
        answer.set("127.0.0.1");
        assertThat(targets.refusal(url)).hasValueSatisfying(reason -> assertThat(reason).contains("127.0.0.1"));
    }

    @Test
    void privateTargetsAreAllowedOnlyWhenConfigured() {
        assertThat(new TargetAddresses(true, InetAddress::getAllByName).refusal(URI.create("http://127.0.0.1:9/hook"))).isEmpty();
    }
}
