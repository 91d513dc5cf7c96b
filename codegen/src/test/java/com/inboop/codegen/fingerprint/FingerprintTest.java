package com.inboop.codegen.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void isStableForTheSameInputs() throws IOException {
        Path a = file("V001__a.sql", "CREATE TABLE a ();");

        assertThat(Fingerprint.of(List.of(a), "jooq=1")).isEqualTo(Fingerprint.of(List.of(a), "jooq=1"));
    }

    @Test
    void changesWithContentNameOrToolchain() throws IOException {
        Path a = file("V001__a.sql", "CREATE TABLE a ();");
        Fingerprint original = Fingerprint.of(List.of(a), "jooq=1");

        assertThat(Fingerprint.of(List.of(a), "jooq=2")).isNotEqualTo(original);
        Path renamed = Files.move(a, dir.resolve("V001__b.sql"));
        assertThat(Fingerprint.of(List.of(renamed), "jooq=1")).isNotEqualTo(original);
        Files.writeString(renamed, "CREATE TABLE b ();");
        Path back = Files.move(renamed, dir.resolve("V001__a.sql"));
        assertThat(Fingerprint.of(List.of(back), "jooq=1")).isNotEqualTo(original);
    }

    @Test
    void movingBytesAcrossAFileBoundaryChangesIt() throws IOException {
        Path one = file("one", "ab");
        Path two = file("two", "c");
        Fingerprint before = Fingerprint.of(List.of(one, two), "t");

        Files.writeString(one, "a");
        Files.writeString(two, "bc");

        assertThat(Fingerprint.of(List.of(one, two), "t")).isNotEqualTo(before);
    }

    @Test
    void roundTripsThroughItsFileAndIgnoresGarbage() throws IOException {
        Fingerprint fingerprint = Fingerprint.of(List.of(file("x", "y")), "t");
        fingerprint.storeIn(dir);

        assertThat(Fingerprint.storedIn(dir)).contains(fingerprint);
        Files.writeString(dir.resolve(Fingerprint.FILE_NAME), "half-writ");
        assertThat(Fingerprint.storedIn(dir)).isEmpty();
        assertThat(Fingerprint.storedIn(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void rejectsMalformedDigest() {
        assertThatThrownBy(() -> new Fingerprint("abc")).hasMessageContaining("'abc'");
    }
}
