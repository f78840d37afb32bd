package dev.shakedown.stdlib.link;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A link named {@code db} in front of an echo server, started before each test and stopped after it. */
abstract class EchoLinkTest {
    @TempDir
    Path dir;
    Upstream upstream;
    LinkFixture fixture;

    @BeforeEach
    void startEchoLink() throws Exception {
        upstream = Upstream.echo();
        fixture = LinkFixture.to(upstream.address(), dir);
    }

    @AfterEach
    void stopEchoLink() throws Exception {
        fixture.close();
        upstream.close();
    }
}
