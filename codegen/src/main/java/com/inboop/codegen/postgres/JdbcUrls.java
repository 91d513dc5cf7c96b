package com.inboop.codegen.postgres;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and swaps the database name in a {@code jdbc:postgresql://host[:port]/database[?params]} URL. */
final class JdbcUrls {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)/([^?]*)(\\?.*)?");

    private JdbcUrls() {
    }

    static String database(String url) {
        return parse(url).group(2);
    }

    static String withDatabase(String url, String database) {
        Matcher m = parse(url);
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    private static Matcher parse(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches() || m.group(2).isEmpty()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a database: '" + url
                    + "'. Expected jdbc:postgresql://host:port/database, e.g. jdbc:postgresql://localhost:5432/postgres");
        }
        return m;
    }
}
