package shop.verdant.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports and adapters over every module (this module's test classpath holds them all, the CDK app too): the
 * domain knows only Java; application services the domain and their ports; HTTP handling no adapter; only
 * adapter modules touch the AWS SDK, Redis, JWT or Stripe, and the function groups obtain their clients
 * from adapter factories. The local shop (the engines' stand-in: it creates tables and buckets) and the test
 * kit are tooling around the shop, not part of it, and may use the SDK directly.
 */
class DependencyRuleTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // test jars (the core's fixtures) as Maven resolves them outside the reactor
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("shop.verdant");

    static final String[] TECHNOLOGY = {"software.amazon.awssdk..", "redis.clients..", "com.nimbusds..", "com.stripe..",
            "org.opensearch..", "net.coobird..", "com.twelvemonkeys..", "javax.imageio.."};

    static void check(ArchRule rule) {
        rule.check(CLASSES);
    }

    @Test
    void everyModuleIsSeen() {
        for (String pkg : List.of("domain", "application", "http", "contract", "config", "adapter.aws", "adapter.dynamodb",
                "adapter.redis", "adapter.opensearch", "adapter.firehose", "adapter.ses", "adapter.jwt", "adapter.cognito", "adapter.secrets", "catalog",
                "shopping", "accounts", "insights", "merchant", "application.backoffice", "domain.backoffice",
                "adapter.s3", "adapter.imaging", "media", "application.media", "domain.media", "agent", "application.agents",
                "domain.agents", "admin", "application.admin", "domain.admin", "infra", "infra.constructs", "local")) {
            assertThat(CLASSES.stream().anyMatch(c -> (c.getPackageName() + ".").startsWith("shop.verdant." + pkg + ".")))
                    .as(pkg).isTrue();
        }
    }

    @Test
    void theDomainDependsOnlyOnJava() {
        check(noClasses().that().resideInAPackage("shop.verdant.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax.crypto..", "shop.verdant.domain.."));
    }

    @Test
    void applicationServicesDependOnTheDomainAndTheirPortsOnly() {
        check(noClasses().that().resideInAPackage("shop.verdant.application..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "shop.verdant.domain..", "shop.verdant.application.."));
    }

    @Test
    void theContractIsPlainData() {
        check(noClasses().that().resideInAPackage("shop.verdant.contract..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "shop.verdant.contract.."));
    }

    @Test
    void httpHandlingNeverImportsAnAdapterOrATechnology() {
        check(noClasses().that().resideInAnyPackage("shop.verdant.http..", "shop.verdant.config..")
                .should().dependOnClassesThat().resideInAnyPackage("shop.verdant.adapter..")
                .orShould().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY));
    }

    @Test
    void onlyAdaptersTouchTheAwsSdkRedisJwtOrStripe() {
        check(noClasses().that().resideOutsideOfPackages("shop.verdant.adapter..", "shop.verdant.local..", "shop.verdant.testing..")
                .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY));
    }

    @Test
    void functionGroupsWireAdaptersButNeverBuildClients() {
        check(noClasses().that().resideInAnyPackage("shop.verdant.catalog..", "shop.verdant.shopping..", "shop.verdant.accounts..",
                        "shop.verdant.insights..", "shop.verdant.merchant..", "shop.verdant.media..", "shop.verdant.agent..", "shop.verdant.admin..")
                .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY)
                .orShould().dependOnClassesThat().resideInAnyPackage("shop.verdant.infra..", "shop.verdant.local.."));
    }

    @Test
    void adaptersDoNotReachIntoEachOther_butShareTheAwsClientSetup() {
        List<String> adapters = List.of("dynamodb", "redis", "opensearch", "firehose", "ses", "s3", "imaging", "jwt", "cognito",
                "secrets", "aws");
        for (String a : adapters) {
            List<String> others = adapters.stream()
                    .filter(o -> !o.equals(a) && !o.equals("aws")).map(o -> "shop.verdant.adapter." + o + "..").toList();
            check(noClasses().that().resideInAPackage("shop.verdant.adapter." + a + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new)));
        }
    }

    @Test
    void theCdkAppReadsTheContract_notTheHandlers() {
        check(noClasses().that().resideInAPackage("shop.verdant.infra..")
                .should().dependOnClassesThat().resideInAnyPackage("shop.verdant.catalog..", "shop.verdant.shopping..",
                        "shop.verdant.accounts..", "shop.verdant.insights..", "shop.verdant.merchant..", "shop.verdant.media..",
                        "shop.verdant.agent..", "shop.verdant.admin..", "shop.verdant.adapter..",
                        "shop.verdant.application..",
                        "shop.verdant.http.."));
    }
}
