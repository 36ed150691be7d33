package io.cunkebao.api;

/**
 * A resource a task touches (a device, a WeChat account, a seat, a chatroom, a friend), used to
 * limit how many tasks hold it at once across all nodes.
 *
 * <p>Limits are set per kind on the engine (for example at most one running task per {@code
 * account}); a task holding several resources runs only when each has room. A task waiting for a
 * busy resource never holds up tasks for idle ones.
 *
 * @param kind the resource's kind, such as {@code account}; {@code [a-z0-9_-]}, 1 to 32 characters
 * @param id the resource's id within its kind; no whitespace, 1 to 128 characters
 */
public record ResourceKey(String kind, String id) {

  /** Checks both parts. */
  public ResourceKey {
    if (kind == null || !kind.matches("[a-z0-9_-]{1,32}")) {
      throw new IllegalArgumentException("resource kind must match [a-z0-9_-]{1,32} but was " + kind);
    }
    if (id == null || id.isEmpty() || id.length() > 128 || id.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("resource id must be 1 to 128 characters without whitespace but was '" + id + "'");
    }
  }

  /**
   * A key of the given kind.
   *
   * @param kind the kind, e.g. {@code account}
   * @param id the id, e.g. {@code wxid_42}
   * @return the key
   */
  public static ResourceKey of(String kind, String id) {
    return new ResourceKey(kind, id);
  }

  /**
   * Parses the form {@code kind:id}.
   *
   * @param text such as {@code account:wxid_42}
   * @return the key
   * @throws IllegalArgumentException when there is no colon or a part is invalid
   */
  public static ResourceKey parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("resource key must look like kind:id but was '" + text + "'");
    }
    return new ResourceKey(text.substring(0, colon), text.substring(colon + 1));
  }

  /** @return the form {@code kind:id} */
  @Override
  public String toString() {
    return kind + ":" + id;
  }
}
