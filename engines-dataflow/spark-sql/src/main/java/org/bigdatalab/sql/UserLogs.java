package org.bigdatalab.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The seed's web logs as files landed by day, the way its {@code ADD PARTITION ... LOCATION
 * '/data/logs/2024/01/15'} expects them: one directory per day ({@code yyyy/MM/dd}) holding a CSV file
 * of {@code user_id,action,timestamp,ip_address}, with no date column (the directory is the date).
 * Seeded: the same days give the same lines.
 */
public final class UserLogs {
  /** The landed days, 2024-01-13 to 2024-01-17. */
  public static final List<LocalDate> DAYS = List.of(
      LocalDate.of(2024, 1, 13), LocalDate.of(2024, 1, 14), LocalDate.of(2024, 1, 15),
      LocalDate.of(2024, 1, 16), LocalDate.of(2024, 1, 17));
  public static final int USERS = 40;
  public static final int LINES_PER_DAY = 400;
  static final String[] ACTIONS = {"view", "view", "click", "add_to_cart", "purchase"};

  private UserLogs() {}

  /** Where a day's file lands under {@code root}: {@code root/2024/01/15}. */
  public static Path dayDir(Path root, LocalDate day) {
    return root.resolve(String.format("%04d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
  }

  /** Writes every day's CSV under {@code root}; users 1..{@value #USERS}, a few of them busy. */
  public static void land(Path root) {
    for (LocalDate day : DAYS) {
      Random random = new Random(day.toEpochDay());
      long midnight = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < LINES_PER_DAY; i++) {
        // half the lines come from users 1-8, so some users pass the seed's HAVING action_count > 10
        int user = random.nextBoolean() ? 1 + random.nextInt(8) : 1 + random.nextInt(USERS);
        lines.add(user + "," + ACTIONS[random.nextInt(ACTIONS.length)] + "," + (midnight + random.nextInt(86_400))
            + ",10.0." + (user / 250) + "." + (user % 250));
      }
      try {
        Path dir = Files.createDirectories(dayDir(root, day));
        Files.write(dir.resolve("part-00000"), lines, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot land the logs of " + day, e);
      }
    }
  }

  /** The seed's {@code users} table (its join reads one it never creates): id and a name. */
  public static void landUsers(Path file) {
    List<String> lines = new ArrayList<>();
    for (int u = 1; u <= USERS; u++) {
      lines.add(u + ",user" + u);
    }
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
