package com.inboop.codegen.guard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.inboop.codegen.guard.lock.LockCheck;
import com.inboop.codegen.guard.rule.Rule;
import com.inboop.codegen.guard.rule.Violation;

/**
 * Checks a migrations folder against the design's migration rules. {@link #checkStatic()} runs the static layer: it
 * reads every SQL file, whatever its name, and takes milliseconds; what follows (the semantic layer, the report, the
 * lock file) belongs to the {@link GuardRun} it returns. Nothing here writes into the folder except
 * {@link GuardRun#record} and {@link GuardRun#recordInLock}, which the build calls and {@code check} only when told to.
 */
public final class MigrationGuard {

    private final Path directory;
    private final LockCheck.Mode lockMode;
    private final Naming naming;

    /** A guard for this repository's folder: house naming. */
    public MigrationGuard(Path directory, LockCheck.Mode lockMode) {
        this(directory, lockMode, Naming.HOUSE);
    }

    public MigrationGuard(Path directory, LockCheck.Mode lockMode, Naming naming) {
        this.directory = directory;
        this.lockMode = lockMode;
        this.naming = naming;
    }

    /**
     * Runs the static layer: names, versions, configurations, the lock file and statement hazards of every file.
     *
     * @return the run, holding what the static layer found, to go on with
     */
    public GuardRun checkStatic() {
        long start = System.nanoTime();
        MigrationFolder folder = MigrationFolder.read(directory, naming);
        LockCheck lock = LockCheck.run(directory, folder.locked(), lockMode);
        List<Violation> violations = new ArrayList<>(folder.violations());
        violations.addAll(lock.violations());
        for (MigrationScript script : folder.scripts()) {
            if (script.statements().isEmpty()) {
                violations.add(new Violation(script.fileName(), 1, Rule.IB109, script.fileName()
                        + " is empty or only comments"));
            }
            violations.addAll(StatementHazards.check(script));
        }
        return new GuardRun(directory, folder, lock, violations, (System.nanoTime() - start) / 1_000_000);
    }
}
