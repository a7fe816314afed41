package dev.siteready.retro;

import dev.siteready.partner.PartnerLink;
import dev.siteready.partner.PartnerLinks;
import dev.siteready.partner.ProjectLinkForm;
import dev.siteready.partner.ProjectLinkView;
import dev.siteready.project.Project;
import dev.siteready.retro.RetrospectivePage.ActionView;
import dev.siteready.retro.RetrospectivePage.ItemInput;
import dev.siteready.retro.RetrospectivePage.ItemView;
import dev.siteready.retro.RetrospectivePage.ParticipantView;
import dev.siteready.retro.RetrospectivePage.ProposalView;
import dev.siteready.retro.RetrospectivePage.SectionView;
import dev.siteready.testing.ProjectTesting;
import dev.siteready.web.Dates;
import dev.siteready.web.Option;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders a project's retrospective page: as it is, again with a refused form's input, or with a link just made; and
 * one action item's row for htmx. The number of queries does not grow with the retrospective.
 */
@ApplicationScoped
class RetrospectivePages {

    @CheckedTemplate(basePath = "RetrospectiveResource")
    static class Templates {
        static native TemplateInstance retrospective(RetrospectivePage page);

        static native TemplateInstance retrospective$actionRow(ActionView a);

        static native TemplateInstance retrospective$linkOptions(List<OptionGroup> groups, String selected);
    }

    @Inject
    ItemLinks itemLinks;

    /** The page; retro is null while the retrospective is not started. */
    public TemplateInstance page(Project project, Retrospective retro) {
        return Templates.retrospective(build(project, retro, RefusedInput.NONE, null));
    }

    /** The page again, with what was typed into the refused form and why (400, or 409 over someone else's change). */
    public Response refused(Project project, Retrospective retro, RefusedInput refused) {
        return Response.status(refused.status()).entity(Templates.retrospective(build(project, retro, refused, null))).build();
    }

    /** The page with the link just made: its address is shown this once. */
    public TemplateInstance withNewLink(Project project, Retrospective retro, PartnerLinks.Created created) {
        return Templates.retrospective(build(project, retro, RefusedInput.NONE, created));
    }

    /** One action item's row, with why its change was refused, if it was. */
    public Response actionRow(Project project, RetroAction action, RefusedInput refused) {
        ActionView view = actionView(action, Retrospective.path(project), Dates.zone(project.site.timeZone),
                refused == null ? null : refused.problem());
        return Response.status(refused == null ? 200 : refused.status()).entity(Templates.retrospective$actionRow(view)).build();
    }

    private RetrospectivePage build(Project project, Retrospective retro, RefusedInput in, PartnerLinks.Created created) {
        String base = Retrospective.path(project);
        String live = live(project);
        List<ProjectLinkView> links = ProjectLinkView.of(project, PartnerLink.Purpose.RETROSPECTIVE);
        Map<String, String> linkInput = in.isFor("link") ? in.values() : ProjectLinkForm.EMPTY.typed();
        List<Option> sides = sides(in);
        if (retro == null) {
            return new RetrospectivePage(project.site.id, project.site.name, project.id, project.name, base, false, live, "", "",
                    new RawString(""), "", 0, null, List.of(), List.of(), Map.of(), null, List.of(), Map.of(), null, List.of(),
                    List.of(), links, linkInput, null, null, null, sides);
        }
        Function<String, RawString> linkOptions = linkOptions(itemLinks.options(project));
        String zone = project.site.timeZone;
        // Items first: the proposals' and action items' links to them are then found loaded, without a query each.
        List<RetroItem> items = RetroItem.listFor(retro);
        List<ProposalView> proposals = TemplateProposal.listFor(retro).stream().map(p -> proposalView(p, zone)).toList();
        List<ActionView> actions = RetroAction.listFor(retro).stream().map(a -> actionView(a, base, Dates.zone(zone), null)).toList();
        List<ParticipantView> participants = RetroParticipant.listFor(retro).stream()
                .map(p -> new ParticipantView(p.id, p.name, p.role, p.side.label)).toList();
        String heldOnSaved = retro.heldOn == null ? "" : retro.heldOn.toString();
        boolean detailsTyped = in.isFor("details");
        return new RetrospectivePage(project.site.id, project.site.name, project.id, project.name, base, true, live,
                detailsTyped ? in.value("heldOn") : heldOnSaved, heldOnSaved, Markdown.render(retro.summary),
                detailsTyped ? in.value("summary") : retro.summary, retro.version, in.problemFor("details"),
                sections(items, proposals, in, base, zone, linkOptions), participants, in.isFor("participant") ? in.values() : Map.of(),
                in.problemFor("participant"), actions, in.isFor("action") ? in.values() : Map.of(), in.problemFor("action"),
                itemOptions(items, in), proposals, links, linkInput, in.problemFor("link"), created == null ? null : created.url(),
                created == null ? null : created.link().label, sides);
    }

