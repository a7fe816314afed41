package dev.siteready.catalog;

/** A catalog change that is refused, with the form field it concerns and a message for people. */
class CatalogException extends RuntimeException {

    public final String field;

    public CatalogException(String field, String message) {
        super(message);
        this.field = field;
    }
}
