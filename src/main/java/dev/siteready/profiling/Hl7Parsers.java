package dev.siteready.profiling;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.ModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * HAPI's parsers as the profiler sets them up: lenient (no validation, unknown versions allowed), every version read
 * with the v2.5.1 structures, one parser per thread; and which segments v2.5.1 defines.
 */
final class Hl7Parsers {

    /** The version HAPI parses every message as (its structures are on the class path); MSH-12 is reported as sent. */
    static final String PARSE_AS = "2.5.1";

    /** One parser per thread: HAPI's parser holds state while parsing. */
    private static final ThreadLocal<PipeParser> PARSER = ThreadLocal.withInitial(Hl7Parsers::newParser);

    /** For messages whose MSH-9 names no trigger event, so no structure: every segment is read as a generic one. */
    private static final ThreadLocal<PipeParser> GENERIC = ThreadLocal.withInitial(() -> lenient(new GenericModelClassFactory()));

    private static final ConcurrentMap<String, Boolean> KNOWN = new ConcurrentHashMap<>();

    private Hl7Parsers() {
    }

    private static PipeParser newParser() {
        return lenient(new RememberingFactory());
    }

    private static PipeParser lenient(ModelClassFactory factory) {
        HapiContext context = new DefaultHapiContext(factory);
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setValidating(false);
        context.getParserConfiguration().setAllowUnknownVersions(true);
        return context.getPipeParser();
    }

    /** The parser of this thread, also for the benchmark's bare-parse comparison. */
    static PipeParser parser() {
        return PARSER.get();
    }

    /** The parser of this thread for the message: the generic one where it has no structure. */
    static PipeParser parserFor(Hl7Messages.Raw raw) {
        return raw.generic() ? GENERIC.get() : PARSER.get();
    }

    /** Whether HL7 v2.5.1 defines the segment (HAPI has a class for it); Z-segments and typos are not. */
    static boolean isKnown(String name) {
        Boolean known = KNOWN.get(name);
        if (known != null) {
            return known;
        }
        boolean found;
        try {
            Class.forName("ca.uhn.hl7v2.model.v251.segment." + name, false, Hl7Parsers.class.getClassLoader());
            found = true;
        } catch (ClassNotFoundException | LinkageError e) {
            found = false;
        }
        if (KNOWN.size() < 1_000) { // made-up names must not grow the cache without end
            KNOWN.put(name, found);
        }
        return found;
    }

    /**
     * Every version read with the v2.5.1 structures. HAPI looks a segment class up by name for every segment it parses
     * and does not remember a miss, so each Z-segment costs a search of the class path; this remembers the answers
     * (for a bounded number of names, as they come from the input).
     */
    private static final class RememberingFactory extends CanonicalModelClassFactory {
        private static final long serialVersionUID = 1L;
        private final transient ConcurrentMap<String, Optional<Class<? extends Segment>>> segments = new ConcurrentHashMap<>();

        RememberingFactory() {
            super(PARSE_AS);
        }

        @Override
        public Class<? extends Segment> getSegmentClass(String name, String version) throws HL7Exception {
            Optional<Class<? extends Segment>> found = segments.get(name);
            if (found == null) {
                found = Optional.ofNullable(super.getSegmentClass(name, version));
                if (segments.size() < 1_000) {
                    segments.put(name, found);
                }
            }
            return found.orElse(null);
        }
    }
}
