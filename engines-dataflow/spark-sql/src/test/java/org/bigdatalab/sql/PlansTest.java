package org.bigdatalab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading evidence from plan text as Spark 4.0 and DuckDB 2.0 print it (the excerpts are theirs, shortened). */
class PlansTest {
  static final String HIVE_SCAN_EXTENDED = """
      == Optimized Logical Plan ==
      Aggregate [count(1) AS count(1)#10L]
      +- HiveTableRelation [`spark_catalog`.`default`.`user_logs`, org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe, Data Cols: [user_id#1, action#2], Partition Cols: [date#5], Pruned Partitions: [(date=2024-01-15), (date=2024-01-16)]]
      == Physical Plan ==
      AdaptiveSparkPlan isFinalPlan=false
      +- HashAggregate(keys=[], functions=[count(1)])
         +- Exchange SinglePartition, ENSURE_REQUIREMENTS, [plan_id=427]
            +- HashAggregate(keys=[], functions=[partial_count(1)])
               +- Scan hive spark_catalog.default.user_logs HiveTableRelation [`spark_catalog`.`default`.`user_logs`, org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe, Data Cols: [user_id#1, action#2], Partition Cols: [date#5], Pruned Partitions: [(date=2024-01-15), (date=2024-01-16)]], [isnotnull(date#5)]
      """;

  static final String SHUFFLED_JOIN = """
      == Physical Plan ==
      AdaptiveSparkPlan isFinalPlan=false
      +- SortMergeJoin [user_id#153], [user_id#157], Inner
         :- Sort [user_id#153 ASC NULLS FIRST], false, 0
         :  +- Exchange hashpartitioning(user_id#153, 4), ENSURE_REQUIREMENTS, [plan_id=255]
         :     +- FileScan orc spark_catalog.default.a[user_id#153,date#156] Batched: true, DataFilters: [isnotnull(user_id#153)], Format: ORC, PartitionFilters: [], PushedFilters: [IsNotNull(user_id)], ReadSchema: struct<user_id:int>
         +- Sort [user_id#157 ASC NULLS FIRST], false, 0
            +- Exchange hashpartitioning(user_id#157, 4), ENSURE_REQUIREMENTS, [plan_id=256]
               +- FileScan orc spark_catalog.default.b[user_id#157,date#160] Batched: true, DataFilters: [isnotnull(user_id#157)], Format: ORC, PartitionFilters: [], PushedFilters: [IsNotNull(user_id)], ReadSchema: struct<user_id:int>
      """;

  static final String BUCKETED_JOIN = """
      == Physical Plan ==
      AdaptiveSparkPlan isFinalPlan=false
      +- SortMergeJoin [user_id#190], [user_id#195], Inner
         :- Sort [user_id#190 ASC NULLS FIRST], false, 0
         :  +- FileScan orc spark_catalog.default.sb1[user_id#190] Batched: true, Bucketed: true, DataFilters: [isnotnull(user_id#190)], Format: ORC, PartitionFilters: [isnotnull(date#228), (date#228 = 2024-01-15)], PushedFilters: [IsNotNull(user_id)], ReadSchema: struct<user_id:int>, SelectedBucketsCount: 32 out of 32
         +- Sort [user_id#195 ASC NULLS FIRST], false, 0
            +- FileScan orc spark_catalog.default.sb2[user_id#195] Batched: false, Bucketed: true, DataFilters: [isnotnull(user_id#195)], Format: ORC, PartitionFilters: [], PushedFilters: [IsNotNull(user_id)], ReadSchema: struct<user_id:int>, SelectedBucketsCount: 32 out of 32
      """;

  static final String DUCKDB = """
      │ Function: READ_PARQUET                  │
      │ Projections: date, user_id              │
      │ File Filters: date = '2024-01-12'::DATE │
      │ Scanning Files: 1/5                     │
      """;

  @Test
  void prunedPartitionsAreReadFromThePhysicalPlanOnly() {
    assertThat(Plans.prunedPartitions(HIVE_SCAN_EXTENDED)).containsExactly("date=2024-01-15", "date=2024-01-16");
    assertThat(Plans.prunedPartitions(SHUFFLED_JOIN)).isEmpty();
  }

  @Test
  void exchangesAreCountedByPartitioningAndBucketedScansByFlag() {
    assertThat(Plans.exchanges(SHUFFLED_JOIN)).containsExactly("hashpartitioning", "hashpartitioning");
    assertThat(Plans.exchanges(HIVE_SCAN_EXTENDED)).containsExactly("SinglePartition");
    assertThat(Plans.exchanges(BUCKETED_JOIN)).isEmpty();
    assertThat(Plans.bucketedScans(SHUFFLED_JOIN)).isZero();
    assertThat(Plans.bucketedScans(BUCKETED_JOIN)).isEqualTo(2);
  }

  @Test
  void scanFieldsAndPartitionFiltersLoseTheirExpressionIds() {
    assertThat(Plans.partitionFilters(BUCKETED_JOIN)).containsExactly("isnotnull(date), (date = 2024-01-15)", "");
    assertThat(Plans.scanField(BUCKETED_JOIN, "Batched")).containsExactly("true", "false");
    assertThat(Plans.scanField(BUCKETED_JOIN, "SelectedBucketsCount")).containsExactly("32 out of 32", "32 out of 32");
  }

  @Test
  void duckDbsScanBoxGivesFilesScannedAndTheFilter() {
    assertThat(Plans.duckDbFilesScanned(DUCKDB)).containsExactly(1, 5);
    assertThat(Plans.duckDbFileFilters(DUCKDB)).isEqualTo("date = '2024-01-12'::DATE");
    assertThatThrownBy(() -> Plans.duckDbFilesScanned("│ Function: READ_CSV │")).hasMessageContaining("no 'Scanning Files");
  }
}
