package shop.verdant.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.verdant.contract.Contract;
import shop.verdant.contract.Need;
import shop.verdant.contract.Trigger;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The product pictures' part of the templates: the bucket (EventBridge on, CORS for the shop's origin, uploads expiring),
 * the rule that runs the image function with its dead-letter queue and alarm, and S3 actions for exactly the functions
 * whose needs name them, each on its own part of the bucket.
 */
class ImagesStackTest {

    private static List<String> s3StatementsOf(String functionName) {
        return Synth.statementsOf(functionName, "s3:");
    }

    @Test
    void theBucketSendsItsEventsToEventBridge_allowsTheShopsUploads_andForgetsUnclaimedOnes() {
        Synth.DATA.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "CorsConfiguration", Map.of("CorsRules", List.of(Map.of("AllowedHeaders", List.of("*"),
                        "AllowedMethods", List.of("POST"), "AllowedOrigins", List.of("https://shop.verdant.example"), "MaxAge", 3000))),
                "LifecycleConfiguration", Match.objectLike(Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Id", "uploads", "Prefix", "uploads/", "ExpirationInDays", 1, "Status", "Enabled")))))))));
        Synth.DATA.hasResourceProperties("Custom::S3BucketNotifications", Match.objectLike(Map.of(
                "NotificationConfiguration", Map.of("EventBridgeConfiguration", Map.of()))));
    }

    @Test
    void uploadsRunTheImageFunctionThroughARuleWithRetriesAndADeadLetterQueueThatIsAlarmed() {
        Template media = Synth.functionTemplates().stream()
                .filter(t -> t.findResources("AWS::Events::Rule").toString().contains("EventPattern")).findFirst().orElseThrow();
        media.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "EventPattern", Match.objectLike(Map.of("source", List.of("aws.s3"), "detail-type", List.of("Object Created"),
                        "detail", Match.objectLike(Map.of("object", Map.of("key", List.of(Map.of("prefix", "uploads/"))))))),
                "Targets", List.of(Match.objectLike(Map.of(
                        "RetryPolicy", Map.of("MaximumEventAgeInSeconds", 21600, "MaximumRetryAttempts", 8),
                        "DeadLetterConfig", Match.objectLike(Map.of())))))));
        assertThat(Synth.resources(Synth.functionTemplates(), "AWS::Events::Rule").values().stream()
                .filter(r -> Synth.props(r).containsKey("EventPattern"))).as("one bucket event in the contract").hasSize(1);
        assertThat(Synth.OPS.findResources("AWS::CloudWatch::Alarm").toString() + Synth.resources(
                Synth.GROUP_ALARMS, "AWS::CloudWatch::Alarm")).contains("bucket events failed every retry");
    }

    @Test
    void onlyTheImageNeedsTouchTheBucket_eachOnItsOwnPart() {
        for (Trigger t : Contract.TRIGGERS) {
            var needs = t.handler().needs();
            List<String> s3 = s3StatementsOf(t.handler().functionName());
            String name = t.handler().functionName();
            if (needs.contains(Need.IMAGE_UPLOAD)) {
                assertThat(s3).as(name).hasSize(1);
                assertThat(s3.get(0)).startsWith("s3:PutObject on").contains("/uploads/*").doesNotContain("images/");
            } else if (needs.contains(Need.IMAGE_RENDITIONS)) {
                assertThat(s3).as(name).hasSize(2);
                assertThat(s3.get(0)).contains("s3:GetObject", "s3:DeleteObject", "/uploads/*");
                assertThat(s3.get(1)).contains("s3:PutObject", "s3:DeleteObject", "/images/products/*").doesNotContain("GetObject");
            } else if (needs.contains(Need.IMAGE_PRUNE)) {
                assertThat(s3).as(name).hasSize(1);
                assertThat(s3.get(0)).startsWith("s3:DeleteObject on").contains("/images/products/*");
            } else {
                assertThat(s3).as(name + " touches no bucket").isEmpty();
            }
        }
        String start = Synth.props(ApiStackTest.functionFor("shop.verdant.merchant.StartImageUploadHandler")).toString();
        assertThat(start).contains("IMAGES_BUCKET", "IMAGES_UPLOAD_URL", "IMAGE_UPLOADS_TABLE");
        String process = Synth.props(ApiStackTest.functionFor("shop.verdant.media.ProcessImageUploadHandler")).toString();
        assertThat(process).contains("IMAGES_BUCKET", "Timeout=60", "-Djava.awt.headless=true").doesNotContain("IMAGES_UPLOAD_URL");
    }

    @Test
    void theSiteMayUploadToTheBucketAndNowhereElse() {
        String csp = Synth.SITE.findResources("AWS::CloudFront::ResponseHeadersPolicy").toString();
        assertThat(csp).contains("connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com https://api.stripe.com https://")
                .contains("RegionalDomainName");
    }
}
