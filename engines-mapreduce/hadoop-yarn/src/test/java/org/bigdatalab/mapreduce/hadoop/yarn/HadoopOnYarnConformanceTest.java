package org.bigdatalab.mapreduce.hadoop.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.spec.MapReduceSpec;
import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The MapReduce spec against {@code mr-hadoop@yarn}: a MiniMRYarnCluster in a JVM of its own, every
 * ApplicationMaster and task a container JVM with Hadoop's jars only, the job's classes shipped as
 * {@code mapreduce.job.jar} (logs under {@code target/cluster-logs/} and the containers' under
 * {@code target/test/data/mr-hadoop-yarn/}). The DFS-input checks read from {@code dfs-hdfs@namenode}, an HDFS
 * cluster in another JVM, through {@code hdfs://127.0.0.1:<port>} paths. One case per property.
 *
 * <p>A subset of the checks runs here ({@link Subset}): on YARN every split is a container JVM, and
 * the other checks generate split sizes down to 1 byte (hundreds of JVMs a case). The subset is the
 * checks whose jobs have a few splits by construction, the task retries that LocalJobRunner lacks
 * among them; LocalJobRunner's binding runs them all.
 */
@Tag("cluster")
@PropertyDefaults(tries = 1, triesProperty = "mr.hadoop.yarn.tries")
@ExtendWith(HadoopOnYarnConformanceTest.Subset.class)
class HadoopOnYarnConformanceTest extends MapReduceSpec {
  /** The checks run on the cluster: jobs of a few splits each by construction (or no job at all). */
  static final Set<String> RUN = Set.of(
      "required_mapreduce_result_equals_oracle_guideWordCount",
      "required_mapreduce_input_dfs_equals_local_linesAcrossEveryBlock",
      "required_mapreduce_commit_atomic_existing_output_refused",
      "required_mapreduce_commit_atomic_success_leaves_all",
      "required_mapreduce_commit_atomic_failure_leaves_nothing",
      "required_mapreduce_input_dfs_equals_local",
      "optional_mapreduce_retry_failed_attempt_invisible");

  @Override
  protected MapReduceEngine createEngine() {
    return (MapReduceEngine) new HadoopOnYarn.Provider().create(EngineOptions.NONE);
  }

  @Override
  protected List<String> inputStoreIds() {
    return List.of("dfs-hdfs@namenode");
  }

  /** A renamed check would leave the subset running nothing: each name must be one of the spec's checks. */
  @Test
  void subsetNamesTheSpecsChecks() {
    Set<String> checks = Arrays.stream(MapReduceSpec.class.getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());
    assertThat(checks).containsAll(RUN);
  }

  /** Skips the spec's checks outside {@link #RUN}, saying why. */
  static final class Subset implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getTestMethod().map(m -> m.getDeclaringClass() != MapReduceSpec.class || RUN.contains(m.getName())
          ? ConditionEvaluationResult.enabled("runs on the YARN cluster")
          : ConditionEvaluationResult.disabled("not run on mr-hadoop@yarn: its cases cut input into splits as small as"
              + " 1 byte, and on YARN each split is a container JVM; mr-hadoop's LocalJobRunner binding runs it"))
          .orElse(ConditionEvaluationResult.enabled("the class"));
    }
  }
}
