package io.gatepass.cli.internal.aws.call;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.cli.internal.aws.model.Pagination;
import io.gatepass.cli.internal.aws.params.OperationArguments.Paging;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Paging over a list of ten items served two per page, as a service with NextToken/Limit would. */
class PagerTest {

    private static final Pagination PAGINATION = new Pagination("NextToken", "NextToken", "Limit", List.of("Items"));

    private final List<String> requests = new ArrayList<>();

    /** Pages of the items 0..9; the token is the index of the next item; Limit (default 2) sets the page size. */
    private final Function<ObjectNode, ObjectNode> service = request -> {
        requests.add(request.toString());
        int start = request.has("NextToken") ? Integer.parseInt(request.get("NextToken").asText()) : 0;
        int limit = request.has("Limit") ? request.get("Limit").asInt() : 2;
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        var items = response.putArray("Items");
        for (int i = start; i < Math.min(10, start + limit); i++) {
            items.add("item" + i);
        }
        if (start + limit < 10) {
            response.put("NextToken", String.valueOf(start + limit));
        }
        return response;
    };

    private ObjectNode all(Paging paging) {
        return new Pager(PAGINATION, paging).all(JsonNodeFactory.instance.objectNode(), service);
    }

    @Test
    void followsEveryPage_mergingTheListsAndDroppingTheToken() {
        ObjectNode result = all(new Paging(null, null, null));

        assertThat(result.toString()).isEqualTo("{\"Items\":[\"item0\",\"item1\",\"item2\",\"item3\",\"item4\","
                + "\"item5\",\"item6\",\"item7\",\"item8\",\"item9\"]}");
        assertThat(requests).hasSize(5);
    }

    @Test
    void pageSize_becomesTheLimit() {
        all(new Paging(null, 5, null));

        assertThat(requests).containsExactly("{\"Limit\":5}", "{\"Limit\":5,\"NextToken\":\"5\"}");
    }

    @Test
    void maxItems_midPage_returnsBotocoresResumeToken() {
        ObjectNode result = all(new Paging(null, null, 3));

        assertThat(result.get("Items")).hasSize(3);
        String token = new String(Base64.getDecoder().decode(result.get("NextToken").asText()), StandardCharsets.UTF_8);
        assertThat(token).isEqualTo("{\"NextToken\": \"2\", \"boto_truncate_amount\": 1}");
    }

    @Test
    void maxItems_atAPageEnd_resumesAtTheNextPage() {
        ObjectNode result = all(new Paging(null, null, 4));

        String token = new String(Base64.getDecoder().decode(result.get("NextToken").asText()), StandardCharsets.UTF_8);
        assertThat(token).isEqualTo("{\"NextToken\": \"4\"}");
    }

    @Test
    void startingToken_resumesWhereMaxItemsStopped_withoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            ObjectNode result = all(new Paging(token, null, 3));
            result.get("Items").forEach(item -> seen.add(item.asText()));
            token = result.has("NextToken") ? result.get("NextToken").asText() : null;
        } while (token != null);

        assertThat(seen).containsExactly("item0", "item1", "item2", "item3", "item4", "item5", "item6", "item7",
                "item8", "item9");
    }
}
