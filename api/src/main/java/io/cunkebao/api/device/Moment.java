package io.cunkebao.api.device;

import java.time.Instant;
import java.util.List;

/**
 * A moment (a post in WeChat's Moments).
 *
 * @param snsId the moment's id
 * @param author the author's WeChat id
 * @param content the text
 * @param createdAt when it was posted
 * @param imageUrls its pictures
 * @param likeCount how many likes it has
 * @param commentCount how many comments it has
 */
public record Moment(String snsId, String author, String content, Instant createdAt, List<String> imageUrls, int likeCount, int commentCount) {
  /** Copies the URLs. */
  public Moment {
    imageUrls = List.copyOf(imageUrls);
  }
}
