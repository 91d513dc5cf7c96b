package com.inboop.db.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;

import com.inboop.db.InboopDbException;

/**
 * The versioned migrations this jar ships, read without Flyway: their names from {@code migrations.lock} (which the
 * build keeps in step with the folder and ships beside the migrations), their checksums computed as Flyway computes
 * a SQL migration's (CRC32 over the UTF-8 bytes of each line without its line break, a leading BOM dropped), so that
 * an application's start can tell an up-to-date database from its history table alone. A test holds these against
 * Flyway's own resolution, under the lowest and the highest Flyway version supported.
 */
final class JarMigrations {

    private static final String FOLDER = InboopMigrations.LOCATION.substring("classpath:".length());
    private static final String INDEX = FOLDER + "/migrations.lock";

    /** One migration: {@code version} as its file name writes it ({@code 048}), its description, its checksum. */
    record Migration(String script, String version, String description, int checksum) {
    }

    private static volatile List<Migration> all;

    private JarMigrations() {
    }

    /** This jar's versioned migrations, in version order; read once. */
    static List<Migration> all() {
        List<Migration> read = all;
        if (read == null) {
            read = read();
            all = read;
        }
        return read;
    }

    /** The newest version this jar ships, as its file name writes it. */
    static String newestVersion() {
        List<Migration> migrations = all();
        return migrations.get(migrations.size() - 1).version();
    }

    private static List<Migration> read() {
        List<Migration> migrations = new ArrayList<>();
        for (String line : lines(INDEX)) {
            String script = line.split(" ", 2)[0];
            if (!script.startsWith("V") || !script.endsWith(".sql") || !script.contains("__")) {
                continue; // the header, the total line, and the .sql.conf files
            }
            String version = script.substring(1, script.indexOf("__"));
            String description = script.substring(script.indexOf("__") + 2, script.length() - ".sql".length())
                    .replace('_', ' ');
            migrations.add(new Migration(script, version, description, checksum(FOLDER + "/" + script)));
        }
        if (migrations.isEmpty()) {
            throw new InboopDbException(INDEX + " lists no migration; the inboop-db jar is damaged or repackaged "
                    + "without its resources. Use the published inboop-db jar as it is.");
        }
        migrations.sort(Comparator.comparing(m -> VersionOrder.key(m.version())));
        return List.copyOf(migrations);
    }

    /** Flyway's checksum of one SQL migration (its {@code ChecksumCalculator}). */
    static int checksum(String resource) {
        CRC32 crc32 = new CRC32();
        boolean first = true;
        for (String line : lines(resource)) {
            if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            first = false;
            crc32.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc32.getValue();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = JarMigrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InboopDbException(resource + " is missing from the classpath; the inboop-db jar is damaged "
                        + "or repackaged without its resources. Use the published inboop-db jar as it is.");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().toList();
            }
        } catch (IOException e) {
            throw new InboopDbException("Cannot read " + resource + " from the inboop-db jar", e);
        }
    }
}
