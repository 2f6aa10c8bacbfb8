package io.jenkins.plugins.gitops.engine.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bodies sent to receivers (docs/notifications.md, "Payloads"). The generic webhook gets the event as one
 * flat JSON object; a Slack-compatible receiver gets {@code text} (the fallback Slack shows in notifications)
 * and Block Kit {@code blocks}, as Slack's incoming webhooks accept them (api.slack.com/messaging/webhooks),
 * with {@code &}, {@code <} and {@code >} escaped as Slack's message formatting requires.
 */
public final class Payloads {
    /** The {@code apiVersion} of the generic payload; a new field does not change it, a changed one does. */
    public static final String API_VERSION = "gitops.jenkins.io/v1";
    public static final String KIND = "GitOpsNotification";
    /** Slack refuses a section text over 3000 characters. */
    static final int MAX_SECTION = 2900;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    /** The body for {@code receiver}'s type. */
    public static String body(Receiver receiver, NotificationEvent event) {
        return receiver.type() == Receiver.Type.SLACK ? slack(event) : webhook(event, receiver.name());
    }

    /** The generic JSON payload; null fields are written as null so that every key is always present. */
    public static String webhook(NotificationEvent event, String receiver) {
        ObjectNode body = JSON.createObjectNode();
        body.put("apiVersion", API_VERSION);
        body.put("kind", KIND);
        body.put("trigger", event.trigger().id());
        body.put("environment", event.environment());
        body.put("revision", event.revision());
        body.put("recordId", event.recordId());
        body.put("result", event.result());
        body.put("message", event.message());
        body.put("operation", event.operation());
        body.put("actor", event.actor());
        body.put("link", event.link());
        body.put("time", event.time() == null ? null : event.time().toString());
        body.put("receiver", receiver);
        return body.toString();
    }

    /** {@code {"text": ..., "blocks": [section, context]}}. */
    public static String slack(NotificationEvent event) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", escape(event.headline() + (event.message() == null ? "" : " - " + firstLine(event.message()))));
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        String headline = "*" + escape(event.trigger().id()) + "* `" + escape(event.environment()) + "`"
                + (event.revision() == null ? "" : " @ `" + escape(event.shortRevision()) + "`") + ": " + escape(event.result());
        String message = event.message() == null ? "" : "\n" + escape(event.message());
        section.putObject("text").put("type", "mrkdwn").put("text", clip(headline + message));
        ObjectNode context = blocks.addObject();
        context.put("type", "context");
        StringBuilder facts = new StringBuilder();
        facts.append(escape(event.operation() == null ? "" : event.operation()));
        if (event.actor() != null) {
            facts.append(" by ").append(escape(event.actor()));
        }
        if (event.recordId() != null) {
            facts.append(" · record ").append(escape(event.recordId()));
        }
        if (event.link() != null) {
            facts.append(" · <").append(escape(event.link())).append("|open>");
        }
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text",
                clip(facts.toString().isBlank() ? escape(event.environment()) : facts.toString().strip()));
        return body.toString();
    }

    /** Slack's three control characters (api.slack.com/reference/surfaces/formatting#escaping). */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String clip(String text) {
        return text.length() <= MAX_SECTION ? text : text.substring(0, MAX_SECTION) + "…";
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
