package shop.verdant.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/** cdk-nag's AwsSolutions pack (applied by VerdantApp) finds nothing unsuppressed, and every suppression says why. */
class NagTest {
    private static final List<Stack> STACKS = new java.util.ArrayList<>(Synth.STACKS.all());

    static {
        STACKS.addAll(Synth.STACKS.api().groupStacks());
    }

    @Test
    void noAwsSolutionsErrorIsLeftUnsuppressed() {
        // a nested stack's findings are reported on its parent
        for (Stack stack : Synth.STACKS.all()) {
            var errors = Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
            assertThat(errors).as(stack.getStackName() + ": " + errors.stream()
                    .map(e -> e.getId() + " " + e.getEntry().getData()).toList()).isEmpty();
        }
    }

    @Test
    void everySuppressionCarriesAReason() {
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        for (Stack stack : STACKS) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>)
                    software.amazon.awscdk.assertions.Template.fromStack(stack).toJSON().get("Resources");
            resources.forEach((id, resource) -> {
                Object metadata = resource.get("Metadata");
                if (metadata instanceof Map<?, ?> m && m.get("cdk_nag") instanceof Map<?, ?> nag) {
                    for (Object rule : (List<?>) nag.get("rules_to_suppress")) {
                        String reason = String.valueOf(((Map<?, ?>) rule).get("reason"));
                        Object rid = ((Map<?, ?>) rule).get("id");
                        assertThat(reason).as(stack.getStackName() + "/" + id + " " + rid).hasSizeGreaterThan(40);
                        // wildcard and managed-policy findings are suppressed only for what they name
                        if ("AwsSolutions-IAM5".equals(rid) || "AwsSolutions-IAM4".equals(rid)) {
                            assertThat(((Map<?, ?>) rule).get("applies_to")).as(stack.getStackName() + "/" + id + " " + rid)
                                    .isNotNull();
                        }
                        seen.incrementAndGet();
                    }
                }
            });
        }
        assertThat(seen.get()).isGreaterThan(20);
    }
}
