package dev.shakedown.stdlib.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.stdlib.demo.DemoSystem;
import dev.shakedown.stdlib.demo.DemoSystemWord;
import dev.shakedown.stdlib.testing.TestBuild;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demoSystem(auditFs: 32.mb)}: the audit directory's own tmpfs, declared so it is there before the gateway. */
class DemoAuditFsTest {
    @TempDir Path dir;

    @Test
    void auditFsDeclaresATmpfsAtTheAuditDirectoryBeforeTheGateway() {
        TestBuild build = new TestBuild(dir);
        DemoSystem sut = (DemoSystem) new DemoSystemWord().call(build, Map.of("auditFs", new ByteSize(32 * ByteSize.MB)), List.of());

        List<String> order = build.resources().stream().map(ResourceSpec::name).toList();
        assertThat(order.indexOf("auditFs")).isNotNegative().isLessThan(order.indexOf("gateway"));
        ResourceSpec tmpfs = build.resource("auditFs").orElseThrow();
        assertThat(tmpfs.kind()).isEqualTo(TmpfsResourceType.KIND);
        assertThat(tmpfs.options()).containsEntry("path", sut.getAuditDir()).containsEntry("size", new ByteSize(32 * ByteSize.MB));
    }

    @Test
    void withoutAuditFsTheAuditDirectoryIsAPlainDirectory() {
        TestBuild build = new TestBuild(dir);
        new DemoSystemWord().call(build, Map.of(), List.of());

        assertThat(build.resource("auditFs")).isEmpty();
    }

    @Test
    void auditFsMustBeASize() {
        assertThatThrownBy(() -> new DemoSystemWord().call(new TestBuild(dir), Map.of("auditFs", "big"), List.of()))
                .hasMessageContaining("auditFs").hasMessageContaining("such as 32.mb");
    }
}
