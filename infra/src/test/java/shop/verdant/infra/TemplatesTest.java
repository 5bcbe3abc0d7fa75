package shop.verdant.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import shop.verdant.contract.CognitoTrigger;
import shop.verdant.contract.Contract;
import shop.verdant.contract.Handler;
import shop.verdant.contract.Route;
import shop.verdant.contract.Schedule;
import shop.verdant.contract.TableStream;
import shop.verdant.contract.Trigger;
import shop.verdant.infra.constructs.FunctionGroupStack;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** The templates as CloudFormation will see them: their size as the shop grows, lint, placeholders. */
class TemplatesTest {
    static final int MAX_RESOURCES = 250;

    /** A copy of a trigger under another name (and path), as if the shop had grown by one more use case. */
    private static Trigger copy(Trigger t, int n) {
        Handler h = t.handler();
        Handler copy = new Handler(h.className().replace("Handler", n + "Handler"), h.group(), h.tables(), h.description(), h.ownNeeds());
        return t.accept(new Trigger.Visitor<Trigger>() {
            public Trigger route(Route r) {
                return new Route(r.method(), "/api/copy" + n + r.path().substring(4), copy, r.auth(), r.roles());
            }

            public Trigger schedule(Schedule s) {
                return new Schedule(copy, s.everyMinutes());
            }

            public Trigger stream(TableStream s) {
                return new TableStream(copy, s.table());
            }

            public Trigger cognito(CognitoTrigger c) {
                return c;
            }

            public Trigger deploy(shop.verdant.contract.DeployHook h) {
                return new shop.verdant.contract.DeployHook(copy);
            }

            public Trigger bucket(shop.verdant.contract.BucketEvent b) {
                return new shop.verdant.contract.BucketEvent(copy, b.bucket(), b.prefix());
            }

            public Trigger feed(shop.verdant.contract.ChangeFeed f) {
                return new shop.verdant.contract.ChangeFeed(copy, f.tables());
            }
        });
    }

    private static int resourceCount(Stack stack) {
        return ((Map<?, ?>) Template.fromStack(stack).toJSON().get("Resources")).size();
    }

    @Test
    void withTheContractTripledEveryStackStaysUnder250Resources() {
        List<Trigger> tripled = new ArrayList<>(Contract.TRIGGERS);
        for (int n = 2; n <= 3; n++) {
            for (Trigger t : Contract.TRIGGERS) {
                if (!(t instanceof CognitoTrigger)) {
                    tripled.add(copy(t, n));
                }
            }
        }
        VerdantApp.Stacks stacks = VerdantApp.build(new App(), Synth.ENV, tripled);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Stack s : stacks.all()) {
            counts.put(s.getStackName(), resourceCount(s));
        }
        for (FunctionGroupStack g : stacks.api().groupStacks()) {
            counts.put(g.getNode().getPath(), resourceCount(g));
        }
        stacks.ops().groupAlarms().forEach(n -> counts.put(n.getNode().getPath(), resourceCount(n)));
        System.out.println("resources per stack, contract tripled: " + counts);
        assertThat(counts.values()).as(counts.toString()).allMatch(c -> c < MAX_RESOURCES);
        // and the count is real: each function costs its log group, role, policy, function, version, alias, ...
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(8 * tripled.size());
        // the shopping group needed more than one nested stack, and every tripled function is in one
        assertThat(stacks.api().groupStacks().stream().mapToInt(g -> g.functions().size()).sum())
                .isEqualTo(tripled.size() - 1);
        assertThat(stacks.api().groupStacks()).hasSizeGreaterThan(2);
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(Synth.OUT)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".template.json")).sorted().toList();
        }
    }

    @Test
    void noTemplateNamesAPlaceholderZone() throws IOException {
        List<Path> all = templates();
        assertThat(all).hasSizeGreaterThanOrEqualTo(Synth.STACKS.all().size() + Synth.GROUPS.size());
        for (Path p : all) {
            assertThat(Files.readString(p)).as(p.getFileName().toString()).doesNotContain("dummy1");
        }
        assertThat(Files.readString(Synth.OUT.resolve("Verdant-Cache.template.json"))).contains("Fn::GetAZs");
    }

    /**
     * The warnings cfn-lint may raise, each with its reason; anything else (and any error) fails.
     * W3005: CDK writes DependsOn from a function to its role's policy although a GetAtt already orders them.
     */
    static final Map<String, String> ACCEPTED_WARNINGS = Map.of(
            "W3005", "CDK adds DependsOn on the role's default policy next to the GetAtt of the role itself");

    @Test
    void cfnLintFindsNoErrorAndOnlyTheNamedWarnings() throws Exception {
        Path lint = findCfnLint();
        List<String> command = new ArrayList<>(List.of(lint.toString(), "--format", "parseable"));
        templates().forEach(p -> command.add(p.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> findings = out.lines().filter(l -> !l.isBlank()).toList();
        List<String> unexplained = findings.stream()
                .filter(l -> ACCEPTED_WARNINGS.keySet().stream().noneMatch(w -> l.contains(":" + w + ":")))
                .toList();
        assertThat(unexplained).as(out).isEmpty();
        assertThat(process.exitValue()).as(out).isIn(0, 4);
    }

    /** cfn-lint comes with the machine image (pyenv); Debian's python has none. */
    static Path findCfnLint() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(dir, "cfn-lint"));
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".pyenv", "shims", "cfn-lint"));
        return candidates.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("cfn-lint is needed (the machine image has it under ~/.pyenv/shims)"));
    }

    @Test
    void infraSynthWritesEveryStacksTemplate_asCdkDeployWould() throws Exception {
        Path out = Files.createTempDirectory("synth");
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("synth").toAbsolutePath().toString())
                .redirectErrorStream(true);
        pb.environment().put("CDK_OUTDIR", out.toString());
        pb.environment().remove("CDK_DEFAULT_ACCOUNT");
        pb.environment().remove("CDK_DEFAULT_REGION");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        for (String stack : List.of("Verdant-Data", "Verdant-Auth", "Verdant-Cache", "Verdant-Api", "Verdant-Edge",
                "Verdant-Site", "Verdant-Ops")) {
            assertThat(out.resolve(stack + ".template.json")).isRegularFile();
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".nested.template.json")).count())
                    .isEqualTo(Synth.GROUPS.size() + Synth.GROUP_ALARMS.size());
        }
        // cdk.json runs the same entry point
        assertThat(Files.readString(Path.of("cdk.json"))).contains("\"app\": \"bash synth\"");
    }
}
