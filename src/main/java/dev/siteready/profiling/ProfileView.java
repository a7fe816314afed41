package dev.siteready.profiling;

import dev.siteready.profiling.ProfileData.Presence;
import dev.siteready.profiling.ProfileData.Shape;
import dev.siteready.project.Hl7Tables;
import dev.siteready.web.Dates;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** A stored profile as the samples page shows it: its tables in words, counts and percentages. */
record ProfileView(UUID id, String when, String by, String format, int messages, int profiled, int failed,
        String failedIndexes, String size, List<TypeView> types, List<IdView> patientIds, String idsPerPatient,
        PresenceView account, PresenceView visit, List<ProviderView> providers, List<CodedView> codes) {

    public record FillView(String field, int present, int of, String percent, boolean partial, boolean none) {
    }

    public record TypeView(String type, String catalog, int messages, String versions, List<FillView> fill) {
    }

    public record IdView(String type, String authority, int patients, String shapes) {
    }

    public record PresenceView(String field, int present, int of, String percent, String shapes, String types) {
    }

    public record ProviderView(String field, String type, String authority, int count, String shapes) {
    }

    public record SystemView(String system, String kind, boolean flagged, int count, String percent) {
    }

    public record CodedView(String model, String field, int values, List<SystemView> systems) {
    }

    /** The profile with its times in the site's zone. */
    static ProfileView of(SampleProfile p, String siteZone) {
        ProfileData d = p.data;
        List<TypeView> types = d.types().stream().map(t -> new TypeView(t.type(),
                t.model().isEmpty() ? "" : t.model() + (t.event().isEmpty() ? "" : " " + t.event()), t.messages(),
                t.versions().entrySet().stream().map(e -> e.getKey() + (t.versions().size() > 1 ? " (" + e.getValue() + ")" : ""))
                        .collect(Collectors.joining(", ")),
                t.fill().stream().map(f -> new FillView(f.field(), f.present(), f.of(), Suggestions.percent(f.present(), f.of()),
                        f.present() > 0 && f.present() < f.of(), f.present() == 0)).toList())).toList();
        List<IdView> ids = d.patientIds().stream().map(i -> new IdView(i.type().isEmpty() ? "(none)" : Hl7Tables.label(Hl7Tables.IDENTIFIER_TYPES, i.type()),
                i.authority(), i.patients(), shapes(i.shapes()))).toList();
        String perPatient = d.idsPerPatient() == null ? "" : d.idsPerPatient().min() == d.idsPerPatient().max()
                ? d.idsPerPatient().min() + " per patient"
                : d.idsPerPatient().min() + " to " + d.idsPerPatient().max() + " per patient";
        List<ProviderView> providers = d.providers().stream().map(s -> new ProviderView(s.field(),
                s.type().isEmpty() ? "(no type)" : s.type(), s.authority(), s.count(), shapes(s.shapes()))).toList();
        List<CodedView> codes = d.codes().stream().map(c -> new CodedView(c.model().isEmpty() ? "(not mapped)" : c.model(), c.field(),
                c.values(), c.systems().stream().map(s -> new SystemView(s.system().isEmpty() ? "(no system)" : s.system(),
                        s.kindLabel(), s.flagged(), s.count(), Suggestions.percent(s.count(), c.values()))).toList())).toList();
        return new ProfileView(p.id, Dates.at(p.createdAt, siteZone), p.createdBy, p.format, d.messages(), d.profiled(), d.failed(),
                d.failedIndexes().stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + (d.failed() > d.failedIndexes().size() ? " and " + (d.failed() - d.failedIndexes().size()) + " more" : ""),
                SampleInput.megabytes(p.inputBytes).equals("0.0 MB") ? String.format(Locale.ROOT, "%,d bytes", p.inputBytes)
                        : SampleInput.megabytes(p.inputBytes),
                types, ids, perPatient, presence(d.accountNumber()), presence(d.visitNumber()), providers, codes);
    }

    private static PresenceView presence(Presence p) {
        return p == null ? null : new PresenceView(p.field(), p.present(), p.of(), Suggestions.percent(p.present(), p.of()),
                shapes(p.shapes()), String.join(", ", p.types()));
    }

    private static String shapes(List<Shape> shapes) {
        return shapes.stream().map(Shape::shape).collect(Collectors.joining(", "));
    }
}
