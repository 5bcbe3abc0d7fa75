package shop.verdant.infra;

import shop.verdant.infra.constructs.Firewall;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * What CloudFront needs from us-east-1: the CLOUDFRONT-scope firewall, where the visitor's own address is
 * seen (the per-IP rate limit and AWS's managed rules). Deployed to us-east-1 whatever the shop's region.
 */
public final class EdgeStack extends Stack {
    public static final String REGION = "us-east-1";

    private final Firewall firewall;

    public EdgeStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        firewall = Firewall.edge(this, "EdgeFirewall");
    }

    public String firewallArn() {
        return firewall.acl().getAttrArn();
    }
}
