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
        PresenceView account, PresenceView visit, List<ProviderView> providers, List<CodedView> codes, List<NoteView> notes) {

    public record FillView(String field, int present, int of, String percent, boolean partial, boolean none) {
    }

    public record TypeView(String type, String catalog, int messages, String versions, List<FillView> fill) {
    }

    public record IdView(String type, AuthorityView authority, int patients, String shapes) {
    }

    /**
     * An assigning authority: its name (namespace, else universal ID), the rest of it when there is more ("" when not),
     * and what HL7 asks of it that it lacks ("" when nothing).
     */
    public record AuthorityView(String name, String whole, String details, String problem) {
        public boolean empty() {
            return name.isEmpty() && details.isEmpty();
        }
    }

    public record PresenceView(String field, int present, int of, String percent, String shapes, String types) {
    }

    public record ProviderView(String field, String type, AuthorityView authority, int count, String shapes) {
    }

    /**
     * A coding system in a coded field: {@code percent} of the field's occurrences have a code in it; {@code split}
     * says how many as primary and alternate code when any is alternate; {@code title} is its name in HL7 table 0396.
     */
    public record SystemView(String system, String title, String kind, boolean flagged, int count, String percent, String split,
            int textOnly) {
    }

    /** {@code values}: occurrences (codes, in profiles from before occurrences were counted: {@code perCode}). */
    public record CodedView(String model, String field, int values, boolean perCode, String gaps, List<SystemView> systems) {
    }

    /** A conformance note and where it was seen ("in message 7", "3 times in 2 messages: 7, 12"). */
    public record NoteView(String note, String where) {
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
                authority(i.assigningAuthority()), i.patients(), shapes(i.shapes()))).toList();
        String perPatient = d.idsPerPatient() == null ? "" : d.idsPerPatient().min() == d.idsPerPatient().max()
                ? d.idsPerPatient().min() + " per patient"
                : d.idsPerPatient().min() + " to " + d.idsPerPatient().max() + " per patient";
        List<ProviderView> providers = d.providers().stream().map(s -> new ProviderView(s.field(),
                s.type().isEmpty() ? "(no type)" : s.type(), authority(s.assigningAuthority()), s.count(), shapes(s.shapes()))).toList();
        List<CodedView> codes = d.codes().stream().map(c -> new CodedView(c.model().isEmpty() ? "(not mapped)" : c.model(), c.field(),
                c.values(), !c.perOccurrence(), gaps(c), c.systems().stream()
                        .filter(s -> s.count() > 0 || s.textOnly() > 0)
                        .map(s -> new SystemView(s.system().isEmpty() ? "(no system)" : s.system(), CodeSystems.title(s.system()),
                                s.kindLabel(), s.flagged(), s.count(), Suggestions.percent(s.count(), c.values()),
                                Suggestions.split(s, c.values()), s.textOnly())).toList())).toList();
        List<NoteView> notes = d.notes().stream().map(n -> new NoteView(n.note(), where(n))).toList();
        return new ProfileView(p.id, Dates.at(p.createdAt, siteZone), p.createdBy, p.format, d.messages(), d.profiled(), d.failed(),
                d.failedIndexes().stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + (d.failed() > d.failedIndexes().size() ? " and " + (d.failed() - d.failedIndexes().size()) + " more" : ""),
                SampleInput.megabytes(p.inputBytes).equals("0.0 MB") ? String.format(Locale.ROOT, "%,d bytes", p.inputBytes)
                        : SampleInput.megabytes(p.inputBytes),
                types, ids, perPatient, presence(d.accountNumber()), presence(d.visitNumber()), providers, codes, notes);
    }

    static AuthorityView authority(ProfileData.Hd hd) {
        String details = hd.universalId().isEmpty() && hd.universalIdType().isEmpty() ? ""
                : "Universal ID " + (hd.universalId().isEmpty() ? "(none)" : hd.universalId()) + ", type "
                        + (hd.universalIdType().isEmpty() ? "(none)" : hd.universalIdType());
        return new AuthorityView(hd.shortName(), hd.label(), details, hd.problem());
    }

    /** Occurrences without a code: "2 text only, 1 empty" ("" when every one had a code). */
    private static String gaps(ProfileData.CodedField c) {
        if (!c.perOccurrence()) {
            return "";
        }
        String text = c.textOnly() == 0 ? "" : c.textOnly() + " text only";
        String empty = c.noCode() == 0 ? "" : c.noCode() + " empty";
        return text.isEmpty() || empty.isEmpty() ? text + empty : text + ", " + empty;
    }

    private static String where(ProfileData.Note n) {
        String list = n.examples().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (n.messages() > n.examples().size() ? "…" : "");
        if (n.messages() == 0) {
            return n.occurrences() == 1 ? "" : n.occurrences() + " times";
        }
        if (n.messages() == 1) {
            return (n.occurrences() == 1 ? "" : n.occurrences() + " times ") + "in message " + list;
        }
        return n.occurrences() + " times in " + n.messages() + " messages: " + list;
    }

    private static PresenceView presence(Presence p) {
        return p == null ? null : new PresenceView(p.field(), p.present(), p.of(), Suggestions.percent(p.present(), p.of()),
                shapes(p.shapes()), String.join(", ", p.types()));
    }

    private static String shapes(List<Shape> shapes) {
        return shapes.stream().map(Shape::shape).collect(Collectors.joining(", "));
    }
}
