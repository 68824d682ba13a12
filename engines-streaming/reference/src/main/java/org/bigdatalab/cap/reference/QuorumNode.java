package org.bigdatalab.cap.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;
import org.bigdatalab.cap.reference.RaftMessages.Append;
import org.bigdatalab.cap.reference.RaftMessages.Appended;
import org.bigdatalab.cap.reference.RaftMessages.ElectionTimeout;
import org.bigdatalab.cap.reference.RaftMessages.Entry;
import org.bigdatalab.cap.reference.RaftMessages.Forward;
import org.bigdatalab.cap.reference.RaftMessages.Heartbeat;
import org.bigdatalab.cap.reference.RaftMessages.RequestVote;
import org.bigdatalab.cap.reference.RaftMessages.Vote;

/**
 * A replica of {@code cap-quorum}: a Raft-style leader with a majority-replicated log. Every
 * operation, reads included, is an entry of the log and takes effect when a majority holds it
 * (reads through the log are the simplest linearizable reads; a lease would be faster but trusts
 * clocks). A follower passes its client's operation to the leader it knows and answers the client
 * when it applies the entry itself; with no leader known it refuses at once ({@code FAIL}: nothing
 * was sent). An entry's ticket is applied once even if a duplicated message appended it twice.
 */
class QuorumNode extends SimNode<QuorumNode.Disk> {
  static final long ELECTION_MIN = 150;
  static final long HEARTBEAT = 30;
  private static final int MAX_BATCH = 64;

  /** What a replica keeps across crashes: its term, its vote and its log (index 1 is element 0). */
  static final class Disk {
    long term;
    Integer votedFor;
    final List<Entry> log = new ArrayList<>();
  }

  private enum Role { FOLLOWER, CANDIDATE, LEADER }

  private Role role = Role.FOLLOWER;
  private int leader = -1;
  private long electionGeneration;
  private final Set<Integer> votes = new HashSet<>();
  private long commit;
  private long applied;
  private final Map<String, Integer> state = new TreeMap<>();
  private final Set<Integer> appliedTickets = new HashSet<>();
  private final Map<Integer, RegisterOp> waiting = new HashMap<>();
  private long[] nextIndex;
  private long[] matchIndex;

  QuorumNode(NodeContext ctx, Disk disk) {
    super(ctx, disk);
  }

  @Override
  void start() {
    resetElectionTimer();
  }

  @Override
  Map<String, Integer> localValues() {
    return new TreeMap<>(state);
  }

  // clients --------------------------------------------------------------------------------------

  @Override
  void onClient(int ticket, RegisterOp op) {
    Entry entry = new Entry(disk.term, op, ctx.self(), ticket);
    if (role == Role.LEADER) {
      waiting.put(ticket, op);
      appendAsLeader(entry);
      acceptedByLeader(ticket, op);
    } else if (leader >= 0) {
      waiting.put(ticket, op);
      ctx.send(leader, new Forward(entry));
    } else {
      ctx.reply(ticket, Outcome.FAIL, null);
    }
  }

  /** Hook for a broken store that answers its client before a majority has the entry. */
  protected void acceptedByLeader(int ticket, RegisterOp op) {}

  /** Answers a waiting client now; returns false when no client here waits for {@code ticket}. */
  protected final boolean answerEarly(int ticket) {
    RegisterOp op = waiting.remove(ticket);
    if (op == null) {
      return false;
    }
    ctx.reply(ticket, Outcome.OK, op instanceof RegisterOp.Read ? state.get(op.key()) : null);
    return true;
  }

  protected final boolean isLeader() {
    return role == Role.LEADER;
  }

  protected final Map<String, Integer> appliedState() {
    return state;
  }

  private void appendAsLeader(Entry entry) {
    disk.log.add(new Entry(disk.term, entry.op(), entry.origin(), entry.ticket()));
    matchIndex[ctx.self()] = lastIndex();
    broadcastAppend();
    advanceCommit();
  }

  // messages -------------------------------------------------------------------------------------

  @Override
  void onMessage(int from, Object message) {
    if (message instanceof RequestVote v) {
      onRequestVote(from, v);
    } else if (message instanceof Vote v) {
      onVote(from, v);
    } else if (message instanceof Append a) {
      onAppend(from, a);
    } else if (message instanceof Appended a) {
      onAppended(from, a);
    } else if (message instanceof Forward f && role == Role.LEADER) {
      appendAsLeader(f.entry());
    }
  }

  private void onRequestVote(int from, RequestVote v) {
    stepDownIfBehind(v.term());
    boolean upToDate = v.lastTerm() > lastTerm() || (v.lastTerm() == lastTerm() && v.lastIndex() >= lastIndex());
    boolean grant = v.term() == disk.term && upToDate && (disk.votedFor == null || disk.votedFor == from);
    if (grant) {
      disk.votedFor = from;
      resetElectionTimer();
    }
    ctx.send(from, new Vote(disk.term, grant));
  }

  private void onVote(int from, Vote v) {
    stepDownIfBehind(v.term());
    if (role == Role.CANDIDATE && v.term() == disk.term && v.granted()) {
      votes.add(from);
      if (votes.size() >= ctx.majority()) {
        becomeLeader();
      }
    }
  }

