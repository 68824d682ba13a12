package org.bigdatalab.log.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.log.LogClauses.APPEND_ORDER;
import static org.bigdatalab.log.LogClauses.BAD_RECORD;
import static org.bigdatalab.log.LogClauses.DURABLE;
import static org.bigdatalab.log.LogClauses.REPLAY;

import java.util.stream.Stream;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.reference.BrokenLogs.LosesAckedAppend;
import org.bigdatalab.log.reference.BrokenLogs.ReordersByTime;
import org.bigdatalab.log.reference.BrokenLogs.ReturnsTornRecord;
import org.bigdatalab.log.reference.BrokenLogs.SkipsBadRecordsSilently;
import org.bigdatalab.log.reference.BrokenLogs.TimeStrictlyAfter;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.ClauseStatus;
import org.bigdatalab.suite.matrix.SelfTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The event log suite tests itself: each broken log must fail the clause it breaks. */
class LogSelfTest {

  static Stream<Arguments> brokenLogs() {
    return Stream.of(
        Arguments.of(new ReturnsTornRecord(), DURABLE),
        Arguments.of(new LosesAckedAppend(), DURABLE),
        Arguments.of(new ReordersByTime(), APPEND_ORDER),
        Arguments.of(new TimeStrictlyAfter(), REPLAY),
        Arguments.of(new SkipsBadRecordsSilently(), BAD_RECORD));
  }

  @ParameterizedTest(name = "{1} catches {0}")
  @MethodSource("brokenLogs")
  void brokenLogFailsItsClause(EventLog broken, String clause) throws Exception {
    try (broken) {
      SelfTest.assertFails(broken, clause);
    }
  }

  @Test
  void everyClauseHasABrokenLogThatFailsIt() {
    SelfTest.assertCoversEveryClause(Topic.LOG, brokenLogs().map(a -> (String) a.get()[1]));
  }

  @Test
  void anHonestLogIsNotFailedByTheSameRunner() throws Exception {
    try (LocalLog log = (LocalLog) new LocalLogProvider().create(org.bigdatalab.spi.EngineOptions.NONE)) {
      assertThat(SelfTest.statusOf(log, DURABLE)).isEqualTo(ClauseStatus.PASSED);
    }
  }
}
