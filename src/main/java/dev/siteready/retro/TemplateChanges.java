package dev.siteready.retro;

import dev.siteready.catalog.DataModelEvent;
import dev.siteready.catalog.DataModelField;
import dev.siteready.onboarding.OnboardingTemplate;
import dev.siteready.onboarding.OnboardingTemplateVersion;
import dev.siteready.project.ScopeSpec;
import dev.siteready.retro.TemplateProposal.Change;
import dev.siteready.retro.TemplateProposal.Details;
import dev.siteready.scoping.QuestionForms;
import dev.siteready.scoping.QuestionType;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.scoping.QuestionnaireDefinition;
import dev.siteready.scoping.QuestionnaireTemplate;
import dev.siteready.scoping.QuestionnaireTemplateVersion;
import dev.siteready.scoping.QuestionnaireTemplates;
import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Proposing and carrying out template changes from a retrospective: what each kind of change can touch (the
 * "targets"), checking a proposal, and accepting it, which publishes the template's next version pointing back to the
 * proposal. Onboarding targets name the template and, by name, the data model, event or field, so a proposal
 * survives catalog edits until it is decided.
 */
@ApplicationScoped
public class TemplateChanges {

    /**
     * Something a change can touch: the form's value, what it says, the template it belongs to, and where in that
     * template (a section or data model; empty when the target is a section itself).
     */
    public record Target(String value, String label, String template, String part) {
    }

    /** A change that cannot be proposed or carried out, with the reason in words. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    @Inject
    QuestionnaireTemplates questionnaires;

    /** Everything this kind of change can touch now, template by template. */
    public List<Target> targets(Change change) {
        List<Target> targets = new ArrayList<>();
        if (change.questionnaire) {
            for (QuestionnaireTemplate t : QuestionnaireTemplate.listByName()) {
                for (QuestionnaireDefinition.Section s : t.draft.sections()) {
                    if (change == Change.ADD_QUESTION) {
                        targets.add(new Target(t.id + "|" + s.key(), "Section: " + s.title(), t.name, ""));
                    } else {
                        s.questions().forEach(q -> targets.add(new Target(t.id + "|" + q.key(), q.label(), t.name, s.title())));
                    }
                }
            }
            return targets;
        }
        Map<String, List<String>> catalog = switch (change) {
            case REQUIRE_FIELD -> DataModelField.listAll().stream().collect(Collectors.groupingBy(f -> f.model.name,
                    LinkedHashMap::new, Collectors.mapping(f -> f.path, Collectors.toList())));
            case ADD_EVENT -> DataModelEvent.listAll().stream().collect(Collectors.groupingBy(e -> e.model.name,
                    LinkedHashMap::new, Collectors.mapping(e -> e.name, Collectors.toList())));
            default -> Map.of();
        };
        for (OnboardingTemplate t : OnboardingTemplate.listByName()) {
            ScopeSpec scope = t.scope == null ? ScopeSpec.empty() : t.scope;
            switch (change) {
                case REQUIRE_FIELD -> scope.rows().stream().map(ScopeSpec.Row::dataModel).filter(Objects::nonNull).distinct()
                        .forEach(model -> catalog.getOrDefault(model, List.of()).stream()
                                .filter(path -> !scope.requiredFields().getOrDefault(model, List.of()).contains(path))
                                .forEach(path -> targets.add(new Target(t.id + "|" + model + "|" + path, path, t.name, model))));
                case DROP_FIELD -> scope.requiredFields().forEach((model, paths) -> paths.forEach(path ->
                        targets.add(new Target(t.id + "|" + model + "|" + path, path, t.name, model))));
                case ADD_EVENT -> scope.rows().forEach(r -> catalog.getOrDefault(r.dataModel(), List.of()).stream()
                        .filter(e -> r.events() == null || !r.events().contains(e))
                        .forEach(e -> targets.add(new Target(t.id + "|" + r.dataModel() + "|" + r.direction() + "|" + e,
                                e + " (" + direction(r.direction()) + ")", t.name, r.dataModel()))));
                case DROP_EVENT -> scope.rows().forEach(r -> (r.events() == null ? List.<String>of() : r.events())
                        .forEach(e -> targets.add(new Target(t.id + "|" + r.dataModel() + "|" + r.direction() + "|" + e,
                                e + " (" + direction(r.direction()) + ")", t.name, r.dataModel()))));
                default -> {
                }
            }
        }
        return targets;
    }

