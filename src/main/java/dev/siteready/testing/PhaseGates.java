package dev.siteready.testing;

import dev.siteready.testing.TestPhase.Kind;
import dev.siteready.testing.TestPhase.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules between phases, checked by the server on every change (buttons only mirror them). A phase may always
 * go back to "not started", be marked blocked, or (when optional) be skipped. Starting or passing it needs:
 * <ul>
 * <li>Functional: passes when every in-scope checklist item passed.</li>
 * <li>Integrated: starts after Functional passed, unless a manager overrides with a reason; passes when Functional
 * passed (no override), every workflow has a passing run and no blocking issue is open.</li>
 * <li>UAT: scheduled (dates set) or started only when every workflow has a passing integrated run.</li>
 * <li>Production testing: after Integrated passed and UAT passed or skipped, once its time is scheduled.</li>
 * <li>Go-live: every phase before it passed (optional ones passed or skipped), as they stand now, and both
 * sides signed off the current scope version.</li>
 * </ul>
 */
record PhaseGates(Map<Kind, Status> statuses, int checklistItems, int checklistPassed, int workflows,
        List<String> workflowsWithoutPassingRun, int openBlockingIssues, boolean vendorSigned, boolean partnerSigned,
        boolean productionScheduled) {

    /** The same gates for a request that sets production testing's time (or clears it). */
    public PhaseGates withProductionScheduled(boolean scheduled) {
        return new PhaseGates(statuses, checklistItems, checklistPassed, workflows, workflowsWithoutPassingRun,
                openBlockingIssues, vendorSigned, partnerSigned, scheduled);
    }

    /** Why the change is refused, or empty when it is allowed. */
    public Optional<String> refusal(Kind kind, Status target, boolean scheduling, boolean override) {
        if (target == Status.SKIPPED && !kind.optional) {
            return Optional.of(kind.label + " cannot be skipped: only UAT and production testing are optional.");
        }
        boolean starting = target == Status.IN_PROGRESS || target == Status.PASSED;
        return switch (kind) {
            case FUNCTIONAL -> functional(target);
            case INTEGRATED -> integrated(target, override);
            case UAT -> uat(starting || scheduling);
            case PRODUCTION -> production(target, starting);
            case GO_LIVE -> goLive(target, starting);
        };
    }

    private Optional<String> functional(Status target) {
        List<String> missing = new ArrayList<>();
        if (target == Status.PASSED && checklistItems == 0) {
            missing.add("its checklist has items (it is empty: tick the event types in scope first)");
        } else if (target == Status.PASSED && checklistPassed < checklistItems) {
            missing.add("every checklist item has passed (" + checklistPassed + " of " + checklistItems + " have)");
        }
        return refusal(Kind.FUNCTIONAL, target, missing);
    }

    private Optional<String> integrated(Status target, boolean override) {
        if (target == Status.IN_PROGRESS && status(Kind.FUNCTIONAL) != Status.PASSED && !override) {
            return Optional.of("Integrated testing starts after functional testing passed (it is "
                    + status(Kind.FUNCTIONAL).label.toLowerCase() + "). A manager can override this with a reason.");
        }
        List<String> missing = new ArrayList<>();
        if (target == Status.PASSED) {
            needs(missing, Kind.FUNCTIONAL, false); // an override starts integrated testing early, never passes it
            workflowsMissing(missing);
            if (openBlockingIssues > 0) {
                missing.add("no blocking issue is open (" + openBlockingIssues + (openBlockingIssues == 1 ? " still is)" : " still are)"));
            }
        }
        return refusal(Kind.INTEGRATED, target, missing).map(this::withWorkflowNames);
    }

    private Optional<String> uat(boolean startingOrScheduling) {
        if (!startingOrScheduling || workflows > 0 && workflowsWithoutPassingRun.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(withWorkflowNames("UAT can be scheduled only when every workflow has a passing integrated run"
                + (workflows == 0 ? " (the scope has no workflows yet)." : " (" + passingWorkflows() + ")."))
                + (workflows == 0 ? " Name them on the project page." : ""));
    }

    private Optional<String> production(Status target, boolean starting) {
        List<String> missing = new ArrayList<>();
        if (starting) {
            needs(missing, Kind.INTEGRATED, false);
            needs(missing, Kind.UAT, true);
            if (!productionScheduled) {
                missing.add("its time at the site is scheduled");
            }
        }
        return refusal(Kind.PRODUCTION, target, missing);
    }

    private Optional<String> goLive(Status target, boolean starting) {
        List<String> missing = new ArrayList<>();
        if (starting) {
            needs(missing, Kind.FUNCTIONAL, false);
            needs(missing, Kind.INTEGRATED, false);
            needs(missing, Kind.UAT, true);
            needs(missing, Kind.PRODUCTION, true);
            if (!vendorSigned || !partnerSigned) {
                missing.add("the current scope version has sign-off from "
                        + (!vendorSigned && !partnerSigned ? "both sides" : !vendorSigned ? "the vendor side" : "the health system"));
            }
        }
        return refusal(Kind.GO_LIVE, target, missing);
    }

    /**
     * One plain sentence: "Integrated testing can pass only when every workflow has a passing run (2 of 3 have one)."
     * Several conditions are listed with commas and "and"; empty when nothing is missing.
     */
    private static Optional<String> refusal(Kind kind, Status target, List<String> missing) {
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String can = kind == Kind.GO_LIVE ? " can go ahead only when " : target == Status.PASSED ? " can pass only when "
                : " can start only when ";
        String conditions = missing.size() == 1 ? missing.get(0)
                : String.join(", ", missing.subList(0, missing.size() - 1)) + " and " + missing.get(missing.size() - 1);
        return Optional.of(kind.label + can + conditions + ".");
    }

    /** What keeps the phase from starting, in words, or null when it may start. */
    public String waitingFor(Kind kind) {
        return refusal(kind, Status.IN_PROGRESS, kind == Kind.UAT, false).orElse(null);
    }

    /** Starting Integrated testing now would need a manager's override. */
    public boolean integratedNeedsOverride() {
        return status(Kind.FUNCTIONAL) != Status.PASSED;
    }


    public Status status(Kind kind) {
        return statuses.getOrDefault(kind, Status.NOT_STARTED);
    }

    private void needs(List<String> missing, Kind phase, boolean skippable) {
        Status s = status(phase);
        if (s != Status.PASSED && !(skippable && s == Status.SKIPPED)) {
            missing.add(phase.label.toLowerCase().replace("uat", "UAT") + (skippable ? " has passed or was skipped" : " has passed")
                    + " (it is " + s.label.toLowerCase() + ")");
        }
    }

    private void workflowsMissing(List<String> missing) {
        if (workflows == 0) {
            missing.add("the scope names its workflows (it has none yet)");
        } else if (!workflowsWithoutPassingRun.isEmpty()) {
            missing.add("every workflow has a passing run (" + passingWorkflows() + ")");
        }
    }

    /** "2 of 3 have one", "1 of 3 has one", "none of 2 has one yet". */
    private String passingWorkflows() {
        int passing = workflows - workflowsWithoutPassingRun.size();
        return (passing == 0 ? "none" : String.valueOf(passing)) + " of " + workflows + (passing > 1 ? " have one" : " has one")
                + (passing == 0 ? " yet" : "");
    }

    /** The refusal followed by the workflows still without a passing run, by name, when there are any. */
    private String withWorkflowNames(String refusal) {
        return workflows == 0 || workflowsWithoutPassingRun.isEmpty() ? refusal
                : refusal + " Without one yet: " + String.join(", ", workflowsWithoutPassingRun) + ".";
    }
}
