package shop.verdant.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import shop.verdant.adapter.cognito.DashboardsSignIn;
import shop.verdant.config.Env;
import shop.verdant.http.DeployHookResponse;

/**
 * The deploy hook that finishes Dashboards' Cognito sign-in: the identity pool takes the role from the token for the
 * app client OpenSearch added to the user pool (see {@link DashboardsSignIn}). Outside the VPC (it calls Cognito's
 * public APIs). Locally there is no identity pool, and nothing to do.
 */
public final class ConnectDashboardsSignInHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return DeployHookResponse.run("ConnectDashboardsSignIn", event, context, () -> {
            String identityPool = Env.get("IDENTITY_POOL_ID", null);
            if (identityPool == null) {
                return List.of("nothing to connect: no identity pool here");
            }
            List<String> mapped = DashboardsSignIn.fromEnvironment().useRoleFromToken(Env.require("AWS_REGION"),
                    Env.require("USER_POOL_ID"), identityPool);
            return mapped.isEmpty() ? List.of("no Dashboards app client in the user pool yet: run the deploy again once the "
                    + "domain has Cognito sign-in") : mapped.stream().map(p -> "role from token for " + p).toList();
        });
    }
}
