package dev.siteready.profiling;

import java.util.Map;

/**
 * The documented map from HL7 v2 message types (MSH-9 type^trigger) to the catalog's data model and event
 * (docs/sample-messages.md lists it). Orders (ORM, OML, RDE) take their event from the order control code (ORC-1).
 */
final class MessageTypes {

    record Target(String model, String event) {
        static final Target NONE = new Target("", "");
    }

    private static final Map<String, Target> MAP = Map.ofEntries(
            Map.entry("ADT^A01", new Target("PatientAdmin", "Arrival")),
            Map.entry("ADT^A02", new Target("PatientAdmin", "Transfer")),
            Map.entry("ADT^A03", new Target("PatientAdmin", "Discharge")),
            Map.entry("ADT^A04", new Target("PatientAdmin", "Registration")),
            Map.entry("ADT^A05", new Target("PatientAdmin", "PreAdmit")),
            Map.entry("ADT^A08", new Target("PatientAdmin", "VisitUpdate")),
            Map.entry("ADT^A11", new Target("PatientAdmin", "Cancel")),
            Map.entry("ADT^A12", new Target("PatientAdmin", "Cancel")),
            Map.entry("ADT^A13", new Target("PatientAdmin", "Cancel")),
            Map.entry("ADT^A28", new Target("PatientAdmin", "NewPatient")),
            Map.entry("ADT^A31", new Target("PatientAdmin", "PatientUpdate")),
            Map.entry("ADT^A40", new Target("PatientAdmin", "PatientMerge")),
            Map.entry("ADT^A42", new Target("PatientAdmin", "VisitMerge")),
            Map.entry("ORU^R01", new Target("Results", "New")),
            Map.entry("ORM^O01", new Target("Order", "New")),
            Map.entry("OML^O21", new Target("Order", "New")),
            Map.entry("SIU^S12", new Target("Scheduling", "New")),
            Map.entry("SIU^S13", new Target("Scheduling", "Reschedule")),
            Map.entry("SIU^S14", new Target("Scheduling", "Modification")),
            Map.entry("SIU^S15", new Target("Scheduling", "Cancel")),
            Map.entry("SIU^S26", new Target("Scheduling", "NoShow")),
            Map.entry("MDM^T02", new Target("Notes", "New")),
            Map.entry("MDM^T04", new Target("Notes", "New")),
            Map.entry("MDM^T06", new Target("Notes", "Replace")),
            Map.entry("MDM^T08", new Target("Notes", "Replace")),
            Map.entry("MDM^T10", new Target("Notes", "Replace")),
            Map.entry("MDM^T11", new Target("Notes", "Delete")),
            Map.entry("VXU^V04", new Target("Vaccination", "New")),
            Map.entry("RDE^O11", new Target("Medications", "New")),
            Map.entry("RAS^O17", new Target("Medications", "Administration")),
            Map.entry("DFT^P03", new Target("Financial", "Transaction")),
            Map.entry("REF^I12", new Target("Referral", "New")),
            Map.entry("REF^I13", new Target("Referral", "Modify")),
            Map.entry("REF^I14", new Target("Referral", "Cancel")));

    private MessageTypes() {
    }

    /** The catalog model and event for the type; for orders, the event follows the order control code. */
    static Target of(String type, String orderControl) {
        Target target = MAP.getOrDefault(type, Target.NONE);
        if (orderControl != null && !orderControl.isEmpty()
                && (type.equals("ORM^O01") || type.equals("OML^O21") || type.equals("RDE^O11"))) {
            String event = switch (orderControl) {
                case "CA", "OC", "DC", "OD" -> "Cancel";
                case "XO", "XX", "SC" -> "Update";
                default -> target.event();
            };
            return new Target(target.model(), event);
        }
        return target;
    }
}