    /** The target an item's link points at, if this change can touch it (so the form starts there). */
    public static String suggested(List<Target> targets, RetroItem item) {
        if (item.linkKind == null) {
            return "";
        }
        String ref = item.linkKind == RetroItem.LinkKind.REQUIREMENT && item.linkRef.startsWith("FIELD|")
                ? item.linkRef.substring("FIELD|".length()) : item.linkRef;
        return targets.stream().map(Target::value).filter(v -> {
            String[] p = v.split("\\|", 4);
            return switch (item.linkKind) {
                case QUESTION -> p.length == 2 && p[1].equals(ref);
                case EVENT -> p.length == 4 && (p[1] + "|" + p[3]).equals(ref);
                case FIELD, REQUIREMENT -> p.length == 3 && (p[1] + "|" + p[2]).equals(ref);
            };
        }).findFirst().orElse("");
    }

    /** The question a "template|question key" target names, in the template's draft. */
    public static java.util.Optional<Question> question(String target) {
        String[] parts = target.split("\\|", 2);
        UUID id = parts.length == 2 ? Forms.uuid(parts[0]) : null;
        QuestionnaireTemplate template = id == null ? null : QuestionnaireTemplate.findById(id);
        return template == null ? java.util.Optional.empty() : template.draft.question(parts[1]);
    }

    /** A new proposal from the form, checked; {@link Refused} says what to fix. */
    public TemplateProposal propose(Retrospective retro, RetroItem item, Change change, ProposalInput in, String actor) {
        if (targets(change).stream().noneMatch(t -> t.value().equals(in.target()))) {
            throw new Refused("Choose what to change from the list.");
        }
        String[] parts = in.target().split("\\|", 4);
        TemplateProposal proposal = new TemplateProposal();
        proposal.retrospective = retro;
        proposal.item = item;
        proposal.change = change;
        proposal.proposedBy = actor;
        UUID templateId = UUID.fromString(parts[0]);
        if (change == Change.ADD_QUESTION) {
            proposeQuestion(proposal, QuestionnaireTemplate.findById(templateId), parts[1], in);
        } else if (change == Change.REWORD_QUESTION) {
            proposeWording(proposal, QuestionnaireTemplate.findById(templateId), parts[1], in);
        } else {
            proposeScopeChange(proposal, OnboardingTemplate.findById(templateId), parts);
        }
        proposal.persist();
        return proposal;
    }

    private static void proposeQuestion(TemplateProposal proposal, QuestionnaireTemplate template, String section, ProposalInput in) {
        proposal.questionnaireTemplate = template;
        proposal.templateName = template.name;
        Question question = question(template.draft, in.label(), in.help(), in.type(), in.options());
        proposal.details = new Details(section, null, question.label(), question.help(), question.type(),
                question.kind().hasChoices() ? in.options().trim() : null, null, null, null, null);
        proposal.summary = "Add the question \"" + question.label() + "\" to "
                + template.draft.section(section).map(QuestionnaireDefinition.Section::title).orElse(section)
                + " in the questionnaire template " + template.name + ".";
    }

    private static void proposeWording(TemplateProposal proposal, QuestionnaireTemplate template, String key, ProposalInput in) {
        proposal.questionnaireTemplate = template;
        proposal.templateName = template.name;
        Question old = template.draft.question(key).orElseThrow(() -> new Refused("Choose what to change from the list."));
        String label = in.label().trim();
        String typedHelp = in.help().trim();
        if (!PlainText.Validator.isName(label, 300) || !PlainText.Validator.fits(typedHelp, 1000)) {
            throw new Refused("Write the new wording (1 to 300 characters) and help text of up to 1,000.");
        }
        String help = typedHelp.isEmpty() ? old.help() : typedHelp; // empty keeps the current help text
        if (label.equals(old.label()) && help.equals(old.help())) {
            throw new Refused("The new wording is the same as the current one.");
        }
        proposal.details = new Details(null, key, label, help, null, null, null, null, null, old.label());
        proposal.summary = "Reword \"" + old.label() + "\" as \"" + label + "\"" + (help.equals(old.help()) ? ""
                : ", with new help text") + " in the questionnaire template " + template.name + ".";
    }

