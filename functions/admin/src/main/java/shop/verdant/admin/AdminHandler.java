package shop.verdant.admin;

import java.util.function.Supplier;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.Metrics;

/** What the admins' route handlers share: the one service each calls (built on first use), and the group's metrics. */
abstract class AdminHandler<S> extends ApiHandler {
    private final Supplier<S> service;

    AdminHandler(Supplier<S> service) {
        this.service = service;
    }

    S service() {
        return service.get();
    }

    @Override
    protected Metrics metrics() {
        return AdminWiring.METRICS;
    }
}
