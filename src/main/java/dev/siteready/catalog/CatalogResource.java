package dev.siteready.catalog;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.web.Dates;
import dev.siteready.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The "Catalog" page: data models with their events and fields, additions, JSON import, change log. */
@Path("/catalog")
@Produces(MediaType.TEXT_HTML)
public class CatalogResource {

    static final int CHANGES_PER_PAGE = 50;

    public record EventView(UUID id, long version, String name, String description, boolean builtIn, boolean removable) {
    }

    public record FieldView(UUID id, long version, String path, String type, String description, boolean builtIn,
            boolean changeable) {
    }

    public record ModelView(UUID id, String name, String description, boolean builtIn, List<EventView> events,
            List<FieldView> fields) {
        /** Whether the refused input was for one of this model's forms (then its section opens). */
        public boolean holds(Input input) {
            return input.isEventOf(id) || input.isFieldOf(id) || fields.stream().anyMatch(f -> input.isRetypeOf(f.id()));
        }
    }

    /** What was typed into the form that failed, so it stays on screen; form names which form. */
    public record Input(String form, String name, String description, String path, String type, String json) {
        static final Input NONE = new Input("", "", "", "", "string", "");

        public boolean is(String candidate) {
            return form.equals(candidate);
        }

        public boolean isEventOf(UUID model) {
            return form.equals("event-" + model);
        }

        public boolean isFieldOf(UUID model) {
            return form.equals("field-" + model);
        }

        public boolean isRetypeOf(UUID field) {
            return form.equals("type-" + field);
        }
    }

    public record ChangeView(String when, String who, String summary) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalog(List<ModelView> models, List<String> fieldTypes, Input input,
                String problem, Catalog.ImportReport report);

        static native TemplateInstance changes(List<ChangeView> changes, int page, boolean hasNext);
    }

    @Inject
    Catalog catalog;

    @Inject
    SecurityIdentity identity;

    @Inject
    CatalogUses uses;

    @GET
    @Transactional
    public TemplateInstance page() {
        return Templates.catalog(models(), Catalog.FIELD_TYPE_LIST, Input.NONE, null, null);
    }

    @GET
    @Path("changes")
    @Transactional
    public TemplateInstance changes(@RestQuery Integer page) {
        int index = page == null || page < 1 ? 0 : Math.min(page, 100_000) - 1;
        List<CatalogChange> rows = CatalogChange.page(index, CHANGES_PER_PAGE + 1);
        List<ChangeView> views = rows.stream().limit(CHANGES_PER_PAGE)
                .map(c -> new ChangeView(Dates.utc(c.changedAt), c.changedBy, c.summary)).toList();
        return Templates.changes(views, index + 1, rows.size() > CHANGES_PER_PAGE);
    }

    @POST
    @Path("models")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    public Response addModel(@BeanParam CatalogEntryForm form) {
        Input input = new Input("model", form.name(), form.description(), "", "string", "");
        return attempt(input, () -> "Model " + catalog.addModel(form.name(), form.description(), Actors.describe(identity)).name
                + " added.");
    }

    @POST
    @Path("models/{id}/events")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    public Response addEvent(@RestPath UUID id, @BeanParam CatalogEntryForm form) {
        Input input = new Input("event-" + id, form.name(), form.description(), "", "string", "");
        return attempt(input, () -> {
            DataModelEvent event = catalog.addEvent(id, form.name(), form.description(), Actors.describe(identity));
            return "Event " + event.name + " added.";
        });
    }

    @POST
    @Path("models/{id}/fields")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    public Response addField(@RestPath UUID id, @BeanParam FieldForm form) {
        Input input = new Input("field-" + id, "", form.description(), form.path(), form.type() == null ? "string" : form.type(), "");
        return attempt(input, () -> {
            DataModelField field = catalog.addField(id, form.path(), form.type(), form.description(), Actors.describe(identity));
            return "Field " + field.path + " added.";
        });
    }

    @POST
    @Path("events/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    public Response removeEvent(@RestPath UUID id, @RestForm Long version) {
        return attempt(Input.NONE, () -> "Event " + catalog.removeEvent(id, version, Actors.describe(identity)) + " removed.");
    }

    @POST
    @Path("fields/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    public Response removeField(@RestPath UUID id, @RestForm Long version) {
        return attempt(Input.NONE, () -> "Field " + catalog.removeField(id, version, Actors.describe(identity)) + " removed.");
    }

    @POST
    @Path("fields/{id}/type")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    public Response retypeField(@RestPath UUID id, @RestForm String type, @RestForm Long version) {
        Input input = new Input("type-" + id, "", "", "", type == null ? "" : type, "");
        return attempt(input, 409, () -> "Field " + catalog.retypeField(id, type, version, Actors.describe(identity))
                + " is now of type " + type + ".");
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    public Response importJson(@RestForm String json) {
        Input input = new Input("import", "", "", "", "string", json == null ? "" : json);
        try {
            Catalog.ImportReport report = catalog.importJson(json, Actors.describe(identity), false);
            return Response.ok(render(Input.NONE, null, report)).build();
        } catch (CatalogException e) {
            return Response.status(400).entity(render(input, e.getMessage(), null)).build();
        }
    }

    private Response attempt(Input input, java.util.function.Supplier<String> change) {
        return attempt(input, input == Input.NONE ? 409 : 400, change);
    }

    /** The change done (back to the page with the message), or the page again with the input and the refusal. */
    private Response attempt(Input input, int refusedStatus, java.util.function.Supplier<String> change) {
        try {
            return Flash.seeOther("/catalog", change.get());
        } catch (CatalogException e) {
            return Response.status(refusedStatus).entity(render(input, e.getMessage(), null)).build();
        }
    }

    @Transactional
    TemplateInstance render(Input input, String problem, Catalog.ImportReport report) {
        return Templates.catalog(models(), Catalog.FIELD_TYPE_LIST, input, problem, report);
    }

    /** The whole catalog in five queries, whatever its size (what is in use: one from each feature that uses it). */
    private List<ModelView> models() {
        CatalogUsage.Used used = uses.used();
        Set<UUID> usedEvents = used.events();
        Set<UUID> usedFields = used.fields();
        Map<UUID, List<EventView>> events = DataModelEvent.listAll().stream().collect(Collectors.groupingBy(
                e -> e.model.id, LinkedHashMap::new, Collectors.mapping(e -> new EventView(e.id, e.version, e.name, e.description,
                        e.builtIn, !e.builtIn && !usedEvents.contains(e.id)), Collectors.toList())));
        Map<UUID, List<FieldView>> fields = DataModelField.listAll().stream().collect(Collectors.groupingBy(
                f -> f.model.id, LinkedHashMap::new, Collectors.mapping(f -> new FieldView(f.id, f.version, f.path, f.type,
                        f.description, f.builtIn, !f.builtIn && !usedFields.contains(f.id)), Collectors.toList())));
        return DataModel.listByName().stream()
                .map(m -> new ModelView(m.id, m.name, m.description, m.builtIn, events.getOrDefault(m.id, List.of()),
                        fields.getOrDefault(m.id, List.of())))
                .toList();
    }
}
