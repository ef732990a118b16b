package io.gatepass.cli.internal.aws.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.model.Pagination;
import io.gatepass.cli.internal.aws.params.ArgumentValues;
import io.gatepass.cli.internal.aws.params.OperationArguments.Paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Follows an operation's pages to the end as aws does (botocore's paginator): the result lists merged, the tokens
 * dropped, --page-size as the page limit, --max-items cutting the result and returning a NextToken that
 * --starting-token resumes from.
 */
public final class Pager {

    private final Pagination pagination;
    private final Paging paging;

    public Pager(Pagination pagination, Paging paging) {
        this.pagination = pagination;
        this.paging = paging;
    }

    /**
     * The pages' results: merged (what json, yaml and table print), page by page (what text prints, each page's
     * result lists alone), and the token --starting-token resumes from when --max-items cut the result.
     */
    public record Paged(ObjectNode merged, List<ObjectNode> pages, String resumeToken) {
    }

    /** Calls {@code page} (parameters to response) as often as needed and returns the merged result. */
    public ObjectNode all(ObjectNode parameters, Function<ObjectNode, ObjectNode> page) {
        return pages(parameters, page).merged();
    }

    /** Calls {@code page} (parameters to response) as often as needed. */
    public Paged pages(ObjectNode parameters, Function<ObjectNode, ObjectNode> page) {
        ObjectNode request = parameters.deepCopy();
        String inputToken = pagination.inputToken().split(",")[0];
        String outputToken = pagination.outputToken().split(",")[0];
        String primaryKey = pagination.resultKeys().get(0);
        String currentToken = null;
        int skip = 0;
        if (paging.startingToken() != null) {
            Map.Entry<String, Integer> start = decode(paging.startingToken(), inputToken);
            currentToken = start.getKey();
            skip = start.getValue();
            if (currentToken != null) {
                request.put(inputToken, currentToken);
            }
        }
        if (paging.pageSize() != null && pagination.limitKey() != null) {
            request.put(pagination.limitKey(), paging.pageSize());
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        List<ObjectNode> pages = new ArrayList<>();
        String resumeToken = null;
        int total = 0;
        String previous = null;
        while (true) {
            ObjectNode response = page.apply(request);
            if (skip > 0 && response.get(primaryKey) instanceof ArrayNode items) {
                ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                for (int i = skip; i < items.size(); i++) {
                    kept.add(items.get(i));
                }
                response.set(primaryKey, kept);
            }
            JsonNode primary = response.get(primaryKey);
            int count = primary != null && primary.isArray() ? primary.size() : 0;
            Integer maxItems = paging.maxItems();
            if (maxItems != null && total + count > maxItems) {
                int keep = count - (total + count - maxItems);
                ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < keep; i++) {
                    kept.add(primary.get(i));
                }
                response.set(primaryKey, kept);
                merge(result, response);
                pages.add(resultKeys(response));
                resumeToken = encode(inputToken, currentToken, keep + skip);
                break;
            }
            merge(result, response);
            pages.add(resultKeys(response));
            total += count;
            skip = 0;
            JsonNode next = response.get(outputToken);
            if (next == null || next.isNull() || next.asText().isEmpty()) {
                break;
            }
            if (maxItems != null && total == maxItems) {
                resumeToken = encode(inputToken, next.asText(), null);
                break;
            }
            if (next.asText().equals(previous)) {
                throw CliException.other("Error during pagination: The same next token was received twice: {'"
                        + inputToken + "': '" + next.asText() + "'}", null);
            }
            previous = next.asText();
            currentToken = next.asText();
            request.put(inputToken, currentToken);
        }
        if (resumeToken != null) {
            result.put("NextToken", resumeToken);
        }
        return new Paged(result, pages, resumeToken);
    }

    private ObjectNode resultKeys(ObjectNode response) {
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        for (String key : pagination.resultKeys()) {
            page.set(key, response.get(key));
        }
        return page;
    }

    private void merge(ObjectNode result, ObjectNode response) {
        for (String key : pagination.resultKeys()) {
            JsonNode value = response.get(key);
            if (value == null || value.isNull()) {
                continue;
            }
            JsonNode existing = result.get(key);
            if (existing == null) {
                result.set(key, value.deepCopy());
            } else if (existing instanceof ArrayNode list && value.isArray()) {
                list.addAll((ArrayNode) value);
            }
        }
    }

    /** botocore's token: base64 of the JSON {"NextToken": token, "boto_truncate_amount": n}. */
    static String encode(String inputToken, String token, Integer truncateAmount) {
        StringBuilder json = new StringBuilder("{");
        json.append(quote(inputToken)).append(": ").append(token == null ? "null" : quote(token));
        if (truncateAmount != null) {
            json.append(", \"boto_truncate_amount\": ").append(truncateAmount);
        }
        json.append('}');
        return Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Python's json.dumps of a string: ASCII only, other characters as u-escapes. */
    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The service token and the number of items to skip from a --starting-token. */
    static Map.Entry<String, Integer> decode(String startingToken, String inputToken) {
        try {
            JsonNode token = ArgumentValues.json().readTree(Base64.getDecoder().decode(startingToken));
            JsonNode value = token.get(inputToken);
            JsonNode skip = token.get("boto_truncate_amount");
            Map<String, Integer> entry = new LinkedHashMap<>();
            entry.put(value == null || value.isNull() ? null : value.asText(), skip == null ? 0 : skip.asInt());
            return entry.entrySet().iterator().next();
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Map.entry(startingToken, 0);
        }
    }
}
