package io.cunkebao.device.ws;

import io.cunkebao.api.device.ConnectionLostException;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * The TLS handshake with the cloud failed: its certificate is not signed by a trusted CA, is not
 * issued for the host the driver connects to, or has expired. It is a {@link
 * ConnectionLostException} so that code written against the device SPI handles it like any other
 * broken link, but unlike a dropped connection it does not go away by itself: the driver's trust
 * (the {@code tls.*} options) or the cloud's certificate has to change. Nothing was sent, so no
 * command took effect.
 */
public final class TlsHandshakeException extends ConnectionLostException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param command the command or REST path that could not be sent
   * @param endpoint the host and port the driver tried
   * @param cause the JDK's TLS failure
   */
  public TlsHandshakeException(String command, String endpoint, Throwable cause) {
    super(command, "TLS handshake with " + endpoint + " failed; the certificate is not trusted or not issued for this host ("
        + cause.getMessage() + "). Verification stays on: trust a private CA with the " + WsDeviceDriver.TRUST_STORE + " or "
        + WsDeviceDriver.TRUST_CERTIFICATES + " option", cause);
  }

  /**
   * Finds a TLS failure in a chain of causes.
   *
   * @param failure what the transport reported
   * @return the TLS failure, or null if it was something else
   */
  static @Nullable SSLException tlsCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SSLException ssl) {
        return ssl;
      }
    }
    return null;
  }
}
