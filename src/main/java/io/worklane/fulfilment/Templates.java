package io.worklane.fulfilment;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON templates of automated steps: each {@code {{name}}} becomes the JSON value of that name
 * (a string is quoted and escaped; an unknown name is null), so no answer can break out of its value.
 */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9_.]+)\\s*}}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Templates() {
    }

    static boolean isJsonTemplate(String template) {
        try {
            JSON.readTree(PLACEHOLDER.matcher(template).replaceAll("null"));
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    static String fill(String template, Map<String, Object> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String json = JSON.writeValueAsString(values.get(placeholder.group(1)));
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(json));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }
}
