package io.healthwatch.enricher.tag;

import io.healthwatch.contracts.message.ArticleIds;
import io.healthwatch.contracts.message.ArticleStatus;
import io.healthwatch.contracts.message.Dedup;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.enricher.DeadLetters;
import io.healthwatch.enricher.EnricherMetrics;
import io.healthwatch.enricher.Routed;
import io.healthwatch.enricher.dedup.SimHash;
import io.healthwatch.enricher.window.WindowedArticle;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Tags a windowed article, scores its relevance and fingerprints its body for dedup. */
public final class TagProcessor implements Processor<String, Routed, String, Routed> {
  private final ArticleTagger tagger;
  private final double threshold;
  private final EnricherMetrics metrics;
  private ProcessorContext<String, Routed> context;

  public TagProcessor(ArticleTagger tagger, double threshold, EnricherMetrics metrics) {
    this.tagger = tagger;
    this.threshold = threshold;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Routed> record) {
    var windowed = (WindowedArticle) record.value().value();
    var article = windowed.article();
    try {
      Tags tags = tagger.tag(article.title(), article.body());
      var dedup =
          new Dedup(
              ArticleIds.sha256Hex(SimHash.lettersAndDigits(article.body())),
              SimHash.of(article.body()).toHex(),
              null,
              null);
      var tagged =
          new TaggedArticle(
              TaggedArticle.SCHEMA_VERSION,
              article.id(),
              1,
              ArticleStatus.PRIMARY,
              article,
              windowed.window(),
              tags.entities(),
              tags.topics(),
              tags.relevance(),
              tags.relevance() >= threshold,
              dedup,
              List.of());
      context.forward(record.withValue(new Routed(Routed.Route.DEDUP, tagged)));
    } catch (RuntimeException e) {
      DeadLetters.send(
          context,
          record,
          ReasonCode.PROCESSING_FAILED,
          "tagging failed: " + e,
          Topics.DISCOVERED.valueSerde().toBytes(article),
          article.canonicalUrl(),
          metrics);
    }
  }
}
