package org.bigdatalab.table;

/**
 * Faults a test can inject into a table's writer: the process of the next write stops (as a
 * crashed writer would) before its {@code n+1}-th change to storage (a data file or commit file
 * written, a file renamed or deleted), leaving whatever it had written behind. The write throws a
 * {@link TableException} of {@link TableException.Problem#WRITER_CRASHED}; the fault is then
 * cleared. A write that needs no more than {@code n} changes completes normally.
 */
public interface TableFaults {

  void crashNextWriteAfter(int storageChanges);
}
