package io.cunkebao.api.device;

import org.jspecify.annotations.Nullable;

/**
 * What a message carries: text, an image, a link card, a video or a file. Media are referenced
 * by URL (the cloud fetches them), as the seed does.
 */
public sealed interface MessageContent {

  /**
   * Plain text (msgType 1).
   *
   * @param text the text; not blank, at most 8,000 characters
   */
  record Text(String text) implements MessageContent {
    /** Checks the text. */
    public Text {
      Ids.text(text, "text", 8_000);
    }
  }

  /**
   * An image (msgType 3).
   *
   * @param url where the cloud fetches it; not blank
   */
  record Image(String url) implements MessageContent {
    /** Checks the URL. */
    public Image {
      Ids.text(url, "image url", 2_048);
    }
  }

  /**
   * A link card (msgType 49, app type {@code link}).
   *
   * @param title the card's title; not blank
   * @param url the link; not blank
   * @param description the card's text, may be null
   * @param thumbUrl the card's picture, may be null
   */
  record Link(String title, String url, @Nullable String description, @Nullable String thumbUrl) implements MessageContent {
    /** Checks title and URL. */
    public Link {
      Ids.text(title, "link title", 512);
      Ids.text(url, "link url", 2_048);
    }
  }

  /**
   * A video (msgType 43).
   *
   * @param url where the cloud fetches it; not blank
   */
  record Video(String url) implements MessageContent {
    /** Checks the URL. */
    public Video {
      Ids.text(url, "video url", 2_048);
    }
  }

  /**
   * A file (msgType 49, app type {@code file}).
   *
   * @param url where the cloud fetches it; not blank
   * @param name the file name shown; not blank
   */
  record File(String url, String name) implements MessageContent {
    /** Checks URL and name. */
    public File {
      Ids.text(url, "file url", 2_048);
      Ids.text(name, "file name", 255);
    }
  }
}
