package com.inboop.codegen.migrate;

import java.util.EnumSet;
import java.util.Set;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * A Flyway callback that watches some events of every migration from inside its transaction (so it sees what the
 * migration did before it commits). Subclasses say which events and what to do with them.
 */
public abstract class MigrationObserver implements Callback {

    private final Set<Event> events;

    protected MigrationObserver(Event first, Event... rest) {
        this.events = EnumSet.of(first, rest);
    }

    @Override
    public final boolean supports(Event event, Context context) {
        return events.contains(event);
    }

    @Override
    public final boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return getClass().getSimpleName();
    }
}
