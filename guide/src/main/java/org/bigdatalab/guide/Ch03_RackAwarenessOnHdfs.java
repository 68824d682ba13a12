package org.bigdatalab.guide;

import java.io.PrintStream;

/*
 * Why: the interview answer above ran on our two stores; the question is about HDFS. The same
 * program, unchanged, runs here on Apache HDFS (a MiniDFSCluster with the same six DataNodes on two
 * racks), so the placement rules, the read after a lost node and the repair are HDFS's own.
 *
 * How: Hadoop's jars are not on the guide's class path, so the renderer runs this in a JVM with the
 * class path of the module holding {@code dfs-hdfs} (GuideRenderer.Program.forked).
 */
public final class Ch03_RackAwarenessOnHdfs {
  private Ch03_RackAwarenessOnHdfs() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    Ch03_RackAwareness.run("dfs-hdfs", out);
  }
}
