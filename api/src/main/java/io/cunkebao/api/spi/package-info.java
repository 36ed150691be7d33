/**
 * Service-provider interfaces for those who extend the engine: queue drivers ({@link
 * io.cunkebao.api.spi.QueueDriver}, found by URI scheme through {@link
 * io.cunkebao.api.spi.QueueDriverProvider}) and task-type plugins ({@link
 * io.cunkebao.api.spi.TaskTypeProvider}). Host applications rarely need this package.
 */
@NullMarked
package io.cunkebao.api.spi;

import org.jspecify.annotations.NullMarked;
