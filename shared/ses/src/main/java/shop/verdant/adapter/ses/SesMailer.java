package shop.verdant.adapter.ses;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import shop.verdant.adapter.aws.SignedHttp;
import shop.verdant.application.notifications.port.Mailer;
import shop.verdant.config.Env;
import shop.verdant.domain.notifications.Email;
import shop.verdant.http.Json;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Customer emails through Amazon SES: API v2 SendEmail ({@code POST /v2/email/outbound-emails}, simple content with a
 * text and an HTML part) from the shop's verified identity ({@code MAIL_FROM}), as one {@link SignedHttp} call; the
 * SDK's SES v2 client would bring its whole model (2.25 MB) into the back office's jar for this one operation.
 * {@code SES_ENDPOINT} points it at moto in tests. Whatever SES refuses is an exception naming SES's error type, so
 * the notice is released and the stream record retried.
 */
public final class SesMailer implements Mailer {
    private final SignedHttp http;
    private final URI endpoint;
    private final String from;

    public SesMailer(SignedHttp http, URI endpoint, String from) {
        this.http = http;
        this.endpoint = endpoint;
        this.from = from;
    }

    public static SesMailer fromEnvironment() {
        SignedHttp http = SignedHttp.fromEnvironment("ses", false, "SES_ENDPOINT");
        String endpoint = Env.get("SES_ENDPOINT", "https://email." + http.region() + ".amazonaws.com");
        return new SesMailer(http, URI.create(endpoint.replaceAll("/+$", "")), Env.require("MAIL_FROM"));
    }

    /** SES did not take the message: {@code type} is SES's error type (MessageRejected, TooManyRequests, ...). */
    public static final class Refused extends RuntimeException {
        private final String type;

        Refused(String type, int status, String message) {
            super("SES refused the email (" + status + " " + type + "): " + message);
            this.type = type;
        }

        public String type() {
            return type;
        }
    }

    @Override
    public void send(Email email) {
        Map<String, Object> body = Map.of(
                "FromEmailAddress", from,
                "Destination", Map.of("ToAddresses", List.of(email.to())),
                "Content", Map.of("Simple", Map.of(
                        "Subject", part(email.subject()),
                        "Body", Map.of("Text", part(email.text()), "Html", part(email.html())))));
        SignedHttp.Answer answer = http.send(SdkHttpMethod.POST, URI.create(endpoint + "/v2/email/outbound-emails"),
                Map.of("Content-Type", "application/json"), Json.write(body).getBytes(StandardCharsets.UTF_8));
        if (!answer.ok()) {
            String type = answer.header("x-amzn-ErrorType");
            String message = answer.text();
            try {
                var json = Json.read(message, com.fasterxml.jackson.databind.JsonNode.class);
                message = json.path("message").asText(json.path("Message").asText(message));
                if (type == null) {
                    type = json.path("__type").asText(null);
                }
            } catch (RuntimeException notJson) {
                // the body as it came
            }
            throw new Refused(type == null ? "Unknown" : type.replaceAll(":.*$", ""), answer.status(), message);
        }
    }

    private static Map<String, String> part(String data) {
        return Map.of("Data", data, "Charset", "UTF-8");
    }
}
