package shop.verdant.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one contract for everything that invokes code: every trigger of every bounded context. CDK and the
 * local shop both read it and nothing else; a route, schedule, stream or Cognito trigger that is not here
 * does not exist.
 */
public final class Contract {
    private Contract() {
    }

    public static final List<Trigger> TRIGGERS;
    public static final List<Route> ROUTES;
    public static final List<FunctionGroup> GROUPS;
    private static final Map<String, Route> ROUTE_BY_HANDLER = new LinkedHashMap<>();

    static {
        List<Trigger> all = new ArrayList<>();
        all.addAll(CatalogContract.TRIGGERS);
        all.addAll(ShoppingContract.TRIGGERS);
        all.addAll(PaymentsContract.TRIGGERS);
        all.addAll(AccountsContract.TRIGGERS);
        all.addAll(InsightsContract.TRIGGERS);
        all.addAll(MerchantContract.TRIGGERS);
        all.addAll(MediaContract.TRIGGERS);
        all.addAll(AgentContract.TRIGGERS);
        all.addAll(AdminContract.TRIGGERS);
        TRIGGERS = List.copyOf(all);
        ROUTES = all.stream().filter(t -> t instanceof Route).map(t -> (Route) t).toList();
        Set<FunctionGroup> groups = new LinkedHashSet<>();
        all.forEach(t -> groups.add(t.handler().group()));
        GROUPS = List.copyOf(groups);
        ROUTES.forEach(r -> ROUTE_BY_HANDLER.put(r.handlerClass(), r));
    }

    /** The route a handler class serves, if it serves one. */
    public static Optional<Route> routeFor(String handlerClass) {
        return Optional.ofNullable(ROUTE_BY_HANDLER.get(handlerClass));
    }

}
