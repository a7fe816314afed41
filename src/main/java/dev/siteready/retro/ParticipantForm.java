package dev.siteready.retro;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Map;

/** Someone who took part, with their role and side. */
record ParticipantForm(
        @RestForm
        @NotBlank(message = ParticipantForm.NAME)
        @Size(max = 120, message = ParticipantForm.NAME)
        @PlainText(message = ParticipantForm.NAME)
        String name,

        @RestForm
        @Size(max = 120, message = ParticipantForm.ROLE)
        @PlainText(message = ParticipantForm.ROLE)
        String role,

        @RestForm String side) {

    static final String NAME = "Give the participant's name, up to 120 characters.";
    static final String ROLE = "Keep the role to 120 characters.";
    static final String SIDE = "Choose the side the participant was on.";

    public ParticipantForm {
        name = Forms.text(name).trim();
        role = Forms.text(role).trim();
        side = Forms.text(side);
    }

    @AssertTrue(message = SIDE)
    public boolean isSideKnown() {
        return chosenSide() != null;
    }

    RetroParticipant.Side chosenSide() {
        return RetroParticipant.Side.parse(side);
    }

    Map<String, String> typed() {
        return Map.of("name", name, "role", role, "side", side);
    }
}
