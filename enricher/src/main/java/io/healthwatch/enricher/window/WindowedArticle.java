package io.healthwatch.enricher.window;

import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.IssueWindow;

/** An article that passed the date gate, with its weekly window: from validation to tagging. */
public record WindowedArticle(DiscoveredArticle article, IssueWindow window) {}
