package com.inboop.db.internal.lifecycle;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.inboop.db.lifecycle.IllegalTransitionException;

/**
 * Which status may follow which in one lifecycle (lead, fulfilment, payment), as the domain lists them; anything
 * else is refused before any SQL runs.
 *
 * @param <S> the generated status enum
 */
public final class StatusRules<S extends Enum<S>> {

    private final String what;
    private final String whenFinal;
    private final Map<S, Set<S>> next;

    private StatusRules(String what, String whenFinal, Map<S, Set<S>> next) {
        this.what = what;
        this.whenFinal = whenFinal;
        this.next = next;
    }

    /**
     * Rules for {@code type}: {@code pairs} are (from, to) steps.
     *
     * @param what      the item, as an error message starts ("A lead")
     * @param whenFinal what to do instead of leaving a final status
     */
    @SafeVarargs
    public static <S extends Enum<S>> StatusRules<S> of(String what, String whenFinal, Class<S> type, S[]... pairs) {
        Map<S, Set<S>> next = new EnumMap<>(type);
        for (S value : type.getEnumConstants()) {
            next.put(value, EnumSet.noneOf(type));
        }
        for (S[] pair : pairs) {
            next.get(pair[0]).add(pair[1]);
        }
        return new StatusRules<>(what, whenFinal, next);
    }

    /** One allowed step, for {@link #of}. */
    @SafeVarargs
    public static <S> S[] step(S... fromTo) {
        return fromTo;
    }

    public boolean allows(S from, S to) {
        return from != null && next.get(from).contains(to);
    }

    /** @throws IllegalTransitionException unless {@code from} may become {@code to} */
    public void require(S from, S to) {
        if (!allows(from, to)) {
            Set<S> allowed = next.get(from);
            throw new IllegalTransitionException(what, from, to, allowed.isEmpty()
                    ? from + " is final; " + whenFinal : "from " + from + " it can become " + allowed);
        }
    }
}
