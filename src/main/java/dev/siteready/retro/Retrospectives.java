package dev.siteready.retro;

import dev.siteready.partner.PartnerLink;
import dev.siteready.partner.PartnerLinks;
import dev.siteready.partner.ProjectLinkForm;
import dev.siteready.project.Project;
import dev.siteready.tenant.TenantContext;
import dev.siteready.web.FormErrors;
import dev.siteready.web.Forms;
import dev.siteready.web.Option;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Loading, checking and changing a project's retrospective: its date and summary, participants, items (also the
 * partner's, through a link), action items and partner links. A refused change leaves everything as it was and says
 * what to show again.
 */
@ApplicationScoped
public class Retrospectives {

    static final String ACTION_STATUS = "Choose open, done or dropped.";
    static final String ACTION_STALE = "Someone else changed this action item; the page shows it as it is now.";

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    TenantContext tenant;

    @Inject
    ItemLinks itemLinks;

    @Inject
    PartnerLinks partnerLinks;

    /** The project's retrospective, or 404 while it is not started. */
    public static Retrospective started(Project project) {
        return found(Retrospective.of(project));
    }

    static RetroItem item(Retrospective retro, UUID id) {
        return found(RetroItem.findIn(retro, id));
    }

    static RetroAction action(Retrospective retro, UUID id) {
        return found(RetroAction.findIn(retro, id));
    }

    static RetroParticipant participant(Retrospective retro, UUID id) {
        return found(RetroParticipant.findIn(retro, id));
    }

    public void start(Project project, String actor) {
        // A double click or two teammates at once: the second start finds the first one's retrospective.
        Retrospective.getEntityManager().createNativeQuery("INSERT INTO retrospective (workspace_id, id, project_id, created_by,"
                + " created_at, updated_at) VALUES (?1, gen_random_uuid(), ?2, ?3, ?4, ?4) ON CONFLICT (workspace_id, project_id) DO NOTHING")
                .setParameter(1, tenant.requireWorkspaceId()).setParameter(2, project.id).setParameter(3, actor)
                .setParameter(4, OffsetDateTime.now(clock)).executeUpdate();
    }

    public Outcome<Retrospective> saveDetails(Retrospective retro, DetailsForm form) {
        String problem = RefusedInput.first(errors(form), "heldOnADate", "summary");
        if (problem != null) {
            return Outcome.refused(RefusedInput.of("details", form.typed(), problem));
        }
        if (stale(form.version(), retro.version)) {
            return Outcome.refused(RefusedInput.stale("details", form.typed(), DetailsForm.STALE));
        }
        retro.edit(form.heldOnDate(), form.summary());
        return Outcome.done(retro);
    }

    public Outcome<RetroParticipant> addParticipant(Retrospective retro, ParticipantForm form) {
        String problem = RefusedInput.first(errors(form), "name", "role", "sideKnown");
        if (problem != null) {
            return Outcome.refused(RefusedInput.of("participant", form.typed(), problem));
        }
        return Outcome.done(RetroParticipant.add(retro, form.name(), form.role(), form.chosenSide()));
    }

    public Outcome<RetroItem> addItem(Retrospective retro, ItemForm form, String author) {
        FormErrors errors = errors(form);
        if (errors.has("sectionKnown")) {
            return Outcome.refused(RefusedInput.of("item-new", form.typed(), errors.get("sectionKnown")));
        }
        RetroItem item = new RetroItem();
        item.retrospective = retro;
        item.author = author;
        String problem = write(item, form, errors);
        if (problem != null) {
            return Outcome.refused(RefusedInput.of("item-" + form.chosenSection().name(), form.typed(), problem));
        }
        item.persist();
        return Outcome.done(item);
    }

    public Outcome<RetroItem> editItem(RetroItem item, ItemForm form) {
        String name = "item-" + item.id;
        FormErrors errors = errors(form);
        if (errors.has("sectionKnown")) {
            return Outcome.refused(RefusedInput.of(name, form.typed(), errors.get("sectionKnown")));
        }
        if (stale(form.version(), item.version)) {
            return Outcome.refused(RefusedInput.stale(name, form.typed(), ItemForm.STALE));
        }
        String problem = write(item, form, errors);
        return problem == null ? Outcome.done(item) : Outcome.refused(RefusedInput.of(name, form.typed(), problem));
    }

