package dev.shakedown.stdlib.link;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslException;
import dev.shakedown.dsl.DslWord;
import java.util.List;
import java.util.Map;

/** The script word {@code links}: {@code links.db.address}, {@code links.db.port}, {@code partition(links.db)}. */
public final class LinksWord implements DslWord {
    @Override
    public String name() {
        return "links";
    }

    @Override
    public String summary() {
        return "the declared links by name: links.db.address ('127.0.0.1:PORT'), links.db.port, links.db.host, links.db.upstream";
    }

    @Override
    public Class<?> resultType() {
        return Links.class;
    }

    @Override
    public Object call(BuildContext build, Map<String, Object> named, List<Object> args) {
        if (!named.isEmpty() || !args.isEmpty()) throw new DslException("links takes no arguments; write links.db.address");
        return new Links(build);
    }
}
