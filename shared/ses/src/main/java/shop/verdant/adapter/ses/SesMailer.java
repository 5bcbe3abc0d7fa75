package shop.verdant.adapter.ses;

import shop.verdant.adapter.aws.AwsClients;
import shop.verdant.application.notifications.port.Mailer;
import shop.verdant.config.Env;
import shop.verdant.domain.notifications.Email;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Customer emails through Amazon SES (API v2 SendEmail, simple content with a text and an HTML part), from the
 * shop's verified identity ({@code MAIL_FROM}); {@code SES_ENDPOINT} points it at moto in tests.
 */
public final class SesMailer implements Mailer {
    private final SesV2Client client;
    private final String from;

    public SesMailer(SesV2Client client, String from) {
        this.client = client;
        this.from = from;
    }

    public static SesMailer fromEnvironment() {
        return new SesMailer(AwsClients.configure(SesV2Client.builder(), "SES_ENDPOINT").build(), Env.require("MAIL_FROM"));
    }

    @Override
    public void send(Email email) {
        client.sendEmail(b -> b.fromEmailAddress(from)
                .destination(d -> d.toAddresses(email.to()))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(email.subject()).charset("UTF-8"))
                        .body(body -> body.text(t -> t.data(email.text()).charset("UTF-8"))
                                .html(h -> h.data(email.html()).charset("UTF-8"))))));
    }
}
