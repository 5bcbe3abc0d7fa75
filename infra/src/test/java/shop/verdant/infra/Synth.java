package shop.verdant.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.assertions.Template;

/** One synthesis per test JVM: a new jsii runtime costs seconds, a warm synth milliseconds. */
final class Synth {
    private Synth() {
    }

    static final VerdantApp.Stacks STACKS;
    static final Template DATA;
    static final Template CACHE;
    static final Template API;
    static final Template AUTH;
    static final Template SITE;

    static {
        App app = new App();
        STACKS = VerdantApp.build(app, Environment.builder().account("123456789012").region("eu-west-1").build());
        DATA = Template.fromStack(STACKS.data());
        CACHE = Template.fromStack(STACKS.cache());
        API = Template.fromStack(STACKS.api());
        AUTH = Template.fromStack(STACKS.auth());
        SITE = Template.fromStack(STACKS.site());
    }
}
