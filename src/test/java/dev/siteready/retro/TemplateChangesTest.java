package dev.siteready.retro;

import dev.siteready.project.ScopeSpec;
import dev.siteready.retro.TemplateProposal.Change;
import dev.siteready.retro.TemplateProposal.Details;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each onboarding change does to a template's scope, and when it is refused. */
class TemplateChangesTest {

    static final ScopeSpec LAB = new ScopeSpec(
            List.of(new ScopeSpec.Row("Order", List.of("New", "Cancel"), "OUTBOUND", "HL7V2_MLLP", 400, 60),
                    new ScopeSpec.Row("Results", List.of("New"), "INBOUND", "HL7V2_MLLP", 2000, 300)),
            Map.of("Results", List.of("Orders[].Results[].Code", "Orders[].Results[].Units")),
            List.of("MR"), List.of("NPI"), Map.of("Results", List.of("LN")), List.of(new ScopeSpec.WorkflowSpec("Order to result", "")));

    static Details field(String model, String path) {
        return new Details(null, null, null, null, null, null, model, null, path, null);
    }

    static Details event(String model, String direction, String event) {
        return new Details(null, null, null, null, direction, null, model, event, null, null);
    }

    @Test
    void fieldsAreRequiredAndDropped() {
        ScopeSpec dropped = TemplateChanges.changed(LAB, Change.DROP_FIELD, field("Results", "Orders[].Results[].Units"));
        assertThat(dropped.requiredFields().get("Results")).containsExactly("Orders[].Results[].Code");
        ScopeSpec required = TemplateChanges.changed(LAB, Change.REQUIRE_FIELD, field("Order", "Order.Priority"));
        assertThat(required.requiredFields().get("Order")).containsExactly("Order.Priority");
        assertThat(required.requiredFields().get("Results")).hasSize(2);
        ScopeSpec none = TemplateChanges.changed(dropped, Change.DROP_FIELD, field("Results", "Orders[].Results[].Code"));
        assertThat(none.requiredFields()).doesNotContainKey("Results");
        assertThat(LAB.requiredFields().get("Results")).hasSize(2); // the template's scope itself is left alone
    }

    @Test
    void eventsAreAddedToAndDroppedFromTheirRow() {
        ScopeSpec added = TemplateChanges.changed(LAB, Change.ADD_EVENT, event("Order", "OUTBOUND", "Update"));
        assertThat(added.rows().get(0).events()).containsExactly("New", "Cancel", "Update");
        assertThat(added.rows().get(0).messagesPerDay()).isEqualTo(400);
        ScopeSpec dropped = TemplateChanges.changed(LAB, Change.DROP_EVENT, event("Order", "OUTBOUND", "Cancel"));
        assertThat(dropped.rows().get(0).events()).containsExactly("New");
        assertThat(dropped.rows().get(1)).isEqualTo(LAB.rows().get(1));
        assertThat(dropped.workflows()).isEqualTo(LAB.workflows());
        assertThat(dropped.patientIdentifierTypes()).containsExactly("MR");
    }

    @Test
    void aChangeWhoseTargetIsGoneIsRefusedWithTheReason() {
        assertThatThrownBy(() -> TemplateChanges.changed(LAB, Change.REQUIRE_FIELD, field("Results", "Orders[].Results[].Code")))
                .isInstanceOf(TemplateChanges.Refused.class).hasMessageContaining("already requires");
        assertThatThrownBy(() -> TemplateChanges.changed(LAB, Change.DROP_FIELD, field("Results", "Orders[].Results[].Notes[]")))
                .isInstanceOf(TemplateChanges.Refused.class).hasMessageContaining("no longer requires");
        assertThatThrownBy(() -> TemplateChanges.changed(LAB, Change.ADD_EVENT, event("Order", "INBOUND", "New")))
                .isInstanceOf(TemplateChanges.Refused.class).hasMessageContaining("no longer has Order (inbound)");
        assertThatThrownBy(() -> TemplateChanges.changed(LAB, Change.ADD_EVENT, event("Order", "OUTBOUND", "New")))
                .isInstanceOf(TemplateChanges.Refused.class).hasMessageContaining("already has Order New");
        assertThatThrownBy(() -> TemplateChanges.changed(LAB, Change.DROP_EVENT, event("Results", "INBOUND", "Cancel")))
                .isInstanceOf(TemplateChanges.Refused.class).hasMessageContaining("no longer has Results Cancel");
    }
}
