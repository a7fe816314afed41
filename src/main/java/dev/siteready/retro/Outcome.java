package dev.siteready.retro;

/** What a change to a retrospective came to: done, with what it changed or made, or refused, with the input to show again. */
record Outcome<T>(T done, RefusedInput refused) {

    static <T> Outcome<T> done(T value) {
        return new Outcome<>(value, null);
    }

    static <T> Outcome<T> refused(RefusedInput refused) {
        return new Outcome<>(null, refused);
    }

    boolean isRefused() {
        return refused != null;
    }
}
