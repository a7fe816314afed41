package dev.siteready.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Validation messages per form field, for re-showing a form with the user's input and what to fix. */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    /** Collects Bean Validation messages by field name (the last node of each property path). */
    public static <T> FormErrors of(Set<ConstraintViolation<T>> violations) {
        FormErrors errors = new FormErrors();
        violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> {
                    String field = null;
                    for (Path.Node node : v.getPropertyPath()) {
                        field = node.getName();
                    }
                    errors.add(field == null ? "form" : field, v.getMessage());
                });
        return errors;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.getOrDefault(field, "");
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public Map<String, String> all() {
        return byField;
    }

}
