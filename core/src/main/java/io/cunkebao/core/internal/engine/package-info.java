/**
 * Internal; may change without notice. The engine: {@link io.cunkebao.core.internal.engine.Engine}
 * (start here: its design notes), submit, dispatch, attempts, leases, listeners and the JSON codec.
 */
@NullMarked
package io.cunkebao.core.internal.engine;

import org.jspecify.annotations.NullMarked;
