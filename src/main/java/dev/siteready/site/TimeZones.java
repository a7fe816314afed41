package dev.siteready.site;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** IANA time zones: the ones US health systems use most first, then all the others. */
final class TimeZones {

    public static final List<String> COMMON = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico",
            "America/Toronto", "America/Vancouver", "Europe/London", "UTC");

    private static final Set<String> ALL = new TreeSet<>(ZoneId.getAvailableZoneIds());

    private TimeZones() {
    }

    public static boolean isValid(String zone) {
        return zone != null && ALL.contains(zone.trim());
    }

    /** Every zone but the common ones, sorted. */
    public static List<String> others() {
        return ALL.stream().filter(z -> !COMMON.contains(z) && z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).toList();
    }

    /** A valid IANA time zone id, e.g. America/Chicago. */
    @Documented
    @Constraint(validatedBy = Valid.Check.class)
    @Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD })
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Valid {
        String message() default "Choose a time zone such as America/Chicago.";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<Valid, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return TimeZones.isValid(value);
            }
        }
    }
}
