package com.inboop.db.lead;

import static com.inboop.db.schema.Tables.LEADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.NotFoundException;
import com.inboop.db.Race;
import com.inboop.db.Seed;
import com.inboop.db.lifecycle.IllegalTransitionException;
import com.inboop.db.lifecycle.Transition;
import com.inboop.db.schema.enums.LeadStatus;

@ExtendWith(MigratedDatabaseExtension.class)
class LeadLifecycleTest {

    private final DSLContext dsl;
    private final Seed seed;
    private final LeadLifecycle lifecycle;
    private long workspace;

    LeadLifecycleTest(TestDatabase database) {
        this.dsl = Seed.dsl(database);
        this.seed = new Seed(dsl);
        this.lifecycle = new LeadLifecycle(dsl);
    }

    @BeforeEach
    void freshWorkspace() {
        workspace = seed.workspace("shop");
    }

    private LeadStatus stored(long lead) {
        var stored = dsl.select(LEADS.STATUS_ENUM, LEADS.STATUS).from(LEADS).where(LEADS.ID.eq(lead)).fetchOne();
        // inboop-db writes both columns, always the same value.
        assertThat(stored.value2()).isEqualTo(stored.value1() == null ? stored.value2() : stored.value1().getLiteral());
        return stored.value1();
    }

    @ParameterizedTest
    @EnumSource(value = LeadStatus.class, names = {"CONVERTED", "CLOSED", "LOST"})
    void aNewLeadMayBecomeAnyFinalStatus(LeadStatus target) {
        long lead = seed.lead(workspace, LeadStatus.NEW, "MANUAL", 1);

        assertThat(lifecycle.changeStatus(workspace, lead, LeadStatus.NEW, target)).isEqualTo(new Transition<>(true, target));
        assertThat(stored(lead)).isEqualTo(target);
    }

    @ParameterizedTest
    @EnumSource(value = LeadStatus.class, names = {"CONVERTED", "CLOSED", "LOST"})
    void finalStatusesNeverReopenAndTheErrorNamesBoth(LeadStatus finalStatus) {
        long lead = seed.lead(workspace, finalStatus, "MANUAL", 1);

        assertThatThrownBy(() -> lifecycle.changeStatus(workspace, lead, finalStatus, LeadStatus.NEW))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(finalStatus.name());
                    assertThat(e.to()).isEqualTo("NEW");
                })
                .hasMessage("A lead cannot go from " + finalStatus + " to NEW: " + finalStatus
                        + " is final; create a new lead instead");
        assertThat(stored(lead)).isEqualTo(finalStatus);
    }

    @Test
    void aLegacyLeadWithoutStatusCountsAsNew() {
        long lead = seed.lead(workspace, null, "MANUAL", 1);

        assertThat(lifecycle.changeStatus(workspace, lead, LeadStatus.NEW, LeadStatus.LOST).applied()).isTrue();
        assertThat(stored(lead)).isEqualTo(LeadStatus.LOST);
    }

    @Test
    void aStaleExpectationChangesNothingAndReportsTheCurrentStatus() {
        long lead = seed.lead(workspace, LeadStatus.NEW, "MANUAL", 1);
        lifecycle.changeStatus(workspace, lead, LeadStatus.NEW, LeadStatus.CONVERTED);

        assertThat(lifecycle.changeStatus(workspace, lead, LeadStatus.NEW, LeadStatus.LOST))
                .isEqualTo(new Transition<>(false, LeadStatus.CONVERTED));
        assertThat(stored(lead)).isEqualTo(LeadStatus.CONVERTED);
    }

    @Test
    void concurrentChangesLoseNoUpdateAndLeaveNoIllegalStatus() throws Exception {
        List<Long> leads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            leads.add(seed.lead(workspace, LeadStatus.NEW, "MANUAL", i));
        }
        LeadStatus[] targets = {LeadStatus.CONVERTED, LeadStatus.CLOSED, LeadStatus.LOST};
        for (long lead : leads) {
            List<Transition<LeadStatus>> applied = Race.run(6,
                            t -> () -> lifecycle.changeStatus(workspace, lead, LeadStatus.NEW, targets[t % targets.length]))
                    .stream().map(Race.Outcome::value).filter(Transition::applied).toList();

            assertThat(applied).hasSize(1);
            assertThat(stored(lead)).isEqualTo(applied.get(0).current());
        }
    }

    @Test
    void anotherWorkspacesLeadIsNotFoundAndUntouched() {
        long foreign = seed.lead(seed.workspace("elsewhere"), LeadStatus.NEW, "MANUAL", 1);

        assertThatThrownBy(() -> lifecycle.changeStatus(workspace, foreign, LeadStatus.NEW, LeadStatus.LOST))
                .isInstanceOf(NotFoundException.class);
        assertThat(stored(foreign)).isEqualTo(LeadStatus.NEW);
    }
}
