package io.cunkebao.api.device;

/**
 * An address-book entry to import into a phone.
 *
 * @param name the name shown; not blank
 * @param phone the number; 5 to 20 digits, optionally after +
 */
public record Contact(String name, String phone) {
  /** Checks the values. */
  public Contact {
    Ids.text(name, "contact name", 128);
    if (phone == null || !phone.matches("\\+?[0-9]{5,20}")) {
      throw new IllegalArgumentException("contact phone must be 5 to 20 digits, optionally after +, but was '" + phone + "'");
    }
  }
}
