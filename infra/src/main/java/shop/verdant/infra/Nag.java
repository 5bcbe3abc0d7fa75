package shop.verdant.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/** cdk-nag suppressions, each with the reason it is acceptable, applied where the resource is defined. */
final class Nag {
    private Nag() {
    }

    static void suppress(IConstruct construct, String id, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(id).reason(reason).build()), true);
    }

    static void suppress(IConstruct construct, String id, String reason, List<String> appliesTo) {
        NagSuppressions.addResourceSuppressions(construct, List.of(NagPackSuppression.builder().id(id).reason(reason)
                .appliesTo(appliesTo.stream().map(a -> (Object) a).toList()).build()), true);
    }

    static void suppressPath(software.amazon.awscdk.Stack stack, String path, String id, String reason) {
        NagSuppressions.addResourceSuppressionsByPath(stack, path,
                List.of(NagPackSuppression.builder().id(id).reason(reason).build()), true);
    }
}