  private void onAppend(int from, Append a) {
    stepDownIfBehind(a.term());
    if (a.term() < disk.term) {
      ctx.send(from, new Appended(disk.term, false, 0));
      return;
    }
    role = Role.FOLLOWER;
    leader = from;
    resetElectionTimer();
    if (a.prevIndex() > lastIndex() || termAt(a.prevIndex()) != a.prevTerm()) {
      ctx.send(from, new Appended(disk.term, false, Math.min(lastIndex(), a.prevIndex() - 1)));
      return;
    }
    long index = a.prevIndex();
    for (Entry e : a.entries()) {
      index++;
      if (index <= lastIndex() && termAt(index) != e.term()) {
        // A conflicting suffix was never committed: drop it (only entries that disagree, so a stale
        // or duplicated Append never cuts entries it agrees with).
        disk.log.subList((int) index - 1, disk.log.size()).clear();
      }
      if (index > lastIndex()) {
        disk.log.add(e);
      }
    }
    commit = Math.max(commit, Math.min(a.commit(), index));
    apply();
    ctx.send(from, new Appended(disk.term, true, index));
  }

  private void onAppended(int from, Appended a) {
    stepDownIfBehind(a.term());
    if (role != Role.LEADER || a.term() != disk.term) {
      return;
    }
    if (a.success()) {
      matchIndex[from] = Math.max(matchIndex[from], a.match());
      nextIndex[from] = Math.max(nextIndex[from], a.match() + 1);
      advanceCommit();
    } else {
      nextIndex[from] = Math.max(1, Math.min(nextIndex[from] - 1, a.match() + 1));
      sendAppend(from);
    }
  }

  // timers ---------------------------------------------------------------------------------------

  @Override
  void onTimer(Object tag) {
    if (tag instanceof ElectionTimeout t && t.generation() == electionGeneration && role != Role.LEADER) {
      startElection();
    } else if (tag instanceof Heartbeat h && role == Role.LEADER && h.term() == disk.term) {
      broadcastAppend();
      ctx.timer(HEARTBEAT, h);
    }
  }

  private void resetElectionTimer() {
    electionGeneration++;
    ctx.timer(ELECTION_MIN + ctx.random().nextLong(ELECTION_MIN), new ElectionTimeout(electionGeneration));
  }

  private void startElection() {
    disk.term++;
    disk.votedFor = ctx.self();
    role = Role.CANDIDATE;
    leader = -1;
    votes.clear();
    votes.add(ctx.self());
    resetElectionTimer();
    if (votes.size() >= ctx.majority()) {
      becomeLeader();
      return;
    }
    for (int n = 0; n < ctx.nodes(); n++) {
      if (n != ctx.self()) {
        ctx.send(n, new RequestVote(disk.term, lastIndex(), lastTerm()));
      }
    }
  }

  private void becomeLeader() {
    role = Role.LEADER;
    leader = ctx.self();
    nextIndex = new long[ctx.nodes()];
    matchIndex = new long[ctx.nodes()];
    java.util.Arrays.fill(nextIndex, lastIndex() + 1);
    // A no-op of the new term: entries of earlier terms commit only under one of the leader's own.
    appendAsLeader(new Entry(disk.term, null, -1, -1));
    ctx.timer(HEARTBEAT, new Heartbeat(disk.term));
  }

  private void stepDownIfBehind(long term) {
    if (term > disk.term) {
      disk.term = term;
      disk.votedFor = null;
      if (role != Role.FOLLOWER) {
        role = Role.FOLLOWER;
        resetElectionTimer();
      }
      leader = -1;
    }
  }

  // replication ----------------------------------------------------------------------------------

  private void broadcastAppend() {
    for (int n = 0; n < ctx.nodes(); n++) {
      if (n != ctx.self()) {
        sendAppend(n);
      }
    }
  }

  private void sendAppend(int to) {
    long prev = nextIndex[to] - 1;
    int end = (int) Math.min(lastIndex(), prev + MAX_BATCH);
    List<Entry> entries = List.copyOf(disk.log.subList((int) prev, end));
    ctx.send(to, new Append(disk.term, prev, termAt(prev), entries, commit));
  }

  private void advanceCommit() {
    for (long n = lastIndex(); n > commit && termAt(n) == disk.term; n--) {
      int holders = 0;
      for (long m : matchIndex) {
        holders += m >= n ? 1 : 0;
      }
      if (holders >= ctx.majority()) {
        commit = n;
        break;
      }
    }
    apply();
  }

  private void apply() {
    while (applied < commit) {
      Entry e = disk.log.get((int) applied++);
      if (e.ticket() < 0 || !appliedTickets.add(e.ticket())) {
        continue;
      }
      RegisterOp op = e.op();
      Integer current = state.get(op.key());
      Outcome outcome = Outcome.OK;
      if (op instanceof RegisterOp.Write w) {
        state.put(w.key(), w.value());
      } else if (op instanceof RegisterOp.Cas c) {
        if (Objects.equals(current, c.expected())) {
          state.put(c.key(), c.value());
        } else {
          outcome = Outcome.FAIL;
        }
      }
      if (e.origin() == ctx.self() && waiting.remove(e.ticket()) != null) {
        ctx.reply(e.ticket(), outcome, op instanceof RegisterOp.Read ? current : null);
      }
    }
  }

  private long lastIndex() {
    return disk.log.size();
  }

  private long lastTerm() {
    return termAt(lastIndex());
  }

  private long termAt(long index) {
    return index == 0 ? 0 : disk.log.get((int) index - 1).term();
  }
}
