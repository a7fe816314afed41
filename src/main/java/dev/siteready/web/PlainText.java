package dev.siteready.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person could have typed: no control characters other than tab and line breaks. PostgreSQL
 * refuses NUL in text, and the others are never meant; refusing them here gives a message instead of
 * a database error.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "Remove the control characters (such as NUL) from this field.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isPlain(value);
        }

        /** A name-like value: not blank, at most max characters once trimmed, plain text. */
        public static boolean isName(String value, int max) {
            return value != null && !value.isBlank() && value.trim().length() <= max && isPlain(value);
        }

        /** Optional text: absent, or at most max characters of plain text. */
        public static boolean fits(String value, int max) {
            return value == null || (value.length() <= max && isPlain(value));
        }

        public static boolean isPlain(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                    return false;
                }
            }
            return true;
        }
    }
}
