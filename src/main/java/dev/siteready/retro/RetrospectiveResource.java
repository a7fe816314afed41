package dev.siteready.retro;

import dev.siteready.web.Dates;
import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.catalog.DataModelEvent;
import dev.siteready.catalog.DataModelField;
import dev.siteready.partner.PartnerLink;
import dev.siteready.partner.PartnerLinks;
import dev.siteready.partner.ProjectLinkView;
import dev.siteready.project.Project;
import dev.siteready.project.ScopeService;
import dev.siteready.project.ScopeSpec;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.scoping.QuestionnaireDefinition;
import dev.siteready.scoping.QuestionnaireViews;
import dev.siteready.testing.TestPhase;
import dev.siteready.web.Flash;
import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A project's retrospective: notes per section (Markdown), participants, action items, partner links through which
 * the health system contributes, and proposals that turn an item into a template change.
 */
@Path("/sites/{siteId}/projects/{projectId}/retrospective")
@Produces(MediaType.TEXT_HTML)
public class RetrospectiveResource {

    static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,39}");

    public record Option(String value, String label, boolean selected) {
    }

    public record OptionGroup(String label, List<Option> options) {
    }

    /** What the item form shows: typed input after a refusal, else the item's values (or blanks). */
    public record ItemInput(String section, String title, String notes, String tags, String link, String problem) {
        static final ItemInput BLANK = new ItemInput("", "", "", "", "", null);
    }

    public record ProposalView(UUID id, UUID itemId, String change, String summary, String template, String statusLabel,
            String statusClass, boolean pending, String proposed, String decided, String note, Integer resultingVersion) {
    }

    public record ItemView(UUID id, String section, String title, RawString notes, List<String> tags, String linkKind,
            String linkLabel, String author, boolean fromPartner, String when, long version, List<ProposalView> proposals,
            ItemInput edit, boolean editOpen, String proposeLink) {
    }

    public record SectionView(String key, String slug, String label, String prompt, boolean scopeChange, List<ItemView> items,
            ItemInput add, boolean addOpen) {
    }

    public record ParticipantView(UUID id, String name, String role, String side) {
    }

    public record ActionView(UUID id, String title, String owner, String due, boolean overdue, String status,
            String statusLabel, String statusClass, String item, long version, String action, List<Option> statuses,
            String problem) {
    }

    /** The form a refused request came from, what was typed into it and why it was refused. */
    record Typed(String form, Map<String, String> values, String problem, PartnerLinks.Created created) {
        static final Typed NONE = new Typed("", Map.of(), null, null);

        String value(String field) {
            return values.getOrDefault(field, "");
        }

        String problemFor(String name) {
            return form.equals(name) ? problem : null;
        }
    }

    public record Page(UUID siteId, String siteName, UUID projectId, String projectName, String base, boolean started,
            String live, String heldOn, String heldOnSaved, RawString summary, String summarySource, long version,
            String detailsProblem, List<SectionView> sections, List<ParticipantView> participants, Map<String, String> participantInput,
            String participantProblem, List<ActionView> actions, Map<String, String> actionInput, String actionProblem,
            List<Option> itemOptions, List<ProposalView> proposals, List<ProjectLinkView> links,
            Map<String, String> linkInput, String linkProblem, String createdUrl, String createdLabel,
            List<OptionGroup> linkOptions, List<Option> sides) {
        public String linksPath() {
            return base + "/links";
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance retrospective(Page page);

        static native TemplateInstance retrospective$actionRow(ActionView a);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    dev.siteready.tenant.TenantContext tenant;

    @Inject
    ScopeService scopes;

    @Inject
    PartnerLinks partnerLinks;

    @GET
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId) {
        Project project = Project.require(siteId, projectId);
        return Templates.retrospective(page(project, Retrospective.of(project), Typed.NONE));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response start(@RestPath UUID siteId, @RestPath UUID projectId) {
        Project project = Project.require(siteId, projectId);
        // A double click or two teammates at once: the second start finds the first one's retrospective.
        Retrospective.getEntityManager().createNativeQuery("INSERT INTO retrospective (workspace_id, id, project_id, created_by)"
                + " VALUES (?1, gen_random_uuid(), ?2, ?3) ON CONFLICT (workspace_id, project_id) DO NOTHING")
                .setParameter(1, tenant.requireWorkspaceId()).setParameter(2, project.id).setParameter(3, Actors.describe(identity))
                .executeUpdate();
        return Flash.seeOther(base(project), "Retrospective started. Add what the team learned, section by section.");
    }

    @POST
    @Path("details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response details(@RestPath UUID siteId, @RestPath UUID projectId, MultivaluedMap<String, String> form) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = retro(project);
        Map<String, String> in = Forms.flat(form);
        String summary = in.getOrDefault("summary", "");
        String held = in.getOrDefault("heldOn", "").trim();
        LocalDate heldOn = null;
        String problem = null;
        if (!held.isEmpty()) {
            heldOn = Forms.date(held);
            if (heldOn == null) {
                problem = "Give the date the retrospective was held as a date between 2000 and 2099, or leave it empty.";
            }
        }
        if (problem == null && !PlainText.Validator.fits(summary, Retrospective.MAX_SUMMARY)) {
            problem = "Keep the summary to " + String.format(Locale.ROOT, "%,d", Retrospective.MAX_SUMMARY) + " characters of text.";
        }
        if (problem == null && stale(in, retro.version)) {
            problem = "Someone else changed the summary while you were editing. Your text is shown; save again to replace theirs.";
        }
        if (problem != null) {
            return refused(project, retro, new Typed("details", in, problem, null));
        }
        retro.heldOn = heldOn;
        retro.summary = summary.strip();
        retro.updatedAt = OffsetDateTime.now();
        return Flash.seeOther(base(project) + "#summary", "Summary saved.");
    }

    @POST
    @Path("participants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addParticipant(@RestPath UUID siteId, @RestPath UUID projectId, MultivaluedMap<String, String> form) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = retro(project);
        Map<String, String> in = Forms.flat(form);
        RetroParticipant.Side side = RetroParticipant.Side.parse(in.get("side"));
        String name = in.getOrDefault("name", "").trim();
        String role = in.getOrDefault("role", "").trim();
        String problem = !PlainText.Validator.isName(name, 120) ? "Give the participant's name, up to 120 characters."
                : !PlainText.Validator.fits(role, 120) ? "Keep the role to 120 characters."
                : side == null ? "Choose the side the participant was on." : null;
        if (problem != null) {
            return refused(project, retro, new Typed("participant", in, problem, null));
        }
        RetroParticipant participant = new RetroParticipant();
        participant.retrospective = retro;
        participant.name = name;
        participant.role = role;
        participant.side = side;
        participant.persist();
        return Flash.seeOther(base(project) + "#participants", name + " added to the participants.");
    }

    @POST
    @Path("participants/{participantId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response removeParticipant(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID participantId) {
        Project project = Project.require(siteId, projectId);
        RetroParticipant participant = RetroParticipant.find("id = ?1 and retrospective = ?2", participantId, retro(project)).firstResult();
        if (participant == null) {
            throw new NotFoundException();
        }
        participant.delete();
        return Flash.seeOther(base(project) + "#participants", participant.name + " removed from the participants.");
    }

    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addItem(@RestPath UUID siteId, @RestPath UUID projectId, MultivaluedMap<String, String> form) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = retro(project);
        Map<String, String> in = Forms.flat(form);
        RetroItem.Section section = RetroItem.Section.parse(in.get("section"));
        if (section == null) {
            return refused(project, retro, new Typed("item-new", in, "Choose the section the item belongs to.", null));
        }
        RetroItem item = new RetroItem();
        item.retrospective = retro;
        item.author = Actors.describe(identity);
        String problem = fill(item, section, in, linkOptions(project));
        if (problem != null) {
            return refused(project, retro, new Typed("item-" + section.name(), in, problem, null));
        }
        item.persist();
        return Flash.seeOther(base(project) + "#item-" + item.id, "Added to " + section.label + ".");
    }

    @POST
    @Path("items/{itemId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response editItem(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID itemId,
            MultivaluedMap<String, String> form) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = retro(project);
        RetroItem item = item(retro, itemId);
        Map<String, String> in = Forms.flat(form);
        RetroItem.Section section = RetroItem.Section.parse(in.get("section"));
        String problem = section == null ? "Choose the section the item belongs to."
                : stale(in, item.version) ? "Someone else changed this item while you were editing. Your input is shown; save again to replace theirs."
                : fill(item, section, in, linkOptions(project));
        if (problem != null) { // fill changes the item only once everything is valid
            return refused(project, retro, new Typed("item-" + itemId, in, problem, null));
        }
        item.updatedAt = OffsetDateTime.now();
        return Flash.seeOther(base(project) + "#item-" + item.id, "Item saved.");
    }

    @POST
    @Path("items/{itemId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response deleteItem(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID itemId) {
        Project project = Project.require(siteId, projectId);
        RetroItem item = item(retro(project), itemId);
        item.delete();
        return Flash.seeOther(base(project) + "#section-" + item.section.slug(), "Item \"" + item.title
                + "\" deleted. Its action items and proposals stay, without the link to it.");
    }

    @POST
    @Path("actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addAction(@RestPath UUID siteId, @RestPath UUID projectId, MultivaluedMap<String, String> form) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = retro(project);
        Map<String, String> in = Forms.flat(form);
        String title = in.getOrDefault("title", "").trim();
        String owner = in.getOrDefault("owner", "").trim();
        String due = in.getOrDefault("due", "").trim();
        String itemId = in.getOrDefault("item", "").trim();
        LocalDate dueOn = due.isEmpty() ? null : Forms.date(due);
        RetroItem item = null;
        String problem = !PlainText.Validator.isName(title, RetroAction.MAX_TITLE) ? "Say what is to be done, up to 300 characters."
                : !PlainText.Validator.isName(owner, 120) ? "Name who owns the action, up to 120 characters."
                : !due.isEmpty() && dueOn == null ? "Give the due date as a date between 2000 and 2099, or leave it empty." : null;
        if (problem == null && !itemId.isEmpty()) {
            item = Forms.uuid(itemId) == null ? null : RetroItem.findIn(retro, Forms.uuid(itemId));
            if (item == null) {
                problem = "Choose one of this retrospective's items, or none.";
            }
        }
        if (problem != null) {
            return refused(project, retro, new Typed("action", in, problem, null));
        }
        RetroAction action = new RetroAction();
        action.retrospective = retro;
        action.title = title;
        action.owner = owner;
        action.dueOn = dueOn;
        action.item = item;
        action.persist();
        return Flash.seeOther(base(project) + "#actions", "Action item added for " + owner + ".");
    }

    @POST
    @Path("actions/{actionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response updateAction(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID actionId,
            @RestForm String status, @RestForm String version, @RestHeader("HX-Request") boolean htmx) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = retro(project);
        RetroAction action = RetroAction.findIn(retro, actionId);
        if (action == null) {
            throw new NotFoundException();
        }
        RetroAction.Status next = RetroAction.Status.parse(status);
        String problem = next == null ? "Choose open, done or dropped."
                : stale(Map.of("version", version == null ? "" : version), action.version)
                        ? "Someone else changed this action item; the page shows it as it is now." : null;
        if (problem == null) {
            action.status = next;
            action.updatedAt = OffsetDateTime.now();
            RetroAction.flush();
        }
        if (htmx) {
            ActionView view = actionView(action, ZoneId.of(project.site.timeZone), problem);
            return Response.status(problem == null ? 200 : problem.startsWith("Someone") ? 409 : 400)
                    .entity(Templates.retrospective$actionRow(view)).build();
        }
        if (problem != null) {
            return Flash.seeOtherWithError(base(project) + "#action-" + action.id, problem);
        }
        return Flash.seeOther(base(project) + "#action-" + action.id, "Action item marked " + next.label.toLowerCase(Locale.ROOT) + ".");
    }

    @POST
    @Path("actions/{actionId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response deleteAction(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID actionId) {
        Project project = Project.require(siteId, projectId);
        RetroAction action = RetroAction.findIn(retro(project), actionId);
        if (action == null) {
            throw new NotFoundException();
        }
        action.delete();
        return Flash.seeOther(base(project) + "#actions", "Action item \"" + action.title + "\" deleted.");
    }

    @POST
    @Path("links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response createLink(@RestPath UUID siteId, @RestPath UUID projectId, @RestForm String label, @RestForm String days,
            @Context UriInfo uri) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = retro(project);
        Map<String, String> in = Map.of("label", label == null ? "" : label.trim(), "days", days == null ? "" : days.trim());
        String problem = PartnerLinks.problem(in.get("label"), in.get("days"));
        if (problem != null) {
            return refused(project, retro, new Typed("link", in, problem, null));
        }
        PartnerLinks.Created created = partnerLinks.createRetrospective(project, in.get("label"), Integer.parseInt(in.get("days")),
                Actors.describe(identity), uri.getBaseUri().toString());
        PartnerLink.flush();
        return Response.ok(Templates.retrospective(page(project, retro, new Typed("link", Map.of(), null, created)))).build();
    }

    @POST
    @Path("links/{linkId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response revokeLink(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID linkId) {
        Project project = Project.require(siteId, projectId);
        PartnerLink link = partnerLinks.revoke(project, linkId, PartnerLink.Purpose.RETROSPECTIVE);
        return Flash.seeOther(base(project) + "#partner-links", "The link for " + link.label + " was revoked. What they wrote stays.");
    }

    /** Where a proposal starts: the change chosen, and a form for it, aimed at what the item is linked to. */
    public record ProposalForm(UUID siteId, String siteName, UUID projectId, String projectName, String base, UUID itemId,
            String itemTitle, String itemLink, List<Option> changes, String change, String changeLabel, boolean questionnaire,
            List<OptionGroup> targets, Map<String, String> input, List<Option> types, String problem) {
        public String in(String field) {
            return input.getOrDefault(field, "");
        }
    }

    @CheckedTemplate
    static class ProposalTemplates {
        static native TemplateInstance propose(ProposalForm form);
    }

    @Inject
    TemplateChanges changes;

    @GET
    @Path("items/{itemId}/propose")
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public TemplateInstance proposeForm(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID itemId,
            @RestQuery String change) {
        Project project = Project.require(siteId, projectId);
        RetroItem item = item(retro(project), itemId);
        TemplateProposal.Change chosen = TemplateProposal.Change.parse(change);
        if (chosen == null) {
            chosen = switch (item.linkKind == null ? RetroItem.LinkKind.QUESTION : item.linkKind) {
                case QUESTION -> item.linkKind == null ? TemplateProposal.Change.ADD_QUESTION : TemplateProposal.Change.REWORD_QUESTION;
                case EVENT -> TemplateProposal.Change.DROP_EVENT;
                case FIELD, REQUIREMENT -> item.section == RetroItem.Section.MISSING_DATA ? TemplateProposal.Change.REQUIRE_FIELD
                        : TemplateProposal.Change.DROP_FIELD;
            };
        }
        List<TemplateChanges.Target> targets = changes.targets(chosen);
        String target = TemplateChanges.suggested(targets, item);
        // Rewording starts from the question's current wording and help text.
        QuestionnaireDefinition.Question current = chosen == TemplateProposal.Change.REWORD_QUESTION && !target.isEmpty()
                ? TemplateChanges.question(target).orElse(null) : null;
        return ProposalTemplates.propose(proposalForm(project, item, chosen, targets, Map.of("target", target,
                "label", current == null ? "" : current.label(), "help", current == null ? "" : current.help(), "type", "SHORT_TEXT"),
                null));
    }

    @POST
    @Path("items/{itemId}/proposals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response propose(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID itemId,
            MultivaluedMap<String, String> form) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = retro(project);
        RetroItem item = item(retro, itemId);
        Map<String, String> in = Forms.flat(form);
        TemplateProposal.Change change = TemplateProposal.Change.parse(in.get("change"));
        if (change == null) {
            throw new jakarta.ws.rs.BadRequestException("Choose the kind of change.");
        }
        try {
            TemplateProposal proposal = changes.propose(retro, item, change, in, Actors.describe(identity));
            return Flash.seeOther(base(project) + "#item-" + item.id, "Proposed: " + proposal.summary
                    + " A manager accepts or rejects it under Retrospectives › Template proposals.");
        } catch (TemplateChanges.Refused e) {
            return Response.status(400).entity(ProposalTemplates.propose(proposalForm(project, item, change, changes.targets(change), in,
                    e.getMessage()))).build();
        }
    }

    private ProposalForm proposalForm(Project project, RetroItem item, TemplateProposal.Change change,
            List<TemplateChanges.Target> targets, Map<String, String> in, String problem) {
        String chosen = in.getOrDefault("target", "");
        Map<String, List<Option>> grouped = new LinkedHashMap<>();
        targets.forEach(t -> grouped.computeIfAbsent(t.template(), k -> new ArrayList<>())
                .add(new Option(t.value(), t.label(), t.value().equals(chosen))));
        String type = in.getOrDefault("type", "SHORT_TEXT");
        return new ProposalForm(project.site.id, project.site.name, project.id, project.name, base(project), item.id, item.title,
                item.linkLabel == null ? "" : item.linkKind.label + ": " + item.linkLabel,
                Arrays.stream(TemplateProposal.Change.values()).map(c -> new Option(c.name(), c.label, c == change)).toList(),
                change.name(), change.label, change.questionnaire,
                grouped.entrySet().stream().map(e -> new OptionGroup(e.getKey(), e.getValue())).toList(), in,
                TemplateChanges.questionTypes().stream().map(t -> new Option(t.name(), t.label, t.name().equals(type))).toList(), problem);
    }

    // ---- building the page ------------------------------------------------------------------------------------------

    private Response refused(Project project, Retrospective retro, Typed typed) {
        int status = typed.problem() != null && typed.problem().startsWith("Someone") ? 409 : 400;
        return Response.status(status).entity(Templates.retrospective(page(project, retro, typed))).build();
    }

    Page page(Project project, Retrospective retro, Typed typed) {
        TestPhase goLive = TestPhase.find("project = ?1 and kind = ?2", project, TestPhase.Kind.GO_LIVE).firstResult();
        boolean liveYet = goLive != null && goLive.status == TestPhase.Status.PASSED;
        String live = liveYet ? "Went live on " + (goLive.actualEnd == null ? "an unrecorded date" : goLive.actualEnd) + "."
                : "Not live yet" + (goLive != null && goLive.plannedStart != null ? " (go-live planned for " + goLive.plannedStart + ")" : "")
                        + ". You can start the retrospective early.";
        List<OptionGroup> linkOptions = linkOptions(project);
        List<ProjectLinkView> links = ProjectLinkView.of(project, PartnerLink.Purpose.RETROSPECTIVE);
        List<Option> sides = Arrays.stream(RetroParticipant.Side.values())
                .map(s -> new Option(s.name(), s.label, s.name().equals(typed.form().equals("participant") ? typed.value("side") : "VENDOR")))
                .toList();
        Map<String, String> linkInput = typed.form().equals("link") && typed.created() == null ? typed.values()
                : Map.of("label", "", "days", String.valueOf(PartnerLink.DEFAULT_DAYS));
        String base = base(project);
        if (retro == null) {
            return new Page(project.site.id, project.site.name, project.id, project.name, base, false, live, "", "", new RawString(""), "",
                    0, null, List.of(), List.of(), Map.of(), null, List.of(), Map.of(), null, List.of(), List.of(), links, linkInput, null,
                    null, null, linkOptions, sides);
        }
        List<RetroItem> items = RetroItem.listFor(retro);
        Map<UUID, List<ProposalView>> proposalsByItem = new LinkedHashMap<>();
        List<ProposalView> proposals = TemplateProposal.listFor(retro).stream().map(RetrospectiveResource::proposalView).toList();
        proposals.stream().filter(p -> p.itemId() != null).forEach(p -> proposalsByItem.computeIfAbsent(p.itemId(), k -> new ArrayList<>()).add(p));
        List<SectionView> sections = Arrays.stream(RetroItem.Section.values()).map(section -> {
            String addForm = "item-" + section.name();
            List<ItemView> views = items.stream().filter(i -> i.section == section)
                    .map(i -> itemView(i, typed, proposalsByItem.getOrDefault(i.id, List.of()), base)).toList();
            ItemInput add = typed.form().equals(addForm) ? input(typed) : new ItemInput(section.name(), "", "", "", "", null);
            return new SectionView(section.name(), section.slug(), section.label, section.prompt, section.scopeChange(), views, add,
                    typed.form().equals(addForm));
        }).toList();
        ZoneId zone = ZoneId.of(project.site.timeZone);
        List<ActionView> actions = RetroAction.listFor(retro).stream().map(a -> actionView(a, zone, null)).toList();
        boolean detailsTyped = typed.form().equals("details");
        String summarySource = detailsTyped ? typed.value("summary") : retro.summary;
        return new Page(project.site.id, project.site.name, project.id, project.name, base, true, live,
                detailsTyped ? typed.value("heldOn") : retro.heldOn == null ? "" : retro.heldOn.toString(),
                retro.heldOn == null ? "" : retro.heldOn.toString(), Markdown.render(retro.summary),
                summarySource, retro.version, typed.problemFor("details"), sections,
                RetroParticipant.listFor(retro).stream().map(p -> new ParticipantView(p.id, p.name, p.role, p.side.label)).toList(),
                typed.form().equals("participant") ? typed.values() : Map.of(), typed.problemFor("participant"), actions,
                typed.form().equals("action") ? typed.values() : Map.of(), typed.problemFor("action"),
                items.stream().map(i -> new Option(i.id.toString(), i.section.label + ": " + i.title,
                        typed.form().equals("action") && typed.value("item").equals(i.id.toString()))).toList(),
                proposals, links, linkInput, typed.problemFor("link"), typed.created() == null ? null : typed.created().url(),
                typed.created() == null ? null : typed.created().link().label, linkOptions, sides);
    }

    private static ItemInput input(Typed typed) {
        return new ItemInput(typed.value("section"), typed.value("title"), typed.value("notes"), typed.value("tags"), typed.value("link"),
                typed.problem());
    }

    private static ItemView itemView(RetroItem i, Typed typed, List<ProposalView> proposals, String base) {
        String form = "item-" + i.id;
        ItemInput edit = typed.form().equals(form) ? input(typed) : new ItemInput(i.section.name(), i.title, i.notes,
                String.join(", ", i.tags), i.linkKind == null ? "" : i.linkKind.name() + ":" + i.linkRef, null);
        return new ItemView(i.id, i.section.name(), i.title, Markdown.render(i.notes), List.of(i.tags),
                i.linkKind == null ? null : i.linkKind.label, i.linkLabel, i.author, i.partnerLink != null,
                Dates.utc(i.createdAt), i.version, proposals, edit, typed.form().equals(form),
                base + "/items/" + i.id + "/propose");
    }

    static ProposalView proposalView(TemplateProposal p) {
        return new ProposalView(p.id, p.item == null ? null : p.item.id, p.change.label, p.summary, p.templateName(), p.status.label,
                p.status.cssClass(), p.status == TemplateProposal.Status.PROPOSED, p.proposedBy + ", " + Dates.utc(p.proposedAt),
                p.decidedAt == null ? "" : p.decidedBy + ", " + Dates.utc(p.decidedAt), p.decisionNote, p.resultingVersion);
    }

    static ActionView actionView(RetroAction a, ZoneId zone, String problem) {
        boolean overdue = a.status == RetroAction.Status.OPEN && a.dueOn != null && a.dueOn.isBefore(LocalDate.now(zone));
        Project project = a.retrospective.project;
        return new ActionView(a.id, a.title, a.owner, a.dueOn == null ? "" : a.dueOn.toString(), overdue, a.status.name(),
                a.status.label, a.status.cssClass(), a.item == null ? "" : a.item.title, a.version,
                base(project) + "/actions/" + a.id, Arrays.stream(RetroAction.Status.values())
                        .map(s -> new Option(s.name(), s.label, s == a.status)).toList(), problem);
    }

    /**
     * What an item can be linked to, by name: the project's questionnaire questions, its scope requirements, and the
     * catalog events and fields of the data models in its scope.
     */
    List<OptionGroup> linkOptions(Project project) {
        ScopeSpec scope = scopes.read(project);
        Set<String> models = scope.rows().stream().map(ScopeSpec.Row::dataModel).collect(Collectors.toCollection(LinkedHashSet::new));
        List<Option> questions = new ArrayList<>();
        Questionnaire questionnaire = Questionnaire.forProject(project.id);
        if (questionnaire != null) {
            for (QuestionnaireDefinition.Section s : questionnaire.definition().sections()) {
                s.questions().forEach(q -> questions.add(new Option("QUESTION:" + q.key(),
                        s.title() + ": " + q.label().replace("{subject}", "…"), false)));
            }
        }
        List<Option> requirements = new ArrayList<>();
        scope.requiredFields().forEach((model, paths) -> paths.forEach(p ->
                requirements.add(new Option("REQUIREMENT:FIELD|" + model + "|" + p, "Required field " + model + " " + p, false))));
        scope.patientIdentifierTypes().forEach(c -> requirements.add(new Option("REQUIREMENT:PATIENT_ID|" + c, "Patient ID type " + c, false)));
        scope.providerIdentifierTypes().forEach(c -> requirements.add(new Option("REQUIREMENT:PROVIDER_ID|" + c, "Provider ID type " + c, false)));
        scope.codeSystems().forEach((model, codes) -> codes.forEach(c ->
                requirements.add(new Option("REQUIREMENT:CODE_SYSTEM|" + model + "|" + c, "Code system " + c + " for " + model, false))));
        List<Option> events = DataModelEvent.listAll().stream().filter(e -> models.contains(e.model.name))
                .map(e -> new Option("EVENT:" + e.model.name + "|" + e.name, e.model.name + " " + e.name, false)).toList();
        List<Option> fields = DataModelField.listAll().stream().filter(f -> models.contains(f.model.name))
                .map(f -> new Option("FIELD:" + f.model.name + "|" + f.path, f.model.name + " " + f.path, false)).toList();
        return List.of(new OptionGroup("Questionnaire questions", questions), new OptionGroup("Scope requirements", requirements),
                new OptionGroup("Catalog events in scope", events), new OptionGroup("Catalog fields in scope", fields));
    }

    /** Fills the item from the form; returns the problem, or null. Also used for the partner's contributions. */
    static String fill(RetroItem item, RetroItem.Section section, Map<String, String> in, List<OptionGroup> linkOptions) {
        String title = in.getOrDefault("title", "").trim();
        String notes = in.getOrDefault("notes", "");
        if (!PlainText.Validator.isName(title, RetroItem.MAX_TITLE)) {
            return "Give the item a title of 1 to " + RetroItem.MAX_TITLE + " characters.";
        }
        if (!PlainText.Validator.fits(notes, RetroItem.MAX_NOTES)) {
            return "Keep the notes to " + String.format(Locale.ROOT, "%,d", RetroItem.MAX_NOTES) + " characters of text.";
        }
        List<String> tags = new ArrayList<>();
        String rawTags = in.getOrDefault("tags", "");
        if (rawTags.length() > 1000) {
            return "Tags are up to 10 words of up to 40 letters, digits, dots or hyphens, separated by commas.";
        }
        for (String t : rawTags.split(",")) {
            String tag = t.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
            if (tag.isEmpty() || tags.contains(tag)) {
                continue;
            }
            if (!TAG.matcher(tag).matches()) {
                return "Tags are up to 10 words of up to 40 letters, digits, dots or hyphens, separated by commas.";
            }
            tags.add(tag);
        }
        if (tags.size() > RetroItem.MAX_TAGS) {
            return "Use up to 10 tags on an item.";
        }
        String link = in.getOrDefault("link", "").trim();
        Option chosen = null;
        if (!link.isEmpty()) {
            chosen = linkOptions == null ? null : linkOptions.stream().flatMap(g -> g.options().stream())
                    .filter(o -> o.value().equals(link)).findFirst().orElse(null);
            if (chosen == null && !link.equals(current(item))) {
                return "Link the item to one of the listed questions, requirements, events or fields, or to nothing.";
            }
        }
        item.section = section;
        item.title = title;
        item.notes = notes.strip();
        item.tags = tags.toArray(String[]::new);
        if (link.isEmpty()) {
            item.linkKind = null;
            item.linkRef = null;
            item.linkLabel = null;
        } else if (chosen != null) { // an existing link to something no longer listed is kept as it was
            int colon = link.indexOf(':');
            item.linkKind = RetroItem.LinkKind.valueOf(link.substring(0, colon));
            item.linkRef = clip(link.substring(colon + 1), 400);
            item.linkLabel = clip(chosen.label(), 400);
        }
        return null;
    }

    private static String current(RetroItem item) {
        return item.linkKind == null ? "" : item.linkKind.name() + ":" + item.linkRef;
    }

    static String base(Project project) {
        return "/sites/" + project.site.id + "/projects/" + project.id + "/retrospective";
    }

    private static Retrospective retro(Project project) {
        Retrospective retro = Retrospective.of(project);
        if (retro == null) {
            throw new NotFoundException();
        }
        return retro;
    }

    private static RetroItem item(Retrospective retro, UUID id) {
        RetroItem item = RetroItem.findIn(retro, id);
        if (item == null) {
            throw new NotFoundException();
        }
        return item;
    }


    private static boolean stale(Map<String, String> in, Long version) {
        String typed = in.getOrDefault("version", "");
        return !typed.isEmpty() && !typed.equals(String.valueOf(version));
    }

    static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}
