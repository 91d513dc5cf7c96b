package com.inboop.db.list;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.internal.sql.UtcTime;

/**
 * Opaque keyset cursors: the last row's sort key (a timestamp in microseconds and an id), bound to a scope (the
 * query, the workspace and the filter) and signed with HMAC-SHA256, so a cursor that was edited, or that comes
 * from another workspace or filter, is rejected instead of silently paging somewhere else.
 *
 * <p>With the default key the signature detects edits and mix-ups but is no secret (the key ships in this jar);
 * the SQL always restricts to the caller's workspace anyway. Backends that hand cursors to untrusted clients and
 * want them unforgeable pass their own key.
 */
public final class Cursors {

    private static final byte[] DEFAULT_KEY = "inboop-db cursor integrity v1".getBytes(StandardCharsets.UTF_8);
    private static final int SIGNATURE_BYTES = 12;
    /** Years 1 to 9999 in microseconds since 1970: every real sort key, and within Postgres' and Java's ranges. */
    private static final long MIN_MICROS = -62_135_596_800_000_000L;
    private static final long MAX_MICROS = 253_402_300_799_999_999L;

    private final byte[] key;

    private Cursors(byte[] key) {
        this.key = key.clone();
    }

    /** Cursors signed with the built-in key: tamper-evident, not secret. */
    public static Cursors withDefaultKey() {
        return new Cursors(DEFAULT_KEY);
    }

    /** Cursors signed with a backend's own secret (at least 16 bytes). */
    public static Cursors withKey(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new InvalidRequestException("cursor key", "must have at least 16 bytes");
        }
        return new Cursors(secret);
    }

    /** The position after a row: its sort timestamp (epoch microseconds, Postgres' precision) and id. */
    public record Position(long micros, long id) {

        /** The position of a row with this sort time (UTC, as the schema stores it) and id. */
        public static Position of(LocalDateTime time, long id) {
            return new Position(UtcTime.toMicros(time), id);
        }

        /** The sort time, in UTC. */
        public LocalDateTime time() {
            return UtcTime.ofMicros(micros);
        }
    }

    /** Encodes {@code position} for {@code scope}. */
    public String encode(String scope, Position position) {
        ByteBuffer payload = ByteBuffer.allocate(16).putLong(position.micros()).putLong(position.id());
        byte[] signature = sign(scope, payload.array());
        byte[] token = ByteBuffer.allocate(16 + SIGNATURE_BYTES).put(payload.array()).put(signature).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /**
     * Decodes a cursor issued for {@code scope}.
     *
     * @throws InvalidRequestException if it is malformed, edited, or was issued for another scope
     */
    public Position decode(String scope, String cursor) {
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw rejected("it is not a cursor this library issued (not base64url)");
        }
        if (token.length != 16 + SIGNATURE_BYTES) {
            throw rejected("it is not a cursor this library issued (wrong length)");
        }
        byte[] payload = Arrays.copyOf(token, 16);
        byte[] signature = Arrays.copyOfRange(token, 16, token.length);
        if (!MessageDigest.isEqual(signature, sign(scope, payload))) {
            throw rejected("it was edited, or it belongs to another workspace, filter or list");
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        Position position = new Position(buffer.getLong(), buffer.getLong());
        // Only a forged cursor (with a leaked or default key) gets here with these; SQL must never see them.
        if (position.micros() < MIN_MICROS || position.micros() > MAX_MICROS || position.id() <= 0) {
            throw rejected("its position is outside what the database can hold");
        }
        return position;
    }

    private static InvalidRequestException rejected(String why) {
        return new InvalidRequestException("cursor", "rejected: " + why + ". Start again from the first page.");
    }

    private byte[] sign(String scope, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java platform has HmacSHA256", e);
        }
    }

    /** A digest of a filter's query string (its one text form), so that cursors are bound to their filter. */
    public static String fingerprint(String filterQueryString) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(filterQueryString.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
