package dev.siteready.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** A 400 from the JSON API: a summary and a message per field (JSON path, e.g. rows[0].dataModel). */
public record ApiValidationError(int status, String error, String message, Map<String, String> fields) {

    public static Response of(Map<String, String> fields) {
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiValidationError(400, "Bad Request",
                        fields.size() == 1 ? "1 field is not valid." : fields.size() + " fields are not valid.", fields))
                .build();
    }
}
