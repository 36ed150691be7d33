package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.MomentPost;
import io.cunkebao.api.device.SeatCredentials;
import io.cunkebao.api.device.SessionState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seat's token and password never reach a log: a driver goes through sign-in, commands, REST
 * calls, a token refresh after a 401, a dropped connection with its reconnect, refused sign-ins,
 * malformed frames and a kick, with every logger at TRACE, and the captured log is searched for
 * the secrets. Errors the driver hands back are logged here with their stack traces too, as an
 * engine would log a failed task.
 *
 * <p>It runs in its own Failsafe execution ({@code log-hygiene} in the pom), which points
 * slf4j-simple at a file and sets the level to TRACE; slf4j-simple reads its settings once per JVM,
 * so this cannot share the fork of the other ITs.
 */
class LogHygieneIT extends SimulatorFixture {
  private static final Logger LOG = LoggerFactory.getLogger(LogHygieneIT.class);
  private static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";

  @Test
  void neitherTheTokenNorThePasswordAppearsInTheLog() throws Exception {
    String logFile = System.getProperty(LOG_FILE);
    assertThat(logFile).as("run through the log-hygiene Failsafe execution, which sets " + LOG_FILE).isNotNull();
    assertThat(LoggerFactory.getLogger(SeatConnection.class).isTraceEnabled()).as("the driver's loggers are at TRACE").isTrue();
    start();
    String wrongPassword = "wrong-pw-" + Long.toHexString(System.nanoTime());

    exerciseTheDriver(wrongPassword);

    // Close the driver first so that none of its threads is still writing while the file is read.
    driver.close();
    List<String> secrets = new ArrayList<>(sim.view().tokensOf(seat(0).seatId()));
    assertThat(secrets).as("a refresh after the 401 means at least two tokens").hasSizeGreaterThanOrEqualTo(2);
    secrets.addAll(sim.view().tokensOf(seat(1).seatId()));
    secrets.add(seat(0).password());
    secrets.add(seat(1).password());
    secrets.add(wrongPassword);
    String log = Files.readString(Path.of(logFile), StandardCharsets.UTF_8);
    assertThat(log).as("the capture saw the driver").contains("Seat 1001 signed in").contains("Seat 1001 lost its connection");
    for (String secret : secrets) {
      assertThat(log).as("the log must not contain a token or password").doesNotContain(secret);
    }
  }

  private void exerciseTheDriver(String wrongPassword) throws Exception {
    DeviceSession session = open(0);
    long account = account(0, 0);
    long friend = sim.view().friendIds(account).get(0);
    wait(session.messages().sendText(account, friend, "你好"));
    wait(session.contacts().friends(account));
    sim.faults().failNext("api/WechatChatroom/pagelist", 401, "Unauthorized", 1);
    wait(session.chatrooms().list(account));
    wait(session.moments().post(new MomentPost(account, "新品", List.of("https://x.invalid/p.jpg"))));

    sim.triggers().rawFrame(seat(0).seatId(), "{not json");
    sim.triggers().rawFrame(seat(0).seatId(), "{\"cmdType\":\"CmdSendMessageResult\",\"seq\":999999}");
    sim.faults().failNext("CmdSendMessage", 500, "boom", 1);
    logged(session.messages().sendText(account, friend, "fails"));

    sim.triggers().dropConnection(seat(0).seatId());
    // The simulator forgets the seat at once and lists it again only after the driver signed in anew.
    await().atMost(Duration.ofSeconds(10)).until(() -> sim.view().signedInSeats().contains(seat(0).seatId()));
    wait(session.aliveStatus(List.of(account)));

    SeatCredentials wrong = new SeatCredentials(seat(1).credentials().seat(), seat(1).username(), wrongPassword);
    logged(driver.openSession(wrong));
    sim.triggers().kick(seat(0).seatId());
    await().atMost(Duration.ofSeconds(10)).until(() -> session.state() == SessionState.KICKED);
    logged(session.messages().sendText(account, friend, "after the kick"));
  }

  private static <T> T wait(CompletableFuture<T> call) throws Exception {
    return call.get(10, TimeUnit.SECONDS);
  }

  /** Logs a failure as an engine would: message and stack trace, so error texts are checked as well. */
  private static void logged(CompletableFuture<?> call) {
    call.handle((ok, failure) -> {
      if (failure != null) {
        LOG.warn("Device call failed", failure);
      }
      return null;
    }).orTimeout(10, TimeUnit.SECONDS).join();
  }
}
