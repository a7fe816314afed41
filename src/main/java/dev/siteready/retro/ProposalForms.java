package dev.siteready.retro;

import dev.siteready.project.Project;
import dev.siteready.retro.TemplateProposal.Change;
import dev.siteready.scoping.QuestionnaireDefinition;
import dev.siteready.web.Option;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The form that turns a retrospective item into a proposed template change, aimed at what the item is linked to. */
@ApplicationScoped
class ProposalForms {

    /** What the form shows: the item, the kinds of change, what the chosen one can touch, and the input. */
    public record ProposalPage(UUID siteId, String siteName, UUID projectId, String projectName, String base, UUID itemId,
            String itemTitle, String itemLink, List<Option> changes, String change, String changeLabel, boolean questionnaire,
            List<OptionGroup> targets, Map<String, String> input, List<Option> types, String problem) {
        public String in(String field) {
            return input.getOrDefault(field, "");
        }
    }

    @Inject
    TemplateChanges changes;

    /** A new form for the change asked for, or the one the item's link suggests. */
    public ProposalPage start(Project project, RetroItem item, String change) {
        Change chosen = Change.parse(change);
        if (chosen == null) {
            chosen = suggested(item);
        }
        List<TemplateChanges.Target> targets = changes.targets(chosen);
        String target = TemplateChanges.suggested(targets, item);
        // Rewording starts from the question's current wording and help text.
        QuestionnaireDefinition.Question current = chosen == Change.REWORD_QUESTION && !target.isEmpty()
                ? TemplateChanges.question(target).orElse(null) : null;
        ProposalInput input = ProposalInput.startingAt(chosen, target, current == null ? "" : current.label(),
                current == null ? "" : current.help());
        return page(project, item, chosen, targets, input, null);
    }

    /** The form again, with the input and why it was refused. */
    public ProposalPage refused(Project project, RetroItem item, Change change, ProposalInput input, String problem) {
        return page(project, item, change, changes.targets(change), input, problem);
    }

    /** The change the item's link and section point to: data found not required drops, data missing requires. */
    private static Change suggested(RetroItem item) {
        if (item.linkKind == null) {
            return item.section == null ? Change.ADD_QUESTION : switch (item.section) {
                case NOT_REQUIRED -> Change.DROP_FIELD;
                case MISSING_DATA -> Change.REQUIRE_FIELD;
                default -> Change.ADD_QUESTION;
            };
        }
        return switch (item.linkKind) {
            case QUESTION -> Change.REWORD_QUESTION;
            case EVENT -> item.section == RetroItem.Section.MISSING_DATA ? Change.ADD_EVENT : Change.DROP_EVENT;
            case FIELD, REQUIREMENT -> item.section == RetroItem.Section.MISSING_DATA ? Change.REQUIRE_FIELD : Change.DROP_FIELD;
        };
    }

    private static ProposalPage page(Project project, RetroItem item, Change change, List<TemplateChanges.Target> targets,
            ProposalInput input, String problem) {
        Map<String, List<Option>> grouped = new LinkedHashMap<>();
        // One group per template and section (or data model): a template's 60 questions or fields are found by where they are.
        targets.forEach(t -> grouped.computeIfAbsent(t.part().isEmpty() ? t.template() : t.template() + " · " + t.part(),
                        k -> new ArrayList<>())
                .add(new Option(t.value(), t.label(), t.value().equals(input.target()))));
        String type = input.type().isEmpty() ? "SHORT_TEXT" : input.type();
        return new ProposalPage(project.site.id, project.site.name, project.id, project.name, Retrospective.path(project), item.id,
                item.title, item.linkLabel == null ? "" : item.linkKind.label + ": " + item.linkLabel,
                Arrays.stream(Change.values()).map(c -> new Option(c.name(), c.label, c == change)).toList(),
                change.name(), change.label, change.questionnaire,
                grouped.entrySet().stream().map(e -> new OptionGroup(e.getKey(), e.getValue())).toList(), input.typed(),
                TemplateChanges.questionTypes().stream().map(t -> new Option(t.name(), t.label, t.name().equals(type))).toList(), problem);
    }
}
