package dev.shakedown.engine.evidence;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;

/** Validates evidence JSON against the checked-in schema; shared with other modules' tests via the test jar. */
public final class EvidenceSchema {
    private static final Schema SCHEMA = load();

    private EvidenceSchema() {}

    private static Schema load() {
        InputStream in = Evidence.class.getResourceAsStream("evidence.schema.json");
        if (in == null) throw new IllegalStateException("evidence.schema.json is missing from the engine jar");
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }

    /** Every schema violation, as text; empty when the evidence is valid. */
    public static List<String> violations(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }
}
