package shop.verdant.adapter.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import shop.verdant.adapter.aws.SignedHttp;
import shop.verdant.config.Env;
import shop.verdant.http.Json;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Cognito user pools' JSON API (AWS JSON 1.1, {@code X-Amz-Target: AWSCognitoIdentityProviderService.<operation>}),
 * one {@link SignedHttp} call per operation: the adapters that make a few admin calls need not carry the SDK client's
 * whole model. {@code COGNITO_ENDPOINT} points it at cognito-local.
 */
final class CognitoApi {
    private final SignedHttp http;
    private final URI endpoint;

    CognitoApi(SignedHttp http, URI endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    static CognitoApi fromEnvironment() {
        SignedHttp http = SignedHttp.fromEnvironment("cognito-idp", false, "COGNITO_ENDPOINT");
        return new CognitoApi(http, URI.create(Env.get("COGNITO_ENDPOINT", "https://cognito-idp." + http.region() + ".amazonaws.com/")));
    }

    /** Cognito refused a call: {@code type} is its error type (UsernameExistsException, TooManyRequestsException, ...). */
    static final class Refused extends RuntimeException {
        private final String type;

        Refused(String type, int status, String message) {
            super("Cognito refused (" + status + " " + type + "): " + message);
            this.type = type;
        }

        String type() {
            return type;
        }
    }

    JsonNode call(String operation, Map<String, Object> body) {
        SignedHttp.Answer answer = http.send(SdkHttpMethod.POST, endpoint, Map.of("Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "AWSCognitoIdentityProviderService." + operation), Json.write(body).getBytes(StandardCharsets.UTF_8));
        JsonNode json = answer.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.read(answer.text(), JsonNode.class);
        if (!answer.ok()) {
            String type = json.path("__type").asText(answer.header("x-amzn-ErrorType"));
            throw new Refused(type == null ? "Unknown" : type.replaceAll("^.*#", ""), answer.status(),
                    json.path("message").asText(json.path("Message").asText("")));
        }
        return json;
    }

    /** The users whose {@code attribute} is {@code value} (quoted: values carry no quote or backslash). */
    JsonNode users(String userPoolId, String attribute, String value, int limit) {
        return call("ListUsers", Map.of("UserPoolId", userPoolId, "Filter", attribute + " = \"" + value + "\"", "Limit", limit))
                .path("Users");
    }

    static Map<String, String> attribute(String name, String value) {
        return Map.of("Name", name, "Value", value);
    }

    /** A user's attributes by name. */
    static Map<String, String> attributes(JsonNode attributes) {
        Map<String, String> a = new LinkedHashMap<>();
        attributes.forEach(x -> a.putIfAbsent(x.path("Name").asText(), x.path("Value").asText()));
        return a;
    }
}
