package cn.hexi.newsroom.publish.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signatures are the Standard Webhooks ones: the specification's own test vector, rotation, malformed secrets. */
class SignaturesTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSpecificationsTestVectorSignsAsItSays() {
        assertThat(Signatures.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(Signatures.verify(SECRET, ID, TIMESTAMP, BODY, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).isTrue();
    }

    @Test
    void duringARotationEitherSecretVerifiesAndAnyChangeBreaksIt() {
        String other = Signatures.newSecret();
        String header = Signatures.header(List.of(other, SECRET), ID, TIMESTAMP, BODY);

        assertThat(header.split(" ")).hasSize(2);
        assertThat(Signatures.verify(SECRET, ID, TIMESTAMP, BODY, header)).isTrue();
        assertThat(Signatures.verify(other, ID, TIMESTAMP, BODY, header)).isTrue();
        assertThat(Signatures.verify(Signatures.newSecret(), ID, TIMESTAMP, BODY, header)).isFalse();
        assertThat(Signatures.verify(SECRET, ID, TIMESTAMP + 1, BODY, header)).isFalse();
        assertThat(Signatures.verify(SECRET, "msg_other", TIMESTAMP, BODY, header)).isFalse();
    }

    @Test
    void onlyWhsecSecretsOfTwentyFourToSixtyFourBytesAreWellFormed() {
        assertThat(Signatures.wellFormed(SECRET)).isTrue();
        assertThat(Signatures.wellFormed(Signatures.newSecret())).isTrue();
        assertThat(Signatures.wellFormed("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isFalse();
        assertThat(Signatures.wellFormed("whsec_c2hvcnQ=")).isFalse();
        assertThat(Signatures.wellFormed("whsec_not base64!")).isFalse();
    }
}
