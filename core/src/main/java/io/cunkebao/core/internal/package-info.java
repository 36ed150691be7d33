/** Internal; may change without notice. Nothing outside core may use these packages. */
@NullMarked
package io.cunkebao.core.internal;

import org.jspecify.annotations.NullMarked;
