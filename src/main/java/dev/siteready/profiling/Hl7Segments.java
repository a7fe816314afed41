package dev.siteready.profiling;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.util.Terser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one parsed HL7 v2 message into the profile: its type and catalog event, patient and visit identifiers,
 * providers (XCN) and coded fields (CE/CWE) of the segments that carry them.
 */
final class Hl7Segments {

    private static final String[] XCN_PV1 = { "PV1-7", "PV1-8", "PV1-9", "PV1-17" };
    private static final int[] XCN_PV1_FIELDS = { 7, 8, 9, 17 };

    private Hl7Segments() {
    }

    static void read(Message message, Hl7Messages.Raw raw, ProfileBuilder builder) throws HL7Exception {
        List<Segment> segments = new ArrayList<>(24);
        collect(message, segments);
        Segment msh = segments.isEmpty() ? null : segments.get(0);
        if (msh == null || !"MSH".equals(msh.getName())) {
            throw new HL7Exception("The message has no MSH segment.");
        }
        String typeKey = raw.generic() ? raw.type() : text(msh, 9, 1) + "^" + text(msh, 9, 2);
        String orderControl = "";
        for (Segment s : segments) {
            if ("ORC".equals(s.getName())) {
                orderControl = text(s, 1, 1);
                break;
            }
        }
        MessageTypes.Target target = MessageTypes.of(typeKey, orderControl);
        ProfileBuilder.Message m = builder.begin(raw.number(), typeKey, target.model(), target.event(), raw.version());
        raw.notes().forEach(m::note);
        for (Segment s : segments) {
            switch (s.getName()) {
                case "PID" -> pid(s, m);
                case "PV1" -> pv1(s, m);
                case "ORC" -> providers(s, 12, "ORC-12", m);
                case "OBR" -> {
                    providers(s, 16, "OBR-16", m);
                    coded(s, 4, "OBR-4", m);
                }
                case "OBX" -> {
                    coded(s, 3, "OBX-3", m);
                    String valueType = text(s, 2, 1);
                    if (valueType.equals("CE") || valueType.equals("CWE") || valueType.equals("CNE")) {
                        coded(s, 5, "OBX-5", m);
                    }
                }
                case "DG1" -> coded(s, 3, "DG1-3", m);
                case "RXA" -> coded(s, 5, "RXA-5", m);
                case "AIS" -> coded(s, 3, "AIS-3", m);
                case "PR1" -> coded(s, 3, "PR1-3", m);
                case "AL1" -> coded(s, 3, "AL1-3", m);
                default -> {
                }
            }
        }
        m.end();
    }

    /** Every segment of the message in order, through its groups; repetitions that were never sent are not created. */
    private static void collect(Group group, List<Segment> into) throws HL7Exception {
        for (String name : group.getNames()) {
            for (Structure s : group.getAll(name)) {
                if (s instanceof Segment segment) {
                    into.add(segment);
                } else if (s instanceof Group g) {
                    collect(g, into);
                }
            }
        }
    }

    private static void pid(Segment pid, ProfileBuilder.Message m) throws HL7Exception {
        ProfileBuilder.Patient patient = m.patient();
        Type[] ids = pid.getField(3);
        for (Type cx : ids) {
            patient.id(typed(cx, 5, 1, "PID-3.5", m), hd(cx, 4, "PID-3.4", m), value(cx, 1, 1));
        }
        patient.end();
        m.field("PID-3", ids.length > 0 && !value(ids[0], 1, 1).isEmpty());
        String account = text(pid, 18, 1);
        m.account(account);
        m.field("PID-18", !account.isEmpty());
    }

    private static void pv1(Segment pv1, ProfileBuilder.Message m) throws HL7Exception {
        Type[] visit = pv1.getField(19);
        String number = visit.length == 0 ? "" : value(visit[0], 1, 1);
        m.visit(number, visit.length == 0 ? "" : typed(visit[0], 5, 1, "PV1-19.5", m));
        m.field("PV1-19", !number.isEmpty());
        for (int i = 0; i < XCN_PV1_FIELDS.length; i++) {
            providers(pv1, XCN_PV1_FIELDS[i], XCN_PV1[i], m);
        }
    }

    /** Providers (XCN): ID type XCN.13, assigning authority XCN.9; one without a type is counted as such. */
    private static void providers(Segment segment, int field, String label, ProfileBuilder.Message m) throws HL7Exception {
        boolean any = false;
        for (Type xcn : segment.getField(field)) {
            String id = value(xcn, 1, 1);
            String family = value(xcn, 2, 1);
            if (id.isEmpty() && family.isEmpty()) {
                continue;
            }
            any = true;
            m.provider(label, typed(xcn, 13, 1, label + ".13", m), hd(xcn, 9, label + ".9", m), id);
        }
        m.field(label, any);
    }

    /**
     * One occurrence of a coded field (CE/CWE/CNE), with all its repetitions: the primary code, text and coding system
     * (components 1–3) and the alternate (4–6). A value with text but no code counts as text only, with its system.
     */
    private static void coded(Segment segment, int field, String label, ProfileBuilder.Message m) throws HL7Exception {
        CodedCounts.Occurrence occurrence = m.coded(label);
        for (Type ce : segment.getField(field)) {
            Type t = ce instanceof Varies v ? v.getData() : ce;
            occurrence.primary(typed(t, 1, 1, label + ".1", m), value(t, 2, 1), typed(t, 3, 1, label + ".3", m));
            occurrence.alternate(typed(t, 4, 1, label + ".4", m), value(t, 5, 1), typed(t, 6, 1, label + ".6", m));
        }
        occurrence.end();
    }

    /** An assigning authority (HD in component {@code component}): namespace, universal ID and its type, spaces noted. */
    private static ProfileData.Hd hd(Type type, int component, String where, ProfileBuilder.Message m) {
        return new ProfileData.Hd(typed(type, component, 1, where + ".1", m), typed(type, component, 2, where + ".2", m),
                typed(type, component, 3, where + ".3", m));
    }

    /** A coded or typed value, trimmed; spaces around it, which a receiver comparing exactly would trip on, are noted. */
    private static String typed(Type type, int component, int subcomponent, String where, ProfileBuilder.Message m) {
        Primitive p = Terser.getPrimitive(type, component, subcomponent);
        String v = p == null ? null : p.getValue();
        if (v == null) {
            return "";
        }
        if (!v.isBlank() && (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1)))) {
            Map<String, Integer> notes = new HashMap<>(2);
            Hl7Messages.spaces(v, where, notes);
            notes.forEach(m::note);
        }
        return v.strip();
    }

    private static String text(Segment segment, int field, int component) throws HL7Exception {
        Type[] reps = segment.getField(field);
        return reps.length == 0 ? "" : value(reps[0], component, 1);
    }

    private static String value(Type type, int component, int subcomponent) {
        Primitive p = Terser.getPrimitive(type, component, subcomponent);
        String v = p == null ? null : p.getValue();
        return v == null ? "" : v.strip();
    }
}
