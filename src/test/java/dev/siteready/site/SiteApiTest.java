package dev.siteready.site;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class SiteApiTest {

    @Test
    void sitesAreOnboardedListedAndReadOverJson() {
        WebSession owner = WebSession.signUp("Api Sites Co");
        String token = owner.createApiToken("sites script");

        Response created = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("""
                        {"name": "Api Hospital", "ehrVendor": "Epic", "timeZone": "America/Chicago", "status": "Scoping",
                         "contacts": [{"name": "Pat", "role": "Analyst", "email": "pat@example.org", "pager": "123"}],
                         "template": "Lab results", "somethingNew": {"ignored": true}}
                        """).post("/api/sites");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.jsonPath().getString("id");
        assertThat(created.header("Location")).endsWith("/api/sites/" + id);
        assertThat(created.jsonPath().getString("status")).isEqualTo("SCOPING");
        assertThat(created.jsonPath().getList("projects.name")).containsExactly("Initial integration");

        given().header("Authorization", "Bearer " + token).get("/api/sites?q=api").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].name", equalTo("Api Hospital"))
                .body("items[0].messagesPerDay", equalTo(2400));
        given().header("Authorization", "Bearer " + token).get("/api/sites/" + id).then().statusCode(200)
                .body("contacts[0].email", equalTo("pat@example.org"));
    }

    @Test
    void invalidSitesGetAMessagePerField() {
        WebSession owner = WebSession.signUp("Api Invalid Co");
        String token = owner.createApiToken("bad script");
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"name\": \"\", \"timeZone\": \"Nowhere\", \"contacts\": [{\"name\": \"\", \"email\": \"x\"}], \"template\": \"Nope\"}")
                .post("/api/sites").then().statusCode(400)
                .body("fields.name", equalTo("Enter the site's name."))
                .body("fields.timeZone", containsString("America/Chicago"))
                .body("fields.'contacts[0].name'", equalTo("Enter the contact's name."))
                .body("fields.'contacts[0].email'", containsString("e-mail address"))
                .body("fields.template", containsString("Nope"));
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{not json")
                .post("/api/sites").then().statusCode(400).body("status", equalTo(400));
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"name\": \"Typed\", \"timeZone\": \"UTC\", \"contacts\": \"not a list\"}")
                .post("/api/sites").then().statusCode(400).body("fields.contacts", containsString("wrong type"));
    }

    @Test
    void csvImportOverTheApiIsAllOrNothingWithLineNumbers() {
        WebSession owner = WebSession.signUp("Api Import Co");
        String token = owner.createApiToken("import script");
        given().header("Authorization", "Bearer " + token).contentType("text/csv")
                .body("name,time_zone\nOne,America/Chicago\nTwo,Atlantis/Nowhere\n").post("/api/sites/import").then()
                .statusCode(400).body("rows", hasSize(1)).body("rows[0].line", equalTo(3));
        given().header("Authorization", "Bearer " + token).contentType("text/csv")
                .body("name,time_zone\nOne,America/Chicago\nTwo,America/Denver\n").post("/api/sites/import").then()
                .statusCode(201).body("created", equalTo(2));
    }

    @Test
    void scopeIsReadAndReplacedAsJsonWithErrorsPerPath() {
        WebSession owner = WebSession.signUp("Api Scope Co");
        String token = owner.createApiToken("scope script");
        String site = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"name\": \"Scope Api Hospital\", \"timeZone\": \"America/New_York\", \"template\": \"Lab results\"}")
                .post("/api/sites").jsonPath().getString("id");
        String project = given().header("Authorization", "Bearer " + token).get("/api/sites/" + site + "/projects")
                .jsonPath().getString("[0].id");
        String scope = "/api/sites/" + site + "/projects/" + project + "/scope";

        given().header("Authorization", "Bearer " + token).get(scope).then().statusCode(200)
                .body("rows.dataModel", hasItems("Order", "Results"))
                .body("codeSystems.Results", hasItems("LN")).body("providerIdentifierTypes", hasItems("NPI"));

        given().header("Authorization", "Bearer " + token).contentType("application/json").body("""
                {"rows": [{"dataModel": "Vaccination", "events": ["Administration"], "direction": "OUTBOUND",
                           "connectionMethod": "FHIR", "messagesPerDay": 50, "unknownProperty": 1}],
                 "patientIdentifierTypes": ["MR"], "codeSystems": {"Vaccination": ["CVX"]},
                 "requiredFields": {"Vaccination": ["Vaccination.Product.Code"]},
                 "workflows": [{"name": "Dose given → registry"}]}
                """).put(scope).then().statusCode(200)
                .body("rows", hasSize(1)).body("rows[0].events", hasItems("Administration"))
                .body("requiredFields.Vaccination", hasItems("Vaccination.Product.Code"));

        given().header("Authorization", "Bearer " + token).contentType("application/json").body("""
                {"rows": [{"dataModel": "Telepathy", "direction": "SIDEWAYS", "connectionMethod": "FAX"},
                          {"dataModel": "Results", "events": ["New", "Exploded"], "direction": "INBOUND",
                           "connectionMethod": "FHIR", "messagesPerDay": -5}],
                 "patientIdentifierTypes": ["ZZ"], "codeSystems": {"Results": ["KLINGON"]}}
                """).put(scope).then().statusCode(400)
                .body("fields.'rows[0].dataModel'", containsString("Telepathy"))
                .body("fields.'rows[1].events[1]'", containsString("Exploded"))
                .body("fields.'rows[1].messagesPerDay'", containsString("0 to"))
                .body("fields.'patientIdentifierTypes[0]'", containsString("0203"))
                .body("fields.'codeSystems.Results[0]'", containsString("0396"));
        given().header("Authorization", "Bearer " + token).get(scope).then().body("rows[0].dataModel", equalTo("Vaccination"));
    }

    @Test
    void viewerTokensReadButCannotWrite() {
        WebSession owner = WebSession.signUp("Api Viewer Co");
        WebSession manager = owner.addMember("MANAGER", "Manny");
        String token = manager.createApiToken("soon read-only");
        String managerId = dev.siteready.support.Db.memberOf(manager.email).toString();
        String version = owner.page("/settings/team").selectFirst("#member-" + managerId + " input[name=version]").attr("value");
        owner.post("/settings/team/members/" + managerId + "/role", Map.of("role", "VIEWER", "version", version));

        given().header("Authorization", "Bearer " + token).get("/api/sites").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"name\": \"X\", \"timeZone\": \"UTC\"}").post("/api/sites").then().statusCode(403)
                .body("status", equalTo(403));
        String site = owner.createSite("Viewer Token Target", "Lab results").toString();
        String project = owner.firstProject(java.util.UUID.fromString(site)).toString();
        given().header("Authorization", "Bearer " + token).get("/api/sites/" + site + "/projects/" + project + "/scope")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{}")
                .put("/api/sites/" + site + "/projects/" + project + "/scope").then().statusCode(403);
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{\"name\": \"P\"}")
                .post("/api/sites/" + site + "/projects").then().statusCode(403);
        given().header("Authorization", "Bearer " + token).contentType("text/csv").body("name,time_zone\nZ,UTC\n")
                .post("/api/sites/import").then().statusCode(403);
        assertThat(owner.page("/sites/" + site).select(".scope-summary tbody tr")).hasSize(2);
    }
}