    /** parts: the template, the data model, then the field, or the direction and the event. */
    private static void proposeScopeChange(TemplateProposal proposal, OnboardingTemplate template, String[] parts) {
        proposal.onboardingTemplate = template;
        proposal.templateName = template.name;
        boolean event = proposal.change == Change.ADD_EVENT || proposal.change == Change.DROP_EVENT;
        proposal.details = event ? new Details(null, null, null, null, parts[2], null, parts[1], parts[3], null, null)
                : new Details(null, null, null, null, null, null, parts[1], null, parts[2], null);
        proposal.summary = switch (proposal.change) {
            case REQUIRE_FIELD -> "Require " + parts[1] + " " + parts[2] + " in the onboarding template " + template.name + ".";
            case DROP_FIELD -> "Stop requiring " + parts[1] + " " + parts[2] + " in the onboarding template " + template.name + ".";
            case ADD_EVENT -> "Add " + parts[1] + " " + parts[3] + " (" + direction(parts[2]) + ") to the default scope of "
                    + template.name + ".";
            default -> "Drop " + parts[1] + " " + parts[3] + " (" + direction(parts[2]) + ") from the default scope of "
                    + template.name + ".";
        };
    }

    /**
     * Carries out the proposal: the template's next version, pointing back to it. The published questions change
     * (and the draft alike), without publishing whatever else a manager has pending in the draft.
     *
     * @return the new version's number
     */
    public int accept(TemplateProposal proposal, String note, String actor) {
        if (proposal.questionnaireTemplate == null && proposal.onboardingTemplate == null) {
            throw new Refused("The template " + proposal.templateName + " was deleted; reject the proposal instead.");
        }
        String origin = "From the retrospective of " + proposal.retrospective.project.site.name + ", "
                + proposal.retrospective.project.name + (proposal.item == null ? "" : ": " + proposal.item.title);
        int number;
        if (proposal.change.questionnaire) {
            number = publishQuestionChange(proposal, origin, actor);
        } else {
            OnboardingTemplate template = proposal.onboardingTemplate;
            OnboardingTemplate.getEntityManager().refresh(template, LockModeType.PESSIMISTIC_WRITE);
            ScopeSpec scope = changed(template.scope == null ? ScopeSpec.empty() : template.scope, proposal.change, proposal.details);
            number = OnboardingTemplateVersion.publish(template, scope, origin, actor, proposal.id).number;
        }
        proposal.accept(actor, note, number);
        return number;
    }

    private int publishQuestionChange(TemplateProposal proposal, String origin, String actor) {
        Details d = proposal.details;
        QuestionnaireTemplate template = proposal.questionnaireTemplate;
        QuestionnaireTemplate.getEntityManager().refresh(template, LockModeType.PESSIMISTIC_WRITE); // one accept at a time
        // (refresh, not find: the template was loaded with the proposal, and a find would not re-read it)
        QuestionnaireTemplateVersion latest = QuestionnaireTemplateVersion.latest(template);
        QuestionnaireDefinition published = latest == null ? template.draft : latest.definition();
        QuestionnaireDefinition.Origin from = new QuestionnaireDefinition.Origin(proposal.retrospective.id, Forms.clip(origin, 300));
        QuestionnaireDefinition version;
        QuestionnaireDefinition draft;
        if (proposal.change == Change.ADD_QUESTION) {
            Question question = question(published, Forms.text(d.label()), Forms.text(d.help()), Forms.text(d.type()), Forms.text(d.options()))
                    .withOrigin(from);
            version = published.withQuestion(d.section(), question).orElseThrow(() -> new Refused(
                    "The section this question was proposed for is no longer in the template's published version."));
            draft = template.draft.withQuestion(d.section(), question).orElseThrow(() -> new Refused(
                    "The section this question was proposed for is no longer in the template's draft."));
        } else {
            Question old = published.question(d.question()).orElseThrow(() -> new Refused(
                    "The question is no longer in the template's published version."));
            if (d.previousLabel() != null && !d.previousLabel().equals(old.label())) {
                throw new Refused("The question was reworded since it was proposed (it now reads \"" + old.label()
                        + "\"); reject this proposal, or propose again from the current wording.");
            }
            version = published.withReplaced(old.reworded(d.label(), Forms.text(d.help()), from)).orElseThrow();
            draft = template.draft.question(d.question()).map(q -> template.draft.withReplaced(q.reworded(d.label(),
                    Forms.text(d.help()), from)).orElseThrow()).orElse(template.draft);
        }
        return questionnaires.publishChange(template, version, draft, origin, actor, proposal.id).number;
    }

