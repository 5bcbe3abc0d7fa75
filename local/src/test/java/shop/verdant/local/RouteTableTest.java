package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import shop.verdant.spec.Route;
import shop.verdant.spec.RouteTable;

class RouteTableTest {
    @Test
    void everyRouteNamesALoadableHandlerWithANoArgConstructor() throws Exception {
        for (Route route : RouteTable.ROUTES) {
            Class<?> type = Class.forName(route.handlerClass(), false, getClass().getClassLoader());
            assertThat(RequestHandler.class).isAssignableFrom(type);
            assertThat(type.getDeclaredConstructor()).isNotNull();
        }
    }

    @Test
    void methodAndPathArePairwiseUniqueAndPathsMatchTheirParameters() {
        Set<String> seen = new HashSet<>();
        for (Route route : RouteTable.ROUTES) {
            assertThat(seen.add(route.method() + " " + route.path())).as(route.path()).isTrue();
            assertThat(route.path()).startsWith("/api/");
        }
        Route product = RouteTable.ROUTES.stream().filter(r -> r.path().equals("/api/products/{id}")).findFirst().orElseThrow();
        var m = product.pathPattern().matcher("/api/products/abc-123");
        assertThat(m.matches()).isTrue();
        assertThat(m.group("id")).isEqualTo("abc-123");
        assertThat(product.pathPattern().matcher("/api/products/abc/extra").matches()).isFalse();
    }
}
