package io.cunkebao.api.device;

import java.util.List;

/**
 * A moment to post from a WeChat account (a publishing job at the cloud).
 *
 * @param wechatAccountId the posting account; greater than 0
 * @param content the text; not blank
 * @param imageUrls up to 9 pictures
 */
public record MomentPost(long wechatAccountId, String content, List<String> imageUrls) {
  /** Checks the values. */
  public MomentPost {
    Ids.positive(wechatAccountId, "wechatAccountId");
    Ids.text(content, "content", 2_000);
    imageUrls = Ids.list(imageUrls, "imageUrls", 0);
    if (imageUrls.size() > 9) {
      throw new IllegalArgumentException("imageUrls must have at most 9 elements but had " + imageUrls.size());
    }
  }
}
