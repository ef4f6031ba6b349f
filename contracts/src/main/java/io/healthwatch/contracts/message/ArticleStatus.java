package io.healthwatch.contracts.message;

/** Whether a tagged article is the copy a report cites or a reprint of another. */
public enum ArticleStatus {
  PRIMARY,
  DUPLICATE
}