    /** Writes the form into the item, or returns why not and leaves the item as it was. */
    private String write(RetroItem item, ItemForm form, FormErrors errors) {
        String problem = RefusedInput.first(errors, ItemForm.CHECKED);
        if (problem != null) {
            return problem;
        }
        String link = form.link();
        Optional<Option> chosen = link.isEmpty() ? Optional.empty() : ItemLinks.find(itemLinks.options(item.retrospective.project), link);
        if (!link.isEmpty() && chosen.isEmpty() && !link.equals(item.linkValue())) {
            return ItemForm.LINK;
        }
        item.write(form.chosenSection(), form.title(), form.notes(), form.tagList());
        if (link.isEmpty()) {
            item.unlink();
        } else {
            chosen.ifPresent(o -> item.linkTo(link, o.label())); // a link to something no longer listed stays as it was
        }
        return null;
    }

    /** A note the health system's contact adds through their link; it says who wrote it. */
    public Outcome<RetroItem> addPartnerNote(Retrospective retro, PartnerLink link, PartnerNoteForm form) {
        String problem = RefusedInput.first(errors(form), "sectionKnown", "title", "notes");
        if (problem != null) {
            return Outcome.refused(RefusedInput.of("portal", form.typed(), problem));
        }
        RetroItem item = new RetroItem();
        item.retrospective = retro;
        item.author = Forms.clip(link.label, 180) + " (health system)";
        item.partnerLink = link;
        item.write(form.chosenSection(), form.title(), form.notes(), List.of());
        item.persist();
        retro.touch();
        return Outcome.done(item);
    }

    public Outcome<RetroAction> addAction(Retrospective retro, ActionForm form) {
        String problem = RefusedInput.first(errors(form), "title", "owner", "dueADate");
        RetroItem item = null;
        if (problem == null && !form.item().isEmpty()) {
            UUID id = Forms.uuid(form.item());
            item = id == null ? null : RetroItem.findIn(retro, id);
            problem = item == null ? ActionForm.ITEM : null;
        }
        if (problem != null) {
            return Outcome.refused(RefusedInput.of("action", form.typed(), problem));
        }
        return Outcome.done(RetroAction.add(retro, form.title(), form.owner(), form.dueOn(), item));
    }

    /** Marks the action open, done or dropped, unless it changed since the version the page showed. */
    public Outcome<RetroAction> moveAction(RetroAction action, String status, String version) {
        String name = "action-" + action.id;
        RetroAction.Status next = RetroAction.Status.parse(status);
        if (next == null) {
            return Outcome.refused(RefusedInput.of(name, Map.of(), ACTION_STATUS));
        }
        if (stale(Forms.text(version), action.version)) {
            return Outcome.refused(RefusedInput.stale(name, Map.of(), ACTION_STALE));
        }
        action.moveTo(next);
        RetroAction.flush(); // the row shown next carries the new version
        return Outcome.done(action);
    }

    public Outcome<PartnerLinks.Created> createLink(Project project, ProjectLinkForm form, String actor, String requestBaseUrl) {
        String problem = form.problem();
        if (problem != null) {
            return Outcome.refused(RefusedInput.of("link", form.typed(), problem));
        }
        PartnerLinks.Created created = partnerLinks.createRetrospective(project, form.label(), form.validDays(),
                actor, requestBaseUrl);
        PartnerLink.flush();
        return Outcome.done(created);
    }

    private <T> FormErrors errors(T form) {
        return FormErrors.of(validator.validate(form));
    }

    /** The form was sent for another version than the one stored (no version sent: nothing to compare). */
    private static boolean stale(String typed, Long version) {
        return !typed.isEmpty() && !typed.equals(String.valueOf(version));
    }

    private static <T> T found(T entity) {
        if (entity == null) {
            throw new NotFoundException();
        }
        return entity;
    }
}
