package io.worklane.approval;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.icegreen.greenmail.util.GreenMail;
import io.worklane.support.FormBrowser;
import io.worklane.support.Http;
import io.worklane.support.SseClient;
import io.worklane.support.TestMail;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Approvals of catalog requests end to end: the requester's manager, a team with a quorum, stages,
 * rules that approve by themselves under a quota, a timeout that escalates, delegation, and decision
 * links e-mailed to a real SMTP server. Fulfilment starts only once a request is approved; a
 * rejected request is cancelled with the reason.
 */
@WorklaneTest
class ApprovalTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    GreenMail mail;

    @Autowired
    Scheduler scheduler;

    String slug;
    Http admin;
    Http rita;
    Http mark;
    Http dee;
    Http eve;

    @BeforeEach
    void aTenantWithARequesterHerManagerAndAColleague() {
        slug = tenants.stamp("approve").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        rita = person("rita", "Rita Requester", "requester");
        mark = person("mark", "Mark Manager", "requester");
        dee = person("dee", "Dee Deputy", "agent");
        setManager("rita", "mark");
    }

    @Test
    void theManagerApprovesAndOnlyThenFulfilmentStarts() {
        offering("laptop", Map.of("stages", List.of(stage("Manager", Map.of("kind", "manager"), "any"))));

        JsonNode ordered = rita.post(api("/catalog/offerings/laptop/requests"), order(1200)).json();
        String id = ordered.get("id").asString();
        assertThat(ordered.get("approval").get("status").asString()).isEqualTo("pending");
        assertThat(ordered.get("fulfilment").get("status").asString()).isEqualTo("awaiting-approval");
        assertThat(ordered.get("fulfilment").get("steps").get(0).get("status").asString()).isEqualTo("waiting");
        assertThat(ordered.get("waitingOn")).extracting(JsonNode::asString).containsExactly("Mark Manager (approval)");
        assertThat(ordered.get("expectedBy").isNull()).isFalse();
        String approval = ordered.get("approval").get("id").asString();

        JsonNode waiting = mark.get(api("/approvals")).json();
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).get("title").asString()).isEqualTo(ordered.get("title").asString());
        assertThat(rita.get(api("/approvals")).json()).isEmpty();

        var self = rita.post(api("/approvals/" + approval + "/decision"), Map.of("decision", "approve"));
        assertThat(self.status()).isEqualTo(403);
        var noReason = mark.post(api("/approvals/" + approval + "/decision"), Map.of("decision", "reject"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        var nonsense = mark.post(api("/approvals/" + approval + "/decision"), Map.of("decision", "maybe"));
        assertThat(nonsense.json().get("errors").get(0).get("field").asString()).isEqualTo("decision");
        assertThat(rita.get(api("/requests/" + id)).json().get("fulfilment").get("status").asString()).isEqualTo("awaiting-approval");

        var approved = mark.post(api("/approvals/" + approval + "/decision"), Map.of("decision", "approve", "comment", "Go ahead"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("approved");
        assertThat(mark.post(api("/approvals/" + approval + "/decision"), Map.of("decision", "approve")).status()).isEqualTo(409);

        // Approval releases the run; its first stage starts in a job right after the commit.
        await().atMost(Duration.ofSeconds(10)).until(() -> rita.get(api("/requests/" + id)).json().get("fulfilment")
                .get("steps").get(0).get("status").asString().equals("running"));
        JsonNode request = rita.get(api("/requests/" + id)).json();
        assertThat(request.get("fulfilment").get("status").asString()).isEqualTo("running");
        assertThat(request.get("fulfilment").get("steps").get(0).get("status").asString()).isEqualTo("running");
        assertThat(request.get("waitingOn")).extracting(JsonNode::asString).containsExactly("OPS (prepare)");

        JsonNode receipt = rita.get(api("/requests/" + id + "/receipt")).json().get("approval");
        JsonNode asked = receipt.get("stages").get(0).get("asked").get(0);
        assertThat(asked.get("approver").get("name").asString()).isEqualTo("Mark Manager");
        assertThat(asked.get("status").asString()).isEqualTo("approved");
        assertThat(asked.get("comment").asString()).isEqualTo("Go ahead");
        assertThat(asked.get("via").asString()).isEqualTo("api");
        assertThat(asked.get("decidedAt").isNull()).isFalse();
        assertThat(kinds(receipt)).containsExactly("requested", "asked", "approved", "stage-approved", "approval-approved");
    }

    @Test
    void aTeamQuorumOfTwoRejectsOnlyWhenTwoApprovalsCanNoLongerBeHad() {
        team("CAB", "mark", "dee", "sam");
        offering("firewall", Map.of("stages", List.of(stage("Change board", Map.of("kind", "team", "team", "CAB"), "2"))));

        JsonNode ordered = rita.post(api("/catalog/offerings/firewall/requests"), order(10)).json();
        String approval = ordered.get("approval").get("id").asString();
        JsonNode stage = ordered.get("approval").get("stages").get(0);
        assertThat(stage.get("required").asInt()).isEqualTo(2);
        assertThat(stage.get("asked")).hasSize(3);

        decide(mark, approval, "approve", null);
        decide(dee, approval, "reject", "Not this week");
        assertThat(admin.get(api("/approvals/" + approval)).json().get("status").asString()).isEqualTo("pending");
        JsonNode rejected = decide(person("sam", "Sam Second", "agent"), approval, "reject", "Too risky");

        assertThat(rejected.get("status").asString()).isEqualTo("rejected");
        assertThat(rejected.get("outcome").asString()).isEqualTo("Rejected at Change board by Sam Second: Too risky");
        JsonNode request = rita.get(api("/requests/" + ordered.get("id").asString())).json();
        assertThat(request.get("status").asString()).isEqualTo("Cancelled");
        assertThat(request.get("fulfilment").get("status").asString()).isEqualTo("cancelled");
        assertThat(request.get("fulfilment").get("error").asString()).isEqualTo("Rejected at Change board by Sam Second: Too risky");
        assertThat(request.get("waitingOn")).isEmpty();
    }

    @Test
    void stagesRunInTurnAndASilentStageEscalatesOnItsTimeout() {
        person("sam", "Sam Second", "agent");
        offering("server", Map.of("stages", List.of(
                stage("Manager", Map.of("kind", "manager"), "any"),
                Map.of("name", "Security", "approvers", Map.of("kind", "people", "people", List.of(email("sam"))),
                        "quorum", "all", "timeoutHours", 24, "onTimeout", "escalate",
                        "escalateTo", Map.of("kind", "people", "people", List.of(email("dee")))))));

        String approval = rita.post(api("/catalog/offerings/server/requests"), order(10)).json().get("approval").get("id").asString();
        decide(mark, approval, "approve", null);
        JsonNode second = admin.get(api("/approvals/" + approval)).json();
        assertThat(second.get("stage").asInt()).isEqualTo(1);
        assertThat(second.get("stages").get(1).get("asked").get(0).get("approver").get("name").asString()).isEqualTo("Sam Second");

        // A day passes without Sam: the timeout job falls due now instead.
        scheduler.reschedule(TaskInstanceId.of("approval-timeout", slug + "/" + approval + "/1/timeout"), Instant.now());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(admin.get(api("/approvals/" + approval)).json().get("stages").get(1).get("escalated").asBoolean()).isTrue());
        JsonNode escalated = admin.get(api("/approvals/" + approval)).json();
        assertThat(escalated.get("stages").get(1).get("asked")).extracting(a -> a.get("approver").get("name").asString() + ":"
                + a.get("status").asString()).containsExactly("Sam Second:withdrawn", "Dee Deputy:pending");
        assertThat(kinds(escalated)).contains("escalated");
        assertThat(escalated.get("log").get(escalated.get("log").size() - 1).get("detail").asString())
                .isEqualTo("No decision within 24 hours; asked Dee Deputy instead of Sam Second");

        assertThat(decide(dee, approval, "approve", "Covered for Sam").get("status").asString()).isEqualTo("approved");
    }

    @Test
    void aTimeoutThatRejectsSaysSo() {
        offering("quick", Map.of("stages", List.of(Map.of("name", "Manager", "approvers", Map.of("kind", "manager"),
                "timeoutHours", 1, "onTimeout", "reject"))));
        JsonNode ordered = rita.post(api("/catalog/offerings/quick/requests"), order(5)).json();
        String approval = ordered.get("approval").get("id").asString();

        scheduler.reschedule(TaskInstanceId.of("approval-timeout", slug + "/" + approval + "/0/timeout"), Instant.now());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(rita.get(api("/requests/" + ordered.get("id").asString())).json().get("status").asString()).isEqualTo("Cancelled"));
        assertThat(admin.get(api("/approvals/" + approval)).json().get("outcome").asString())
                .isEqualTo("Rejected: no decision within 1 hour at Manager");
    }

    @Test
    void rulesApproveSmallOrdersUnderAMonthlyQuotaAndAskForTheRest() {
        offering("licence", Map.of(
                "autoApprove", Map.of("when", List.of(Map.of("fact", "cost", "op", "<=", "value", 500)),
                        "quota", Map.of("per", "requester", "max", 2)),
                "stages", List.of(stage("Manager", Map.of("kind", "manager"), "any"))));

        JsonNode first = rita.post(api("/catalog/offerings/licence/requests"), order(100)).json();
        JsonNode second = rita.post(api("/catalog/offerings/licence/requests"), order(200)).json();
        JsonNode tooDear = rita.post(api("/catalog/offerings/licence/requests"), order(900)).json();
        JsonNode overQuota = rita.post(api("/catalog/offerings/licence/requests"), order(50)).json();

        assertThat(first.get("approval").get("status").asString()).isEqualTo("approved");
        assertThat(first.get("approval").get("outcome").asString())
                .isEqualTo("Approved by rule: cost <= 500 (100); quota: 1 of 2 this month per requester");
        assertThat(first.get("fulfilment").get("status").asString()).isEqualTo("running");
        assertThat(second.get("approval").get("status").asString()).isEqualTo("approved");
        assertThat(tooDear.get("approval").get("status").asString()).isEqualTo("pending");
        assertThat(detailOf(tooDear.get("approval"), "rules-not-met")).isEqualTo("cost <= 500 does not hold (900); quota exceeded: 3 of 2 this month per requester");
        assertThat(overQuota.get("approval").get("status").asString()).isEqualTo("pending");
        assertThat(detailOf(overQuota.get("approval"), "rules-not-met")).isEqualTo("quota exceeded: 3 of 2 this month per requester");
    }

    @Test
    void aDelegateDecidesWhileTheApproverIsAway() {
        offering("laptop", Map.of("stages", List.of(stage("Manager", Map.of("kind", "manager"), "any"))));
        var away = mark.post(api("/approvals/delegations"), Map.of("delegate", email("dee"), "endsAt", Instant.now().plus(Duration.ofDays(7)).toString()));
        assertThat(away.status()).as(away.body()).isEqualTo(201);
        assertThat(mark.post(api("/approvals/delegations"), Map.of("delegate", "nobody@nowhere.test")).json().get("errors"))
                .extracting(e -> e.get("field").asString()).containsExactlyInAnyOrder("delegate", "endsAt");

        String approval = rita.post(api("/catalog/offerings/laptop/requests"), order(10)).json().get("approval").get("id").asString();
        JsonNode waiting = dee.get(api("/approvals")).json();
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).get("onBehalfOf").get("name").asString()).isEqualTo("Mark Manager");

        JsonNode decided = decide(dee, approval, "approve", "For Mark");
        JsonNode asked = decided.get("stages").get(0).get("asked").get(0);
        assertThat(asked.get("approver").get("name").asString()).isEqualTo("Mark Manager");
        assertThat(asked.get("decidedBy").get("name").asString()).isEqualTo("Dee Deputy");
        JsonNode logged = decided.get("log").get(2);
        assertThat(logged.get("actor").get("name").asString()).isEqualTo("Dee Deputy");
        assertThat(logged.get("onBehalfOf").get("name").asString()).isEqualTo("Mark Manager");

        assertThat(mark.delete(api("/approvals/delegations/" + away.json().get("id").asString())).status()).isEqualTo(204);
        assertThat(dee.get(api("/approvals/delegations")).json()).isEmpty();
    }

    @Test
    void theApproverIsEmailedLinksThatWorkOnceForThemAndThatDecisionOnly() {
        offering("laptop", Map.of("stages", List.of(stage("Manager", Map.of("kind", "manager"), "any"))));
        String id = rita.post(api("/catalog/offerings/laptop/requests"), order(10)).json().get("id").asString();

        await().atMost(Duration.ofSeconds(10)).until(() -> !TestMail.to(mail, email("mark")).isEmpty());
        var message = TestMail.to(mail, email("mark")).get(0);
        String text = TestMail.text(message);
        assertThat(text).contains("Rita Requester asks for approval").contains("Cost: 10");
        String approve = TestMail.link(text, "Approve:");
        String reject = TestMail.link(text, "Reject:");
        FormBrowser anonymous = new FormBrowser(port);

        var page = anonymous.get(approve);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Approve this request as Mark Manager?");
        assertThat(rita.get(api("/requests/" + id)).json().get("approval").get("status").asString()).isEqualTo("pending");

        String token = approve.substring(approve.lastIndexOf('/') + 1);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThat(anonymous.get(approve.replace(token, tampered)).status()).isEqualTo(404);
        assertThat(Http.at(port).send("POST", approve, "comment=Fine", "application/x-www-form-urlencoded").status())
                .as("a POST without the page's CSRF token").isEqualTo(403);
        Http other = Http.at(port);
        String otherSlug = tenants.stamp("approve-other").slug();
        assertThat(other.get(approve.replace("/t/" + slug + "/", "/t/" + otherSlug + "/")).status()).isEqualTo(404);

        String csrf = FormBrowser.csrfOf(page);
        var used = anonymous.form(approve, Map.of("comment", "Fine", "_csrf", csrf));
        assertThat(used.status()).isEqualTo(200);
        assertThat(used.body()).contains("Approved by Mark Manager");
        JsonNode approval = rita.get(api("/requests/" + id)).json().get("approval");
        assertThat(approval.get("status").asString()).isEqualTo("approved");
        assertThat(approval.get("stages").get(0).get("asked").get(0).get("via").asString()).isEqualTo("link");

        var again = anonymous.form(approve, Map.of("comment", "Again", "_csrf", csrf));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("This decision was already made");
        var late = anonymous.form(reject, Map.of("comment", "Changed my mind", "_csrf", csrf));
        assertThat(late.status()).isEqualTo(409);
        assertThat(rita.get(api("/requests/" + id)).json().get("approval").get("status").asString()).isEqualTo("approved");
    }

    @Test
    void aReminderEmailsWhoeverTheStageStillWaitsOn() throws Exception {
        offering("laptop", Map.of("stages", List.of(Map.of("name", "Manager", "approvers", Map.of("kind", "manager"),
                "remindAfterHours", 24))));
        String approval = rita.post(api("/catalog/offerings/laptop/requests"), order(10)).json().get("approval").get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(mail, email("mark")).size() == 1);

        scheduler.reschedule(TaskInstanceId.of("approval-remind", slug + "/" + approval + "/0/remind"), Instant.now());

        await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(mail, email("mark")).size() == 2);
        var reminder = TestMail.to(mail, email("mark")).get(1);
        assertThat(reminder.getSubject()).startsWith("Reminder: approval needed: Offering laptop for Rita Requester");
        assertThat(TestMail.link(TestMail.text(reminder), "Approve:")).contains("/approvals/link/");
        JsonNode reminded = admin.get(api("/approvals/" + approval)).json();
        assertThat(detailOf(reminded, "reminded")).isEqualTo("Reminded Mark Manager");
        assertThat(reminded.get("stages").get(0).get("asked").get(0).get("remindedAt").isNull()).isFalse();
    }

    @Test
    void aDecisionReachesTheRequestersOpenPagesLiveAndNoOneElses() {
        offering("laptop", Map.of("stages", List.of(stage("Manager", Map.of("kind", "manager"), "any"))));
        eve = person("eve", "Eve Else", "requester");
        setManager("eve", "mark");
        JsonNode ordered = rita.post(api("/catalog/offerings/laptop/requests"), order(10)).json();
        String id = ordered.get("id").asString();
        FormBrowser ritasBrowser = new FormBrowser(port);
        ritasBrowser.signIn(slug, email("rita"), PASSWORD);
        FormBrowser evesBrowser = new FormBrowser(port);
        evesBrowser.signIn(slug, email("eve"), PASSWORD);
        Duration wait = Duration.ofSeconds(10);

        try (var page = SseClient.connect(port, "/t/" + slug + "/requests/" + id + "/events", Map.of("Cookie", ritasBrowser.sessionCookie()));
             var list = SseClient.connect(port, "/t/" + slug + "/requests/events", Map.of("Cookie", ritasBrowser.sessionCookie()));
             var evesList = SseClient.connect(port, "/t/" + slug + "/requests/events", Map.of("Cookie", evesBrowser.sessionCookie()))) {
            assertThat(page.next(wait).id()).isEqualTo("live");
            assertThat(list.next(wait).id()).isEqualTo("live");
            assertThat(evesList.next(wait).id()).isEqualTo("live");

            decide(mark, ordered.get("approval").get("id").asString(), "approve", null);

            assertThat(page.nextEvent(wait)).extracting(SseClient.Event::name, SseClient.Event::data).containsExactly("changed", id);
            assertThat(list.nextEvent(wait).data()).isEqualTo(id);
            String evesOwn = eve.post(api("/catalog/offerings/laptop/requests"), order(5)).json().get("id").asString();
            decide(mark, eve.get(api("/requests/" + evesOwn)).json().get("approval").get("id").asString(), "approve", null);
            assertThat(evesList.nextEvent(wait).data()).as("Eve hears of her own request, not of Rita's").isEqualTo(evesOwn);
        }
        assertThat(Http.at(port).basic(email("eve"), PASSWORD).get("/t/" + slug + "/requests/" + id + "/events").status())
                .isIn(302, 401, 404);
    }

    @Test
    void noOneApprovesTheirOwnRequestAsADelegateNorVotesTwice() {
        team("CAB", "mark", "dee", "sam");
        offering("firewall", Map.of("stages", List.of(stage("Change board", Map.of("kind", "team", "team", "CAB"), "2"))));
        offering("laptop", Map.of("stages", List.of(stage("Manager", Map.of("kind", "manager"), "any"))));
        String until = Instant.now().plus(Duration.ofDays(3)).toString();
        assertThat(mark.post(api("/approvals/delegations"), Map.of("delegate", email("rita"), "endsAt", until)).status()).isEqualTo(201);

        JsonNode own = rita.post(api("/catalog/offerings/laptop/requests"), order(10)).json();
        assertThat(rita.get(api("/approvals")).json()).isEmpty();
        var self = rita.post(api("/approvals/" + own.get("approval").get("id").asString() + "/decision"), Map.of("decision", "approve"));
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("detail").asString()).isEqualTo("You cannot approve your own request.");
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestMail.to(mail, email("mark")).isEmpty());
        assertThat(TestMail.to(mail, email("rita"))).as("no links for the requester as delegate").isEmpty();

        assertThat(mark.post(api("/approvals/delegations"), Map.of("delegate", email("dee"), "endsAt", until)).status()).isEqualTo(201);
        String change = rita.post(api("/catalog/offerings/firewall/requests"), order(1)).json().get("approval").get("id").asString();
        decide(dee, change, "approve", "Mine");
        var twice = dee.post(api("/approvals/" + change + "/decision"), Map.of("decision", "approve", "comment", "For Mark"));
        assertThat(twice.status()).isEqualTo(403);
        assertThat(twice.json().get("detail").asString()).isEqualTo("You have already decided at this stage.");
        assertThat(admin.get(api("/approvals/" + change)).json().get("status").asString()).isEqualTo("pending");
    }

    @Test
    void anEscalationWithNoOneNewToAskLeavesTheApproversAsked() {
        offering("server", Map.of("stages", List.of(Map.of("name", "Security",
                "approvers", Map.of("kind", "admins"), "quorum", "all",
                "timeoutHours", 24, "onTimeout", "escalate", "escalateTo", Map.of("kind", "admins")))));
        String approval = rita.post(api("/catalog/offerings/server/requests"), order(1)).json().get("approval").get("id").asString();

        scheduler.reschedule(TaskInstanceId.of("approval-timeout", slug + "/" + approval + "/0/timeout"), Instant.now());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(kinds(admin.get(api("/approvals/" + approval)).json())).contains("escalated"));
        JsonNode still = admin.get(api("/approvals/" + approval)).json();
        assertThat(detailOf(still, "escalated")).isEqualTo("No decision within 24 hours; no one else can be asked, so Ada Admin still decides");
        assertThat(still.get("status").asString()).isEqualTo("pending");
        assertThat(still.get("stages").get(0).get("asked").get(0).get("status").asString()).isEqualTo("pending");
        assertThat(decide(admin, approval, "approve", null).get("status").asString()).isEqualTo("approved");
    }

    @Test
    void aRequestClosedWhileItWaitsEndsItsApproval() {
        offering("laptop", Map.of("stages", List.of(stage("Manager", Map.of("kind", "manager"), "any"))));
        JsonNode ordered = rita.post(api("/catalog/offerings/laptop/requests"), order(10)).json();
        String approval = ordered.get("approval").get("id").asString();

        var cancelled = admin.post(api("/items/" + ordered.get("item").asString() + "/transitions"), Map.of("to", "Cancelled"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        JsonNode ended = admin.get(api("/approvals/" + approval)).json();
        assertThat(ended.get("status").asString()).isEqualTo("cancelled");
        assertThat(ended.get("stages").get(0).get("asked").get(0).get("status").asString()).isEqualTo("withdrawn");
        assertThat(mark.post(api("/approvals/" + approval + "/decision"), Map.of("decision", "approve")).status()).isEqualTo(409);
        assertThat(rita.get(api("/requests/" + ordered.get("id").asString())).json().get("fulfilment").get("status").asString())
                .isEqualTo("cancelled");
        assertThat(mark.get(api("/approvals")).json()).isEmpty();
    }

    @Test
    void quantitiesAndRuleValuesCannotSlipPastAQuota() {
        var textForNumber = admin.post(api("/catalog/offerings"), Map.of("key", "typed", "name", "Typed", "category", "Cloud",
                "team", "OPS", "form", List.of(Map.of("key", "cost", "label", "Cost", "kind", "number")),
                "approval", Map.of("autoApprove", Map.of("when", List.of(Map.of("fact", "cost", "op", "<=", "value", "500"))),
                        "stages", List.of(stage("Manager", Map.of("kind", "manager"), "any")))));
        assertThat(textForNumber.status()).isEqualTo(400);
        assertThat(textForNumber.json().get("errors").get(0).get("field").asString()).isEqualTo("approval.autoApprove.when[0].value");

        offering("seats", Map.of("autoApprove", Map.of("quota", Map.of("per", "requester", "max", 5, "quantity", "cost")),
                "stages", List.of(stage("Manager", Map.of("kind", "manager"), "any"))));
        var huge = rita.post(api("/catalog/offerings/seats/requests"), Map.of("answers", Map.of("cost", 4294967297L)));
        assertThat(huge.status()).isEqualTo(201);
        assertThat(huge.json().get("approval").get("status").asString()).isEqualTo("pending");
        var half = rita.post(api("/catalog/offerings/seats/requests"), Map.of("answers", Map.of("cost", 0.5)));
        assertThat(half.status()).isEqualTo(201);
        assertThat(half.json().get("approval").get("outcome").asString()).isEqualTo("Approved by rule: quota: 1 of 5 this month per requester");
    }

    @Test
    void aBrokenPolicyIsNamedFieldByField() {
        var refused = admin.post(api("/catalog/offerings"), Map.of("key", "bad-policy", "name", "Bad", "category", "Cloud",
                "team", "OPS", "form", List.of(Map.of("key", "cost", "label", "Cost", "kind", "number")),
                "approval", Map.of(
                        "autoApprove", Map.of("when", List.of(Map.of("fact", "price", "op", "~", "value", 1)),
                                "quota", Map.of("per", "galaxy", "max", 0)),
                        "stages", List.of(Map.of("name", "", "approvers", Map.of("kind", "team", "team", "NOPE"),
                                "quorum", "most", "timeoutHours", 0)))));

        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("approval.autoApprove.when[0].op", "approval.autoApprove.quota.per",
                "approval.autoApprove.quota.max", "approval.stages[0].name", "approval.stages[0].approvers.team",
                "approval.stages[0].quorum", "approval.stages[0].timeoutHours", "approval.stages[0].onTimeout",
                "approval.autoApprove.when[0].fact");
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        offering("laptop", Map.of("stages", List.of(stage("Manager", Map.of("kind", "manager"), "any"))));
        String approval = rita.post(api("/catalog/offerings/laptop/requests"), order(10)).json().get("approval").get("id").asString();
        String otherSlug = tenants.stamp("approve-iso").slug();
        Http otherAdmin = Http.at(port).basic(adminOf(otherSlug), PASSWORD);

        assertThat(otherAdmin.get("/t/" + otherSlug + "/api/v1/approvals/" + approval).status()).isEqualTo(404);
        assertThat(otherAdmin.post("/t/" + otherSlug + "/api/v1/approvals/" + approval + "/decision",
                Map.of("decision", "approve")).status()).isEqualTo(404);
        assertThat(person("eve", "Eve Elsewhere", "requester").get(api("/approvals/" + approval)).status()).isEqualTo(404);
        assertThat(admin.get(api("/approvals/" + approval)).json().get("status").asString()).isEqualTo("pending");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private Http person(String name, String fullName, String role) {
        var created = admin.post(api("/users"), Map.of("email", email(name), "name", fullName, "password", PASSWORD,
                "roles", List.of(role)));
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        return Http.at(port).basic(email(name), PASSWORD);
    }

    private void setManager(String person, String manager) {
        String id = userId(person);
        var changed = admin.patch(api("/users/" + id), Map.of("manager", email(manager)));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    private String userId(String person) {
        JsonNode page = admin.get(api("/users?q=" + person)).json().get("items");
        return page.get(0).get("id").asString();
    }

    private void team(String key, String... members) {
        String team = admin.post(api("/teams"), Map.of("key", key, "name", key + " team")).json().get("id").asString();
        for (String member : members) {
            person(member, Character.toUpperCase(member.charAt(0)) + member.substring(1) + " Second", "agent");
            assertThat(admin.put(api("/teams/" + team + "/members/" + userId(member)), Map.of()).status()).isIn(200, 201, 204);
        }
    }

    private void offering(String key, Map<String, Object> approval) {
        var created = admin.post(api("/catalog/offerings"), Map.of("key", key, "name", "Offering " + key,
                "category", "Hardware", "team", "OPS",
                "form", List.of(Map.of("key", "cost", "label", "Cost", "kind", "number", "required", true)),
                "approval", approval,
                "fulfilment", Map.of("steps", List.of(Map.of("name", "prepare", "kind", "manual", "team", "OPS",
                        "plannedMinutes", 60)))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static Map<String, Object> stage(String name, Map<String, Object> approvers, String quorum) {
        return Map.of("name", name, "approvers", approvers, "quorum", quorum);
    }

    private static Map<String, Object> order(int cost) {
        return Map.of("answers", Map.of("cost", cost));
    }

    private JsonNode decide(Http who, String approval, String decision, String comment) {
        var answer = who.post(api("/approvals/" + approval + "/decision"), comment == null ? Map.of("decision", decision)
                : Map.of("decision", decision, "comment", comment));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> kinds(JsonNode approval) {
        List<String> kinds = new ArrayList<>();
        approval.get("log").forEach(l -> kinds.add(l.get("kind").asString()));
        return kinds;
    }

    private static String detailOf(JsonNode approval, String kind) {
        for (JsonNode entry : approval.get("log")) {
            if (entry.get("kind").asString().equals(kind)) {
                return entry.get("detail").asString();
            }
        }
        throw new AssertionError("no " + kind + " in " + approval);
    }

    private String email(String name) {
        return name + "@" + slug + ".test";
    }

    private String api(String path) {
        return "/t/" + slug + "/api/v1" + path;
    }
}
