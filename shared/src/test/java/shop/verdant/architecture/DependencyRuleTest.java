package shop.verdant.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Ports and adapters: the domain knows only Java; application services know the domain and their ports. */
@AnalyzeClasses(packages = "shop.verdant", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {

    @ArchTest
    static final ArchRule domainDependsOnlyOnJava = noClasses().that().resideInAPackage("shop.verdant.domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax.crypto..", "shop.verdant.domain..");

    @ArchTest
    static final ArchRule applicationDependsOnNoAdapterOrFramework = noClasses().that().resideInAPackage("shop.verdant.application..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "shop.verdant.domain..", "shop.verdant.application..");

    @ArchTest
    static final ArchRule onlyAdaptersTouchAwsRedisOrStripe = noClasses()
            .that().resideOutsideOfPackages("shop.verdant.adapter..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "redis.clients..", "com.stripe..");

    @ArchTest
    static final ArchRule adaptersDoNotReachIntoEachOther = noClasses().that().resideInAPackage("shop.verdant.adapter.redis..")
            .should().dependOnClassesThat().resideInAPackage("shop.verdant.adapter.dynamodb..");

    @ArchTest
    static final ArchRule specIsPlainData = noClasses().that().resideInAPackage("shop.verdant.spec..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "shop.verdant.spec..");
}
