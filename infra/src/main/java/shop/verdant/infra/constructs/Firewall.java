package shop.verdant.infra.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.constructs.Construct;

/**
 * A WAF web ACL. At the edge (scope CLOUDFRONT, in us-east-1) it sees the visitor's address: a per-IP rate
 * limit and AWS's common and known-bad-input rule sets. On the regional API it has one job: refuse every
 * request that did not come through the shop's CloudFront distribution (which adds a secret origin header).
 */
public final class Firewall extends Construct {

    /** Requests one IP may send in five minutes before the edge firewall blocks it. */
    public static final int RATE_LIMIT_PER_5_MINUTES = 2000;

    /** The header CloudFront adds to every request it sends the API. */
    public static final String ORIGIN_HEADER = "x-verdant-origin";

    private final CfnWebACL acl;

    private Firewall(Construct scope, String id, String aclScope, String metric, List<CfnWebACL.RuleProperty> rules) {
        super(scope, id);
        acl = CfnWebACL.Builder.create(this, "Acl")
                .scope(aclScope)
                .defaultAction(CfnWebACL.DefaultActionProperty.builder().allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility(metric))
                .rules(rules)
                .build();
    }

    /** The edge firewall: rate per visitor IP, then AWS's managed rule sets. */
    public static Firewall edge(Construct scope, String id) {
        List<CfnWebACL.RuleProperty> rules = new ArrayList<>();
        rules.add(CfnWebACL.RuleProperty.builder().name("rate-per-ip").priority(0)
                .action(CfnWebACL.RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder().build()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                .limit(RATE_LIMIT_PER_5_MINUTES).aggregateKeyType("IP").build()).build())
                .visibilityConfig(visibility("rate-per-ip")).build());
        rules.add(managed("AWSManagedRulesCommonRuleSet", 1));
        rules.add(managed("AWSManagedRulesKnownBadInputsRuleSet", 2));
        return new Firewall(scope, id, "CLOUDFRONT", "verdant-edge", rules);
    }

    /**
     * The API's firewall: blocks every request whose origin header is not one of the given secret values.
     * Two values (the origin secret's two slots) let the secret rotate with no window: the idle slot gets a new
     * value while CloudFront still sends the active one, then CloudFront switches.
     */
    public static Firewall originOnly(Construct scope, String id, List<String> acceptedValues) {
        List<CfnWebACL.StatementProperty> matches = new ArrayList<>();
        for (String value : acceptedValues) {
            matches.add(CfnWebACL.StatementProperty.builder()
                    .byteMatchStatement(CfnWebACL.ByteMatchStatementProperty.builder()
                            .fieldToMatch(CfnWebACL.FieldToMatchProperty.builder()
                                    .singleHeader(Map.of("Name", ORIGIN_HEADER)).build())
                            .positionalConstraint("EXACTLY")
                            .searchString(value)
                            .textTransformations(List.of(CfnWebACL.TextTransformationProperty.builder()
                                    .priority(0).type("NONE").build()))
                            .build())
                    .build());
        }
        CfnWebACL.StatementProperty hasHeader = matches.size() == 1 ? matches.get(0)
                : CfnWebACL.StatementProperty.builder()
                        .orStatement(CfnWebACL.OrStatementProperty.builder().statements(matches).build()).build();
        CfnWebACL.RuleProperty rule = CfnWebACL.RuleProperty.builder().name("only-through-cloudfront").priority(0)
                .action(CfnWebACL.RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder().build()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .notStatement(CfnWebACL.NotStatementProperty.builder().statement(hasHeader).build()).build())
                .visibilityConfig(visibility("only-through-cloudfront")).build();
        return new Firewall(scope, id, "REGIONAL", "verdant-api-origin", List.of(rule));
    }

    private static CfnWebACL.RuleProperty managed(String name, int priority) {
        return CfnWebACL.RuleProperty.builder().name(name).priority(priority)
                .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .managedRuleGroupStatement(CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                                .vendorName("AWS").name(name).build()).build())
                .visibilityConfig(visibility(name)).build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metric) {
        return CfnWebACL.VisibilityConfigProperty.builder().metricName(metric)
                .cloudWatchMetricsEnabled(true).sampledRequestsEnabled(true).build();
    }

    public CfnWebACL acl() {
        return acl;
    }
}
