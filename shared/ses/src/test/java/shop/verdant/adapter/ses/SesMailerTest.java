package shop.verdant.adapter.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.aws.AwsClients;
import shop.verdant.domain.notifications.Email;
import shop.verdant.http.Json;
import shop.verdant.testing.MotoServer;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The SES adapter against moto's SES v2: the real SendEmail request, the message as SES received it, an unverified sender refused. */
class SesMailerTest {
    static MotoServer moto;
    static SesV2Client client;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        System.setProperty("SES_TEST_ENDPOINT", moto.url());
        client = AwsClients.configure(SesV2Client.builder(), "SES_TEST_ENDPOINT").build();
        client.createEmailIdentity(b -> b.emailIdentity("orders@verdant.example"));
    }

    @AfterAll
    static void stop() {
        client.close();
        moto.close();
    }

    /** The adapter as a function builds it, pointed at moto. */
    private static SesMailer mailer(String from) {
        System.setProperty("SES_ENDPOINT", moto.url());
        System.setProperty("MAIL_FROM", from);
        try {
            return SesMailer.fromEnvironment();
        } finally {
            System.clearProperty("SES_ENDPOINT");
            System.clearProperty("MAIL_FROM");
        }
    }

    @Test
    void sendsTheSubjectAndBothPartsFromTheShopsIdentity() throws Exception {
        mailer("orders@verdant.example").send(new Email("ann@example.com", "Your Verdant parcel is on its way (1a2b3c4d)",
                "Hello Ann,\n\nTracking number: 3SABC123.", "<p>Hello Ann,</p><p>Tracking number: 3SABC123.</p>"));
        List<JsonNode> sent = new ArrayList<>();
        Json.read(moto.state(), JsonNode.class).at("/ses/Message").forEach(sent::add);
        assertThat(sent).anySatisfy(m -> {
            assertThat(m.get("source").asText()).isEqualTo("orders@verdant.example");
            assertThat(m.at("/destinations/ToAddresses/0").asText()).isEqualTo("ann@example.com");
            assertThat(m.get("subject").asText()).isEqualTo("Your Verdant parcel is on its way (1a2b3c4d)");
            assertThat(m.get("body").asText()).contains("3SABC123");
        });
    }

    @Test
    void aSenderSesHasNotVerifiedIsRefused_soTheStreamRecordIsRetried() {
        assertThatThrownBy(() -> mailer("someone@elsewhere.example").send(new Email("ann@example.com", "x", "y", "<p>y</p>")))
                .isInstanceOf(SesMailer.Refused.class).hasMessageContaining("MessageRejected")
                .satisfies(e -> assertThat(((SesMailer.Refused) e).type()).isEqualTo("MessageRejected"));
    }
}
