package dev.shakedown.stdlib.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.dsl.DslException;
import dev.shakedown.dsl.ScriptErrors;
import dev.shakedown.engine.plan.ByteRate;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.stdlib.testing.TestBuild;
import dev.shakedown.stdlib.testing.TestScripts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links as scripts write them, compiled by the real DSL: the address is known at build time, mistakes point at their line. */
class LinkScriptTest {
    @TempDir
    Path dir;

    private ExperimentPlan compile(String script) throws Exception {
        return TestScripts.compile(dir.resolve("db.chaos.groovy"), script);
    }

    @Test
    void theScriptReadsTheAddressAndNamesTheLinkByReference() throws Exception {
        ExperimentPlan plan = compile("""
                component 'db'
                link 'db', listen: 0, upstream: '127.0.0.1:5432'
                process 'app', command: ['app', '--db', links.db.address, "--port=${links.db.port}", links.db.upstream]
                scenario 'cut' {
                    inject partition(links.db)
                    inject latency('db', 200.ms, jitter: 50.ms, direction: 'upstream', toxicity: 30.percent)
                    inject bandwidth('db', 64.kbps)
                    recover
                }
                """);

        String address = String.valueOf(plan.resource("db").orElseThrow().options().get("listen"));
        int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
        assertThat(port).isPositive();
        assertThat((List<?>) plan.resource("app").orElseThrow().options().get("command")).map(String::valueOf)
                .containsExactly("app", "--db", address, "--port=" + port, "127.0.0.1:5432");
        FaultSpec partition = plan.scenarios().get(0).injections().get(0).fault();
        assertThat(partition.target()).isEqualTo("db");
        assertThat(plan.scenarios().get(0).injections().get(2).fault().args()).containsExactly("db", new ByteRate(8_000));
    }

    @Test
    void badValuesPointAtTheirLine() {
        assertThatThrownBy(() -> compile("""
                component 'db'
                link 'db', upstream: '127.0.0.1:5432'
                scenario 'slow' {
                    inject latency('db', 2.h)
                    inject bandwidth('dbb', '64kbps')
                    inject timeout('db', after: 0.s)
                }
                """))
                .isInstanceOf(ScriptErrors.class)
                .hasMessageContaining("db.chaos.groovy:4:5: the delay of 120min is too long for a link fault")
                .hasMessageContaining("db.chaos.groovy:5:5: no link 'dbb', did you mean 'db'?")
                .hasMessageContaining("db.chaos.groovy:6:5: after must be above zero, not 0ms");
    }

    @Test
    void anUndeclaredLinkIsAScriptError() {
        TestBuild build = new TestBuild(dir);
        build.addResource(new LinkResourceType().settle(LinkFixture.spec(Map.of("upstream", "127.0.0.1:5432"))));
        Links links = (Links) new LinksWord().call(build, Map.of(), List.of());

        assertThat(links.containsKey("db")).isTrue();
        assertThat(links.keySet()).containsExactly("db");
        assertThat(links.get("db").getHost()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> links.get("dbb")).isInstanceOf(DslException.class)
                .hasMessage("no link 'dbb' is declared, did you mean 'db'? (declared: db)");
        assertThatThrownBy(() -> new LinksWord().call(build, Map.of(), List.of("db"))).isInstanceOf(DslException.class);
    }
}
