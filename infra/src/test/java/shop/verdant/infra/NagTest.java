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
    private static final List<Stack> STACKS = List.of(Synth.STACKS.data(), Synth.STACKS.auth(), Synth.STACKS.cache(), Synth.STACKS.api(),
            Synth.STACKS.site());

    @Test
    void noAwsSolutionsErrorIsLeftUnsuppressed() {
        for (Stack stack : STACKS) {
            var errors = Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
            assertThat(errors).as(stack.getStackName() + ": " + errors.stream()
                    .map(e -> e.getId() + " " + e.getEntry().getData()).toList()).isEmpty();
        }
    }

    @Test
    void everySuppressionCarriesAReason() {
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        for (Stack stack : STACKS) {
            Map<String, Map<String, Object>> resources = software.amazon.awscdk.assertions.Template.fromStack(stack)
                    .findResources("*");
            resources.forEach((id, resource) -> {
                Object metadata = resource.get("Metadata");
                if (metadata instanceof Map<?, ?> m && m.get("cdk_nag") instanceof Map<?, ?> nag) {
                    for (Object rule : (List<?>) nag.get("rules_to_suppress")) {
                        String reason = String.valueOf(((Map<?, ?>) rule).get("reason"));
                        assertThat(reason).as(stack.getStackName() + "/" + id + " " + ((Map<?, ?>) rule).get("id"))
                                .hasSizeGreaterThan(40);
                        seen.incrementAndGet();
                    }
                }
            });
        }
    }

}
