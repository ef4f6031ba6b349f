package io.healthwatch.enricher.tag;

import io.healthwatch.contracts.message.Entity;
import io.healthwatch.contracts.message.TopicScore;
import java.util.List;

/** What the tagger found in an article. */
public record Tags(List<Entity> entities, List<TopicScore> topics, double relevance) {}
