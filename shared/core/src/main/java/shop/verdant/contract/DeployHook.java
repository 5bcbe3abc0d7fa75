package shop.verdant.contract;

/**
 * A function run when the shop is deployed: a CloudFormation custom resource on AWS (on create, and on every update
 * whose inputs changed), and once at start in the local shop, before it takes requests. For setting up what lives
 * inside a managed service (index templates, retention policies, access roles, dashboards) from files in the repo.
 */
public record DeployHook(Handler handler) implements Trigger {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.deploy(this);
    }
}
