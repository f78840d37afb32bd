package dev.shakedown.stdlib.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.ResourceSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkResourceTypeTest {
    LinkResourceType type = new LinkResourceType();

    private static ResourceSpec link(Map<String, Object> options) {
        return LinkFixture.spec(options);
    }

    @Test
    void settlesAFreePortWhileThePlanIsBuilt() {
        ResourceSpec zero = type.settle(link(Map.of("listen", 0, "upstream", "127.0.0.1:5432")));
        ResourceSpec absent = type.settle(link(Map.of("upstream", "127.0.0.1:5432")));
        ResourceSpec withHost = type.settle(link(Map.of("listen", "127.0.0.1:0", "upstream", "127.0.0.1:5432")));

        for (ResourceSpec settled : new ResourceSpec[] {zero, absent, withHost}) {
            assertThat(String.valueOf(settled.options().get("listen"))).matches("127\\.0\\.0\\.1:[1-9][0-9]*");
            assertThat(settled.options()).containsEntry("upstream", "127.0.0.1:5432");
            assertThat(type.validate(settled)).isEmpty();
        }
    }

    @Test
    void keepsAChosenPortAndLeavesMistakesToValidation() {
        ResourceSpec chosen = link(Map.of("listen", 15432, "upstream", "127.0.0.1:5432"));
        ResourceSpec wrong = link(Map.of("listen", 0, "upstream", "nowhere"));

        assertThat(type.settle(chosen)).isSameAs(chosen);
        assertThat(type.settle(wrong)).isSameAs(wrong);
    }

    @Test
    void validatesTheAddresses() {
        assertThat(type.validate(link(Map.of("listen", 0)))).containsExactly(
                "link 'db' needs upstream: 'host:port', the address it forwards to");
        assertThat(type.validate(link(Map.of("upstream", "db.internal")))).containsExactly(
                "link 'db', option upstream: 'db.internal' is not host:port (port 1-65535), e.g. '127.0.0.1:5432'");
        assertThat(type.validate(link(Map.of("upstream", "127.0.0.1:0")))).containsExactly(
                "link 'db', option upstream: '127.0.0.1:0' is not host:port (port 1-65535), e.g. '127.0.0.1:5432'");
        assertThat(type.validate(link(Map.of("listen", 70000, "upstream", "127.0.0.1:5432")))).containsExactly(
                "link 'db', option listen: '70000' is not host:port (port 0-65535), e.g. '127.0.0.1:5432'");
        assertThat(type.validate(link(Map.of("upstrem", "127.0.0.1:5432")))).singleElement().asString()
                .startsWith("unknown option 'upstrem' for link 'db', did you mean 'upstream'?");
        assertThat(type.validate(link(Map.of("listen", "[::1]:0", "upstream", 5432)))).isEmpty();
    }

    @Test
    void describesWhatItWouldStart() {
        assertThat(type.describe(link(Map.of("listen", 15432, "upstream", "127.0.0.1:5432")))).isEqualTo(
                "listen on 127.0.0.1:15432 and forward each connection to 127.0.0.1:5432 "
                        + "(a fault proxy: link faults act on its connections); log in logs/link-db.log");
    }
}
