package io.cunkebao.api.device;

import java.util.List;
import java.util.Optional;

/**
 * One page of moments.
 *
 * @param moments the moments, newest first
 * @param next the query for the next page, empty on the last page
 */
public record MomentPage(List<Moment> moments, Optional<MomentQuery> next) {
  /** Copies the list. */
  public MomentPage {
    moments = List.copyOf(moments);
  }
}
