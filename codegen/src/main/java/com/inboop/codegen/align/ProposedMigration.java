package com.inboop.codegen.align;

import java.util.Optional;

/**
 * One proposed migration: one logical change, named in the design's style, never applied by {@code align}.
 *
 * @param description the name after the version, e.g. {@code add_contact_id_to_conversations}
 * @param sql         its content, header comment included
 * @param conf        the {@code .sql.conf} content for non-transactional migrations (CONCURRENTLY), if any
 */
public record ProposedMigration(String description, String sql, Optional<String> conf) {

    /** The file name at {@code version}. */
    public String fileName(int version) {
        return String.format("V%03d__%s.sql", version, description);
    }
}
