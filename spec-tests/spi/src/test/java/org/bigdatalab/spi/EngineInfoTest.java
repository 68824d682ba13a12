package org.bigdatalab.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bigdatalab.mapreduce.MapReduceClauses;
import org.junit.jupiter.api.Test;

/** Capability declarations are checked against the catalogue, so they cannot silently drift. */
class EngineInfoTest {

  @Test
  void unsupportedClauseNeedsAReason() {
    assertThatThrownBy(() -> EngineInfo.builder("x", Topic.MAPREDUCE)
        .unsupported(MapReduceClauses.RETRY_FAILED_ATTEMPT_INVISIBLE, " ").build())
        .hasMessageContaining("without a reason");
  }

  @Test
  void unknownClauseIsRefused() {
    assertThatThrownBy(() -> EngineInfo.builder("x", Topic.MAPREDUCE).unsupported("mapreduce.no.such", "why").build())
        .hasMessageContaining("unknown clause 'mapreduce.no.such'");
  }

  @Test
  void declaredTwiceIsRefused() {
    EngineInfo.Builder b = EngineInfo.builder("x", Topic.MAPREDUCE).unsupported(MapReduceClauses.COUNTERS, "a");
    assertThatThrownBy(() -> b.unsupported(MapReduceClauses.COUNTERS, "b")).hasMessageContaining("twice");
  }

  @Test
  void supportsIsTheComplementOfUnsupported() {
    EngineInfo info = EngineInfo.builder("x", Topic.MAPREDUCE).unsupported(MapReduceClauses.COUNTERS, "no counters").build();
    assertThat(info.supports(MapReduceClauses.COUNTERS)).isFalse();
    assertThat(info.supports(MapReduceClauses.SORT_SECONDARY)).isTrue();
  }

  @Test
  void clauseIdsFollowTheTopic() {
    assertThatThrownBy(() -> new Clause("dfs.x.y", Topic.MAPREDUCE, Clause.Level.REQUIRED, "s", "src", "f"))
        .hasMessageContaining("does not start with its topic");
    assertThat(Catalogues.find(MapReduceClauses.COMBINER_TRANSPARENT)).isPresent();
  }

  @Test
  void codecsRoundTripThroughText() {
    String tricky = "tab\there\nnew\\line|bar%";
    assertThat(Codecs.STRING.fromText(Codecs.STRING.toText(tricky))).isEqualTo(tricky);
    assertThat(Codecs.STRING.toText(tricky)).doesNotContain("\t", "\n");
    Codec<Pair<String, Long>> pair = Codecs.pair(Codecs.STRING, Codecs.LONG);
    assertThat(pair.fromText(pair.toText(Pair.of("a|b%7C", -3L)))).isEqualTo(Pair.of("a|b%7C", -3L));
    assertThatThrownBy(() -> Codecs.LONG.fromText("12x")).isInstanceOf(BadRecordException.class)
        .hasMessage("long: not a number: \"12x\"");
  }

  @Test
  void combinationIdsNameTheirParts() {
    assertThat(EngineInfo.builder("lambda:df-parallel+stream-parallel+log-local", Topic.LAMBDA).build().id())
        .isEqualTo("lambda:df-parallel+stream-parallel+log-local");
    assertThatThrownBy(() -> EngineInfo.builder("lambda:df-parallel", Topic.LAMBDA).build())
        .hasMessageContaining("must be lower-case words");
    assertThatThrownBy(() -> EngineInfo.builder("Df Parallel", Topic.DATAFLOW).build())
        .hasMessageContaining("must be lower-case words");
  }

  @Test
  void aClusterRowIsTheEngineAtADeploymentWithItsDeclarationsAndMore() {
    EngineInfo spark = EngineInfo.builder("spark", Topic.DATAFLOW).displayName("Apache Spark").build();
    EngineInfo row = spark.on("standalone", "a standalone cluster", java.util.Map.of(org.bigdatalab.dataflow.DataflowClauses.LAZY, "why"));
    assertThat(row.id()).isEqualTo("spark@standalone");
    assertThat(row.onCluster()).isTrue();
    assertThat(spark.onCluster()).isFalse();
    assertThat(row.displayName()).isEqualTo("Apache Spark on a standalone cluster");
    assertThatThrownBy(() -> EngineInfo.builder("spark@", Topic.DATAFLOW).build()).hasMessageContaining("must be lower-case words");
    assertThatThrownBy(() -> EngineInfo.builder("a@b@c", Topic.DATAFLOW).build()).hasMessageContaining("must be lower-case words");
  }

  @Test
  void byteSizesParse() {
    assertThat(ByteSize.parse("64MB")).isEqualTo(64L << 20);
    assertThat(ByteSize.parse("512k")).isEqualTo(512L << 10);
    assertThat(ByteSize.parse("1g")).isEqualTo(1L << 30);
    assertThatThrownBy(() -> ByteSize.parse("lots")).hasMessageContaining("not a size");
  }
}