    /**
     * The options of the "Linked to" list, rendered once for each link chosen in some form (every add form chooses
     * none) instead of once per form: a page with many items and a long catalog repeats the list in each of its forms.
     */
    private static Function<String, RawString> linkOptions(List<OptionGroup> groups) {
        Map<String, RawString> rendered = new HashMap<>();
        return link -> rendered.computeIfAbsent(link == null ? "" : link,
                l -> new RawString(Templates.retrospective$linkOptions(groups, l).render()));
    }

    /** Whether the project went live, as its test plan says. */
    private static String live(Project project) {
        ProjectTesting testing = ProjectTesting.of(project.id);
        if (testing.wentLive()) {
            return "Went live on " + (testing.goLiveEnd() == null ? "an unrecorded date" : testing.goLiveEnd()) + ".";
        }
        return "Not live yet" + (testing.goLiveStart() == null ? "" : " (go-live planned for " + testing.goLiveStart() + ")")
                + ". You can start the retrospective early.";
    }

    private static List<SectionView> sections(List<RetroItem> items, List<ProposalView> proposals, RefusedInput in, String base,
            String zone, Function<String, RawString> links) {
        Map<UUID, List<ProposalView>> byItem = proposals.stream().filter(p -> p.itemId() != null)
                .collect(Collectors.groupingBy(ProposalView::itemId, LinkedHashMap::new, Collectors.toList()));
        return Arrays.stream(RetroItem.Section.values()).map(section -> {
            String addForm = "item-" + section.name();
            List<ItemView> views = items.stream().filter(i -> i.section == section)
                    .map(i -> itemView(i, in, byItem.getOrDefault(i.id, List.of()), base, zone, links)).toList();
            ItemInput add = in.isFor(addForm) ? typedItem(in, links) : new ItemInput(section.name(), "", "", "", "", null, links.apply(""));
            return new SectionView(section.name(), section.slug(), section.label, section.prompt, section.scopeChange(), views, add,
                    in.isFor(addForm));
        }).toList();
    }

    private static ItemView itemView(RetroItem i, RefusedInput in, List<ProposalView> proposals, String base, String zone,
            Function<String, RawString> links) {
        String form = "item-" + i.id;
        ItemInput edit = in.isFor(form) ? typedItem(in, links)
                : new ItemInput(i.section.name(), i.title, i.notes, String.join(", ", i.tags), i.linkValue(), null, links.apply(i.linkValue()));
        return new ItemView(i.id, i.section.name(), i.title, Markdown.render(i.notes), List.of(i.tags),
                i.linkKind == null ? null : i.linkKind.label, i.linkLabel, i.author, i.partnerLink != null,
                Dates.at(i.createdAt, zone), i.version, proposals, edit, in.isFor(form), base + "/items/" + i.id + "/propose");
    }

    private static ItemInput typedItem(RefusedInput in, Function<String, RawString> links) {
        return new ItemInput(in.value("section"), in.value("title"), in.value("notes"), in.value("tags"), in.value("link"),
                in.problem(), links.apply(in.value("link")));
    }

    private static ProposalView proposalView(TemplateProposal p, String zone) {
        return new ProposalView(p.id, p.item == null ? null : p.item.id, p.change.label, p.summary, p.templateName(), p.status.label,
                p.status.cssClass(), p.pending(), p.proposedBy + ", " + Dates.at(p.proposedAt, zone),
                p.decidedAt == null ? "" : p.decidedBy + ", " + Dates.at(p.decidedAt, zone), p.decisionNote, p.resultingVersion);
    }

    private static ActionView actionView(RetroAction a, String base, ZoneId zone, String problem) {
        return new ActionView(a.id, a.title, a.owner, a.dueOn == null ? "" : a.dueOn.toString(), a.overdue(zone), a.status.name(),
                a.status.label, a.status.cssClass(), a.item == null ? "" : a.item.title, a.version, base + "/actions/" + a.id,
                Arrays.stream(RetroAction.Status.values()).map(s -> new Option(s.name(), s.label, s == a.status)).toList(), problem);
    }

    private static List<Option> itemOptions(List<RetroItem> items, RefusedInput in) {
        return items.stream().map(i -> new Option(i.id.toString(), i.section.label + ": " + i.title,
                in.isFor("action") && in.value("item").equals(i.id.toString()))).toList();
    }

    private static List<Option> sides(RefusedInput in) {
        String chosen = in.isFor("participant") ? in.value("side") : RetroParticipant.Side.VENDOR.name();
        return Arrays.stream(RetroParticipant.Side.values()).map(s -> new Option(s.name(), s.label, s.name().equals(chosen))).toList();
    }
}
