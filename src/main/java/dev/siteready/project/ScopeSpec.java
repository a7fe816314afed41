package dev.siteready.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's scope as JSON: what GET/PUT /api/sites/{id}/projects/{pid}/scope speak and what an
 * onboarding template stores. Data models, events and fields are named (not ids), so a spec travels
 * between workspaces; unknown JSON properties are ignored (tolerant reader).
 */
public record ScopeSpec(
        List<Row> rows,
        Map<String, List<String>> requiredFields,
        List<String> patientIdentifierTypes,
        List<String> providerIdentifierTypes,
        Map<String, List<String>> codeSystems,
        List<WorkflowSpec> workflows) {

    public record Row(String dataModel, List<String> events, String direction, String connectionMethod,
            Integer messagesPerDay, Integer peakPerHour) {
    }

    public record WorkflowSpec(String name, String description) {
    }

    public ScopeSpec {
        rows = rows == null ? List.of() : rows;
        requiredFields = requiredFields == null ? new LinkedHashMap<>() : requiredFields;
        patientIdentifierTypes = patientIdentifierTypes == null ? List.of() : patientIdentifierTypes;
        providerIdentifierTypes = providerIdentifierTypes == null ? List.of() : providerIdentifierTypes;
        codeSystems = codeSystems == null ? new LinkedHashMap<>() : codeSystems;
        workflows = workflows == null ? List.of() : workflows;
    }

    public static ScopeSpec empty() {
        return new ScopeSpec(null, null, null, null, null, null);
    }
}
