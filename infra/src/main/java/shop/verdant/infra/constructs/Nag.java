package shop.verdant.infra.constructs;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/** cdk-nag suppressions, each with the reason it is acceptable, applied where the resource is defined. */
public final class Nag {
    private Nag() {
    }

    public static void suppress(IConstruct construct, String id, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(id).reason(reason).build()), true);
    }

    public static void suppress(IConstruct construct, String id, String reason, List<String> appliesTo) {
        NagSuppressions.addResourceSuppressions(construct, List.of(NagPackSuppression.builder().id(id).reason(reason)
                .appliesTo(appliesTo.stream().map(a -> (Object) a).toList()).build()), true);
    }

    /** Suppresses only findings whose subject matches {@code appliesToRegex} (cdk-nag's regex form, {@code /.../g}). */
    public static void suppressMatching(IConstruct construct, String id, String reason, String appliesToRegex) {
        NagSuppressions.addResourceSuppressions(construct, List.of(NagPackSuppression.builder().id(id).reason(reason)
                .appliesTo(List.of(io.github.cdklabs.cdknag.RegexAppliesTo.builder().regex(appliesToRegex).build())).build()), true);
    }

    public static void suppressPath(software.amazon.awscdk.Stack stack, String path, String id, String reason,
                                    List<String> appliesTo) {
        NagSuppressions.addResourceSuppressionsByPath(stack, path, List.of(NagPackSuppression.builder().id(id).reason(reason)
                .appliesTo(appliesTo.stream().map(a -> (Object) a).toList()).build()), true);
    }

    public static void suppressPathMatching(software.amazon.awscdk.Stack stack, String path, String id, String reason,
                                            String appliesToRegex) {
        NagSuppressions.addResourceSuppressionsByPath(stack, path, List.of(NagPackSuppression.builder().id(id).reason(reason)
                .appliesTo(List.of(io.github.cdklabs.cdknag.RegexAppliesTo.builder().regex(appliesToRegex).build())).build()), true);
    }

    public static void suppressPath(software.amazon.awscdk.Stack stack, String path, String id, String reason) {
        NagSuppressions.addResourceSuppressionsByPath(stack, path,
                List.of(NagPackSuppression.builder().id(id).reason(reason).build()), true);
    }
}
