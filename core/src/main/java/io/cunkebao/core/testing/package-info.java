/**
 * Test helpers shipped with core: a {@link io.cunkebao.core.testing.SettableClock} and a {@link
 * io.cunkebao.core.testing.ManualScheduler} that runs the engine's timers when the test moves time,
 * so tests never wait for real time to pass.
 */
@NullMarked
package io.cunkebao.core.testing;

import org.jspecify.annotations.NullMarked;