    /** The scope with the change made, or {@link Refused} when the template no longer has what it changes. */
    static ScopeSpec changed(ScopeSpec scope, Change change, Details d) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        scope.requiredFields().forEach((model, paths) -> fields.put(model, new ArrayList<>(paths)));
        List<ScopeSpec.Row> rows = new ArrayList<>(scope.rows());
        switch (change) {
            case REQUIRE_FIELD -> {
                List<String> paths = fields.computeIfAbsent(d.model(), k -> new ArrayList<>());
                if (paths.contains(d.field())) {
                    throw new Refused("The template already requires " + d.model() + " " + d.field() + "; reject the proposal instead.");
                }
                paths.add(d.field());
            }
            case DROP_FIELD -> {
                if (!fields.getOrDefault(d.model(), new ArrayList<>()).remove(d.field())) {
                    throw new Refused("The template no longer requires " + d.model() + " " + d.field() + "; reject the proposal instead.");
                }
                if (fields.get(d.model()).isEmpty()) {
                    fields.remove(d.model());
                }
            }
            case ADD_EVENT, DROP_EVENT -> changeEvents(rows, change == Change.ADD_EVENT, d);
            default -> throw new IllegalArgumentException(change.name());
        }
        return new ScopeSpec(rows, fields, scope.patientIdentifierTypes(), scope.providerIdentifierTypes(), scope.codeSystems(),
                scope.workflows());
    }

    /** The event added to or dropped from the row of its data model and direction (the rows are changed in place). */
    private static void changeEvents(List<ScopeSpec.Row> rows, boolean added, Details d) {
        int index = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (d.model().equals(rows.get(i).dataModel()) && d.type().equals(rows.get(i).direction())) {
                index = i;
            }
        }
        if (index < 0) {
            throw new Refused("The template's default scope no longer has " + d.model() + " (" + direction(d.type()) + ").");
        }
        ScopeSpec.Row row = rows.get(index);
        List<String> events = new ArrayList<>(row.events() == null ? List.of() : row.events());
        if (added == events.contains(d.event())) {
            throw new Refused("The template's default scope " + (added ? "already has " : "no longer has ") + d.model() + " "
                    + d.event() + "; reject the proposal instead.");
        }
        if (added) {
            events.add(d.event());
        } else {
            events.remove(d.event());
        }
        rows.set(index, new ScopeSpec.Row(row.dataModel(), events, row.direction(), row.connectionMethod(),
                row.messagesPerDay(), row.peakPerHour()));
    }

    /** A question as a proposal adds it: one answer, asked once, without a condition. */
    private static Question question(QuestionnaireDefinition definition, String label, String help, String type, String options) {
        if ("TABLE".equalsIgnoreCase(type.trim())) {
            throw new Refused("Propose a question with a single answer; tables are added in the template editor.");
        }
        if (options.length() > 5000) {
            throw new Refused("Keep the options to 5,000 characters, one per line.");
        }
        try {
            return QuestionForms.question(definition, Map.of("label", label, "help", help, "type", type, "options", options,
                    "repeat", "ONCE"));
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
    }

    /** The kinds of answer a proposed question can have (tables and conditions are for the template editor). */
    public static List<QuestionType> questionTypes() {
        return java.util.Arrays.stream(QuestionType.values()).filter(t -> t != QuestionType.TABLE).toList();
    }

    private static String direction(String direction) {
        return "INBOUND".equals(direction) ? "inbound" : "OUTBOUND".equals(direction) ? "outbound" : Forms.text(direction).toLowerCase();
    }
}
