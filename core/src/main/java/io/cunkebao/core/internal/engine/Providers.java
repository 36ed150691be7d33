package io.cunkebao.core.internal.engine;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Finds the provider of a URI's scheme with {@link ServiceLoader}: the one place the builder
 * discovers drivers (queue and device), at the edge, never inside the engine.
 */
public final class Providers {
  private Providers() {}

  /**
   * Opens a driver through the provider of the URI's scheme.
   *
   * @param spi the provider interface
   * @param uri the URI whose scheme picks the provider
   * @param scheme reads a provider's scheme
   * @param open opens the driver with the chosen provider
   * @param what what is being opened, for the error ("queue driver")
   * @param hint which module to add, for the error
   * @param <P> the provider type
   * @param <D> the driver type
   * @return the open driver
   * @throws IllegalStateException naming the scheme and the schemes found when none matches
   */
  public static <P, D> D open(Class<P> spi, URI uri, Function<P, String> scheme, Function<P, D> open, String what, String hint) {
    List<String> found = new ArrayList<>();
    for (P provider : ServiceLoader.load(spi, Providers.class.getClassLoader())) {
      if (scheme.apply(provider).equalsIgnoreCase(uri.getScheme())) {
        return open.apply(provider);
      }
      found.add(scheme.apply(provider));
    }
    throw new IllegalStateException("no " + what + " for scheme '" + uri.getScheme() + "' (found: " + found
        + "); add the module that provides it, " + hint);
  }
}
