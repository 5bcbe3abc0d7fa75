package shop.verdant.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.infra.constructs.FunctionGroupStack;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.assertions.Template;

/** One synthesis per test JVM: a new jsii runtime costs seconds, a warm synth milliseconds. */
final class Synth {
    private Synth() {
    }

    static final Environment ENV = Environment.builder().account("123456789012").region("eu-west-1").build();
    static final Path OUT = Path.of("target", "cdk-test.out").toAbsolutePath();
    static final VerdantApp.Stacks STACKS;
    static final Template DATA;
    static final Template CACHE;
    static final Template API;
    static final Template AUTH;
    static final Template EDGE;
    static final Template SITE;
    static final Template OPS;
    static final Template ANALYTICS;
    /** The function groups' nested stacks of the API stack, by construct id. */
    static final Map<String, Template> GROUPS = new LinkedHashMap<>();
    /** The Ops stack's nested stacks of each group's alarms. */
    static final List<Template> GROUP_ALARMS = new ArrayList<>();

    static {
        App app = App.Builder.create().outdir(OUT.toString()).build();
        STACKS = VerdantApp.build(app, ENV);
        DATA = Template.fromStack(STACKS.data());
        CACHE = Template.fromStack(STACKS.cache());
        API = Template.fromStack(STACKS.api());
        AUTH = Template.fromStack(STACKS.auth());
        EDGE = Template.fromStack(STACKS.edge());
        SITE = Template.fromStack(STACKS.site());
        OPS = Template.fromStack(STACKS.ops());
        ANALYTICS = Template.fromStack(STACKS.analytics());
        for (FunctionGroupStack g : STACKS.api().groupStacks()) {
            GROUPS.put(g.getNode().getId(), Template.fromStack(g));
        }
        STACKS.ops().groupAlarms().forEach(n -> GROUP_ALARMS.add(Template.fromStack(n)));
        app.synth();
    }

    /** Every template that holds functions: the groups' nested stacks and the auth stack (Cognito triggers). */
    static List<Template> functionTemplates() {
        List<Template> out = new ArrayList<>(GROUPS.values());
        out.add(AUTH);
        return out;
    }

    /** Resources of one type across the given templates, by logical id. */
    static Map<String, Map<String, Object>> resources(List<Template> templates, String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        templates.forEach(t -> out.putAll(t.findResources(type)));
        return out;
    }

    /**
     * The statements of a function's role whose actions name {@code service} ("s3:", "ses:", ...), each as
     * "actions on resources".
     */
    @SuppressWarnings("unchecked")
    static List<String> statementsOf(String functionName, String service) {
        List<String> out = new ArrayList<>();
        for (Template t : functionTemplates()) {
            t.findResources("AWS::IAM::Policy").forEach((id, policy) -> {
                if (id.startsWith(functionName + "Role")) {
                    var doc = (Map<String, Object>) props(policy).get("PolicyDocument");
                    for (Map<String, Object> st : (List<Map<String, Object>>) doc.get("Statement")) {
                        if (st.get("Action").toString().contains(service)) {
                            out.add(st.get("Action") + " on " + st.get("Resource")
                                    + (st.containsKey("Condition") ? " if " + st.get("Condition") : ""));
                        }
                    }
                }
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }
}
