package dev.siteready.feasibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.siteready.project.ConnectionMethod;
import dev.siteready.project.Direction;
import dev.siteready.project.ScopeRequirement;
import dev.siteready.scoping.QuestionnaireDefinition;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Reads what the rules need for any number of sites in six queries: projects, scope rows, requirements,
 * questionnaires, the template versions they were asked from, and the answers.
 * Plain values only, so evaluating never touches the database again.
 */
public final class FeasibilityInputs {

    private FeasibilityInputs() {
    }

    /** The facts of every project of the given sites (site id → name), by site, projects in creation order. */
    public static Map<UUID, List<ProjectFacts>> load(Map<UUID, String> sites) {
        Map<UUID, List<ProjectFacts>> bySite = new LinkedHashMap<>();
        sites.keySet().forEach(id -> bySite.put(id, new ArrayList<>()));
        if (sites.isEmpty()) {
            return bySite;
        }
        var em = Panache.getEntityManager();
        Collection<UUID> ids = sites.keySet();

        record ProjectRow(UUID id, String name, UUID siteId) {
        }
        List<ProjectRow> projects = em.createQuery("select p.id, p.name, p.site.id from Project p where p.site.id in :sites"
                + " order by p.createdAt, p.id", Object[].class).setParameter("sites", ids).getResultList().stream()
                .map(r -> new ProjectRow((UUID) r[0], (String) r[1], (UUID) r[2])).toList();
        if (projects.isEmpty()) {
            return bySite;
        }

        // Event types are not read by any rule, so the rows come without them (no join on scope_row_event).
        Map<UUID, List<ProjectFacts.Row>> rows = new HashMap<>();
        for (Object[] r : em.createQuery("select r.id, r.project.id, m.name, r.direction, r.connectionMethod, r.messagesPerDay,"
                + " r.peakPerHour from ScopeRow r join r.model m where r.project.site.id in :sites order by r.position, r.id",
                Object[].class).setParameter("sites", ids).getResultList()) {
            rows.computeIfAbsent((UUID) r[1], p -> new ArrayList<>()).add(new ProjectFacts.Row((UUID) r[0], (String) r[2],
                    (Direction) r[3], (ConnectionMethod) r[4], (Integer) r[5], (Integer) r[6]));
        }

        Map<UUID, Requirements> requirements = new HashMap<>();
        for (Object[] r : em.createQuery("select q.project.id, q.kind, m.name, f.path, q.code from ScopeRequirement q"
                + " left join q.model m left join q.field f where q.project.site.id in :sites order by q.kind, m.name, f.path, q.code",
                Object[].class).setParameter("sites", ids).getResultList()) {
            Requirements req = requirements.computeIfAbsent((UUID) r[0], p -> new Requirements());
            String model = (String) r[2];
            String code = (String) r[4];
            switch ((ScopeRequirement.Kind) r[1]) {
                case FIELD -> {
                    if (model != null && r[3] != null) {
                        req.fields.add(new ProjectFacts.FieldNeed(model, (String) r[3]));
                    }
                }
                case PATIENT_ID -> req.patientIds.add(code);
                case PROVIDER_ID -> req.providerIds.add(code);
                case CODE_SYSTEM -> {
                    if (model != null) {
                        req.codes.add(new ProjectFacts.CodeNeed(model, code));
                    }
                }
            }
        }

        record QuestionnaireRow(UUID id, UUID versionId, String template) {
        }
        Map<UUID, QuestionnaireRow> questionnaires = new HashMap<>();
        for (Object[] r : em.createQuery("select q.id, q.project.id, v.id, t.name, v.number from Questionnaire q"
                + " join q.templateVersion v join v.template t where q.project.site.id in :sites", Object[].class)
                .setParameter("sites", ids).getResultList()) {
            questionnaires.put((UUID) r[1], new QuestionnaireRow((UUID) r[0], (UUID) r[2], r[3] + " v" + r[4]));
        }
        Map<UUID, QuestionnaireDefinition> definitions = new HashMap<>();
        if (!questionnaires.isEmpty()) {
            for (Object[] r : em.createQuery("select v.id, v.definition from QuestionnaireTemplateVersion v where v.id in"
                    + " (select q.templateVersion.id from Questionnaire q where q.project.site.id in :sites)", Object[].class)
                    .setParameter("sites", ids).getResultList()) {
                definitions.put((UUID) r[0], (QuestionnaireDefinition) r[1]);
            }
        }

        Map<UUID, Map<String, JsonNode>> values = new HashMap<>();
        Map<UUID, Map<String, Boolean>> followUps = new HashMap<>();
        if (!questionnaires.isEmpty()) {
            for (Object[] r : em.createQuery("select a.questionnaire.id, a.questionKey, a.subject, a.value, a.needsFollowUp"
                    + " from Answer a where a.questionnaire.project.site.id in :sites", Object[].class)
                    .setParameter("sites", ids).getResultList()) {
                String key = r[1] + "\n" + r[2];
                values.computeIfAbsent((UUID) r[0], q -> new HashMap<>()).put(key, (JsonNode) r[3]);
                if (Boolean.TRUE.equals(r[4])) {
                    followUps.computeIfAbsent((UUID) r[0], q -> new HashMap<>()).put(key, true);
                }
            }
        }

        for (ProjectRow p : projects) {
            Requirements req = requirements.getOrDefault(p.id(), new Requirements());
            QuestionnaireRow q = questionnaires.get(p.id());
            ProjectFacts.Answers answers = q == null || !definitions.containsKey(q.versionId()) ? null
                    : new ProjectFacts.Answers(definitions.get(q.versionId()), q.template(),
                            values.getOrDefault(q.id(), Map.of()), followUps.getOrDefault(q.id(), Map.of()));
            List<ProjectFacts.Row> scope = rows.getOrDefault(p.id(), List.of());
            bySite.get(p.siteId()).add(new ProjectFacts(p.siteId(), sites.get(p.siteId()), p.id(), p.name(), scope, req.fields,
                    req.patientIds, req.providerIds, req.codes, answers));
        }
        return bySite;
    }

    /** The summary of one site as it is now. */
    public static FeasibilityReport report(dev.siteready.site.Site site) {
        return FeasibilityReport.of(site.id, site.name, site.ehrVendor, load(Map.of(site.id, site.name)).get(site.id),
                java.time.OffsetDateTime.now());
    }

    private static final class Requirements {
        final List<ProjectFacts.FieldNeed> fields = new ArrayList<>();
        final List<String> patientIds = new ArrayList<>();
        final List<String> providerIds = new ArrayList<>();
        final List<ProjectFacts.CodeNeed> codes = new ArrayList<>();
    }
}
