package dev.siteready.project;

import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/**
 * The product requirements' checkboxes: identifier type codes, code systems as {@code <data model id>:<code>} and
 * required fields by id; and the project's version the form was shown with (see {@link ScopeService#replaceRequirements}).
 */
record RequirementsForm(
        @RestForm List<String> patientId,
        @RestForm List<String> providerId,
        @RestForm List<String> codeSystem,
        @RestForm List<String> field,
        @RestForm Long version) {

    public RequirementsForm {
        patientId = patientId == null ? List.of() : patientId;
        providerId = providerId == null ? List.of() : providerId;
        codeSystem = codeSystem == null ? List.of() : codeSystem;
        field = field == null ? List.of() : field;
    }
}
