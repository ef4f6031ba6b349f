package io.healthwatch.editorial.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.healthwatch.contracts.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An issue archived before revisions were counted reads as its first revision, once for all. */
class WeeklyIssueTest {
  @Test
  void anIssueArchivedWithoutRevisionsIsItsFirstRevisionPublishedWhenItWasMade() throws Exception {
    String archived =
        "{\"id\":\"2024-05-17\",\"number\":575,\"numberText\":\"第五七五期\","
            + "\"windowStart\":\"2024-05-11\",\"windowEnd\":\"2024-05-17\",\"articleIds\":[\"a\"],"
            + "\"articles\":[],\"generatedAt\":\"2024-05-18T02:00:00Z\"}";
    var issue = Json.mapper().readValue(archived, WeeklyIssue.class);
    assertEquals(1, issue.revision());
    assertEquals(Instant.parse("2024-05-18T02:00:00Z"), issue.firstPublishedAt());
    assertEquals(0, issue.revisions().size());
    var entry = Json.mapper().readValue(archived, IssueStore.Entry.class);
    assertEquals(1, entry.revision());
  }
}
