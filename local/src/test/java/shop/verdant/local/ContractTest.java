package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import shop.verdant.contract.Contract;
import shop.verdant.contract.FunctionGroup;
import shop.verdant.contract.Handler;
import shop.verdant.contract.Route;
import shop.verdant.contract.ShoppingContract;
import shop.verdant.contract.Trigger;

class ContractTest {
    private static final Path REPO = LocalShop.codeHome().resolve("../..").normalize();

    @Test
    void everyHandlerLivesInItsGroupsModule_andIsInItsGroupsJar_only() throws Exception {
        for (Trigger t : Contract.TRIGGERS) {
            Handler h = t.handler();
            String classFile = h.className().replace('.', '/') + ".class";
            assertThat(REPO.resolve(h.group().module()).resolve("src/main/java")
                    .resolve(h.className().replace('.', '/') + ".java")).as(h.className()).isRegularFile();
            Class<?> type = Class.forName(h.className(), false, getClass().getClassLoader());
            assertThat(RequestHandler.class).isAssignableFrom(type);
            assertThat(type.getDeclaredConstructor().getParameterCount()).isZero();
            for (FunctionGroup g : Contract.GROUPS) {
                try (ZipFile jar = new ZipFile(REPO.resolve(g.jar()).toFile())) {
                    assertThat(jar.getEntry(classFile) != null).as(h.className() + " in " + g.jar()).isEqualTo(g.equals(h.group()));
                }
            }
        }
    }

    @Test
    void everyRouteHandlerLooksUpItsOwnRouteInTheContract() throws Exception {
        TestShop.get();
        var route = shop.verdant.http.ApiHandler.class.getDeclaredMethod("route");
        route.setAccessible(true);
        for (Route r : Contract.ROUTES) {
            Object handler = Class.forName(r.handlerClass()).getDeclaredConstructor().newInstance();
            assertThat(route.invoke(handler)).as(r.handlerClass()).isEqualTo(r);
        }
    }

    @Test
    void noTwoRoutesCollide_evenWithDifferentParameterNames() {
        Set<String> seen = new HashSet<>();
        for (Route route : Contract.ROUTES) {
            assertThat(seen.add(route.shape())).as(route.method() + " " + route.path()).isTrue();
        }
        Route product = Contract.ROUTES.stream().filter(r -> r.path().equals("/api/products/{id}")).findFirst().orElseThrow();
        var m = product.pathPattern().matcher("/api/products/abc-123");
        assertThat(m.matches()).isTrue();
        assertThat(m.group("id")).isEqualTo("abc-123");
        assertThat(product.pathPattern().matcher("/api/products/abc/extra").matches()).isFalse();
        Handler h = product.handler();
        assertThat(Route.open("GET", "/api/products/{slug}", h).shape()).isEqualTo(product.shape());
    }

    @Test
    void theContractRefusesWhatCannotWork() {
        Handler cart = Contract.routeFor("shop.verdant.shopping.GetCartHandler").orElseThrow().handler();
        assertThatThrownBy(() -> new Handler("shop.verdant.catalog.GetCartHandler", ShoppingContract.GROUP, Map.of(), "x"))
                .hasMessageContaining("not in the package of group shopping");
        assertThatThrownBy(() -> Route.open("GET", "/products", cart)).hasMessageContaining("/api/");
        assertThatThrownBy(() -> new Route("GET", "/api/x", cart, Route.Auth.NONE, Set.of(shop.verdant.contract.Role.ADMIN)))
                .hasMessageContaining("roles need auth COGNITO");
        Handler search = Contract.routeFor("shop.verdant.catalog.SearchProductsHandler").orElseThrow().handler();
        assertThatThrownBy(() -> Route.optional("GET", "/api/x", search)).hasMessageContaining("TOKEN_VERIFIER");
    }

    @Test
    void theLocalShopDispatchesEveryTriggerOfTheContract() {
        List<Trigger> dispatched = TestShop.get().dispatched();
        assertThat(dispatched).containsExactlyElementsOf(Contract.TRIGGERS);
        // what each dispatched kind does is tested where it shows: StockFollowsOrdersTest (the stream poller),
        // SignUpTest (the post-confirmation trigger), the shopping browser flow (the expiry schedule), and every
        // route through the gateway (AuthorizationMatrixTest)
    }
}
